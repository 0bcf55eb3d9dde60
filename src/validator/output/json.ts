// JSON output in kubeconform's shape ({ resources: [{ filename, kind, name, version, status, msg,
// validationErrors }], summary }), with positions and every diagnostic added.
import type { Lang, ValidationReport } from '../types.ts';
import { failing, failureMessages, ignoredNote, text, type FormatOptions } from './common.ts';

const STATUS = { valid: 'statusValid', invalid: 'statusInvalid', error: 'statusError', skipped: 'statusSkipped' } as const;

export function formatJson(report: ValidationReport, options: FormatOptions = {}): string {
  const lang: Lang = options.lang ?? 'en';
  const resources: unknown[] = [];
  for (const d of report.fileDiagnostics) {
    resources.push({
      filename: d.file, kind: '', name: '', version: '', status: STATUS.error, msg: text(d, lang),
      line: d.line, col: d.col,
      diagnostics: [{ line: d.line, col: d.col, severity: d.severity, rule: d.rule, message: text(d, lang) }],
    });
  }
  for (const r of report.resources) {
    const quiet = (r.status === 'valid' || r.status === 'skipped') && r.diagnostics.length === 0;
    if (quiet && !options.verbose) continue;
    resources.push({
      filename: r.file,
      kind: r.kind ?? '',
      name: r.name ?? '',
      version: r.apiVersion ?? '',
      status: STATUS[r.status],
      msg: failureMessages(r, lang),
      ...(r.status === 'invalid' ? { validationErrors: failing(r).map((d) => ({ path: d.path ?? '', msg: text(d, lang) })) } : {}),
      line: r.line,
      col: r.col,
      ...(r.namespace ? { namespace: r.namespace } : {}),
      ...(r.skipReason ? { skipReason: r.skipReason } : {}),
      diagnostics: r.diagnostics.map((d) => ({ line: d.line, col: d.col, severity: d.severity, rule: d.rule, message: text(d, lang), ...(d.path ? { path: d.path } : {}) })),
      ...(options.verbose && r.ignored ? { ignored: r.ignored.map((d) => ({ line: d.line, col: d.col, severity: d.severity, rule: d.rule, message: text(d, lang), reason: d.reason, optOut: d.optOut, note: ignoredNote(d, lang) })) } : {}),
    });
  }
  const body: Record<string, unknown> = { resources };
  if (options.summary) body.summary = { ...report.summary };
  return JSON.stringify(body, null, 2) + '\n';
}
