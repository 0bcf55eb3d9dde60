// Text output: one `file:line:col: severity[rule]: message` line per problem (what editors and CI parse),
// valid/skipped resources with -verbose, kubeconform's summary line with -summary.
import type { Lang, ValidationReport } from '../types.ts';
import { msg } from '../messages.ts';
import { diagnosticLine, ignoredLine, resourceLabel, summaryLine, type FormatOptions } from './common.ts';

export function formatText(report: ValidationReport, options: FormatOptions = {}): string {
  const lang: Lang = options.lang ?? 'en';
  const lines: string[] = report.fileDiagnostics.map((d) => diagnosticLine(d, lang));
  for (const r of report.resources) {
    if (options.verbose && r.status === 'valid') lines.push(`${r.file}:${r.line}:${r.col}: ${msg.isValid(resourceLabel(r) || 'resource')[lang]}`);
    if (options.verbose && r.status === 'skipped') lines.push(`${r.file}:${r.line}:${r.col}: ${msg.isSkipped(resourceLabel(r) || 'resource')[lang]}${r.skipReason ? ` (${r.skipReason})` : ''}`);
    for (const d of r.diagnostics) lines.push(diagnosticLine(d, lang));
    if (options.verbose) for (const d of r.ignored ?? []) lines.push(ignoredLine(d, lang));
  }
  if (options.summary) lines.push(summaryLine(report, lang));
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
