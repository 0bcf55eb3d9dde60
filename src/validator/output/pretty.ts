// Pretty output: kubeconform's coloured marks, one block per resource with its problems indented under it.
import type { Lang, ValidationReport } from '../types.ts';
import { msg } from '../messages.ts';
import { ignoredNote, resourceLabel, summaryLine, text, type FormatOptions } from './common.ts';

const RESET = '\u001b[0m';
const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const YELLOW = '\u001b[33m';
const DIM = '\u001b[2m';

export function formatPretty(report: ValidationReport, options: FormatOptions = {}): string {
  const lang: Lang = options.lang ?? 'en';
  const lines: string[] = [];
  for (const d of report.fileDiagnostics) lines.push(`${RED}\u2716${RESET} ${d.file}:${d.line}:${d.col} ${RED}${text(d, lang)}${RESET} ${DIM}[${d.rule}]${RESET}`);
  for (const r of report.resources) {
    const where = `${r.file}:${r.line}:${r.col}`;
    const label = resourceLabel(r);
    const ignored = options.verbose ? (r.ignored ?? []) : [];
    if (r.status === 'valid' && r.diagnostics.length === 0 && ignored.length === 0) {
      if (options.verbose) lines.push(`${GREEN}\u2714${RESET} ${where}: ${GREEN}${msg.isValid(label || 'resource')[lang]}${RESET}`);
      continue;
    }
    if (r.status === 'skipped') {
      if (options.verbose) lines.push(`${YELLOW}-${RESET} ${where}: ${YELLOW}${msg.isSkipped(label || 'resource')[lang]}${RESET}`);
      continue;
    }
    const mark = r.status !== 'valid' ? `${RED}\u2716${RESET}` : r.diagnostics.length > 0 ? `${YELLOW}!${RESET}` : `${GREEN}\u2714${RESET}`;
    lines.push(`${mark} ${where}: ${label}`);
    for (const d of r.diagnostics) {
      const colour = d.severity === 'error' ? RED : YELLOW;
      lines.push(`    ${d.line}:${d.col} ${colour}${d.severity}${RESET} ${text(d, lang)} ${DIM}[${d.rule}]${RESET}`);
    }
    for (const d of ignored) lines.push(`    ${d.line}:${d.col} ${DIM}ignored ${d.severity} ${text(d, lang)} [${d.rule}] (${ignoredNote(d, lang)})${RESET}`);
  }
  if (options.summary) lines.push(summaryLine(report, lang));
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
