// GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=...::message` per problem,
// so each shows as an annotation on the pull request's diff.
import type { Lang, ValidationReport } from '../types.ts';
import { allDiagnostics, summaryLine, text, type FormatOptions } from './common.ts';

export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export function formatGithub(report: ValidationReport, options: FormatOptions = {}): string {
  const lang: Lang = options.lang ?? 'en';
  const lines = allDiagnostics(report).map((d) =>
    `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.col},title=${escapeProperty(`k8s-validate ${d.rule}`)}::${escapeData(text(d, lang))}`);
  if (options.summary) lines.push(summaryLine(report, lang));
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
