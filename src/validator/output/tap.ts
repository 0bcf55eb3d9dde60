// TAP 13 output, kubeconform's lines: `ok N - file (Kind name)`, `not ok N - file (Kind name): msg`,
// `ok N - file (Kind name) # skip`, then the plan `1..N`. Each problem also gets a `#` line with its position.
import type { Lang, ValidationReport } from '../types.ts';
import { diagnosticLine, failureMessages, ignoredLine, resourceLabel, summaryLine, text, type FormatOptions } from './common.ts';

export function formatTap(report: ValidationReport, options: FormatOptions = {}): string {
  const lang: Lang = options.lang ?? 'en';
  const lines = ['TAP version 13'];
  let n = 0;
  for (const d of report.fileDiagnostics) {
    lines.push(`not ok ${++n} - ${d.file}: ${text(d, lang)}`);
    lines.push(`# ${diagnosticLine(d, lang)}`);
  }
  for (const r of report.resources) {
    const label = resourceLabel(r);
    const errors = failureMessages(r, lang);
    if (r.status === 'valid') lines.push(`ok ${++n} - ${r.file} (${label})`);
    else if (r.status === 'skipped') lines.push(`ok ${++n} - ${r.file} (${label}) # skip`);
    else if (r.status === 'invalid') lines.push(`not ok ${++n} - ${r.file} (${label}): ${errors}`);
    else lines.push(`not ok ${++n} - ${r.file}: ${errors}`);
    for (const d of r.diagnostics) lines.push(`# ${diagnosticLine(d, lang)}`);
    for (const d of r.ignored ?? []) lines.push(`# ${ignoredLine(d, lang)}`);
  }
  lines.push(`1..${n}`);
  if (options.summary) lines.push(`# ${summaryLine(report, lang)}`);
  return lines.join('\n') + '\n';
}
