// Helpers shared by the output formats.
import type { Diagnostic, IgnoredDiagnostic, Lang, ResourceResult, ValidationReport } from '../types.ts';
import { msg } from '../messages.ts';

export interface FormatOptions {
  lang?: Lang;
  verbose?: boolean;
  summary?: boolean;
}

/** The message in the wanted language (diagnostics made by this validator carry both). */
export function text(d: Diagnostic, lang: Lang): string {
  const messages = (d as Diagnostic & { messages?: Record<Lang, string> }).messages;
  return messages?.[lang] ?? d.message;
}

/** `file:line:col: error[rule]: message` */
export function diagnosticLine(d: Diagnostic, lang: Lang): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}[${d.rule}]: ${text(d, lang)}`;
}

/** `file:line:col: ignored warning[rule]: message (opted out at line:col: reason)`, listed with -verbose. */
export function ignoredLine(d: IgnoredDiagnostic, lang: Lang): string {
  return `${d.file}:${d.line}:${d.col}: ignored ${d.severity}[${d.rule}]: ${text(d, lang)} (${ignoredNote(d, lang)})`;
}

/** Why a finding is ignored: the reason, and where the opt-out is written. */
export function ignoredNote(d: IgnoredDiagnostic, lang: Lang): string {
  return msg.ignoredBy(d.reason, d.optOut.via, `${d.file}:${d.optOut.line}:${d.optOut.col}`)[lang];
}

/** What a resource fails with: its errors, or its warnings when only they made it invalid (-fail-on-warning). */
export function failing(r: ResourceResult): Diagnostic[] {
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  return errors.length === 0 && r.status === 'invalid' ? r.diagnostics : errors;
}

export function failureMessages(r: ResourceResult, lang: Lang): string {
  return failing(r).map((d) => text(d, lang)).join(' - ');
}

/** 'Deployment web' / 'Deployment' / '' */
export function resourceLabel(r: ResourceResult): string {
  return [r.kind, r.name].filter(Boolean).join(' ');
}

export function summaryLine(report: ValidationReport, lang: Lang): string {
  const s = report.summary;
  const stdin = report.resources.length + report.fileDiagnostics.length > 0 &&
    [...report.resources.map((r) => r.file), ...report.fileDiagnostics.map((d) => d.file)].every((f) => f === '-' || f === 'stdin');
  return msg.summary({ ...s, errors: s.errors, resources: s.valid + s.invalid + s.errors + s.skipped, stdin })[lang];
}

export function allDiagnostics(report: ValidationReport): Diagnostic[] {
  return [...report.fileDiagnostics, ...report.resources.flatMap((r) => r.diagnostics)];
}

export function xmlEscape(value: string): string {
  return value
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
}
