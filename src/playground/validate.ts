// The validator as the playground runs it: the browser build of the core, strict like the site's build gate.
// Shared by the worker and by the browser-vs-Node test (the same function on both sides).
import { summaryLine, validateBytes, type Lang } from '../validator/core.ts';
import type { PlaygroundDiagnostic } from './protocol.ts';

/** The right spelling a "did you mean" message offers (the English message carries it in a fixed form). */
export function suggestionOf(englishMessage: string): string | undefined {
  const match = /did you mean ("(?:[^"\\]|\\.)*")\?/.exec(englishMessage);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]) as string;
  } catch {
    return undefined;
  }
}

/** Validates bytes as the CLI reads a file (pasted binary data gets its "binary file" message), strict like the site's gate,
 *  against `kubernetesVersion` (the newest bundled one when absent; the report names the one used). */
export async function validateForPlayground(
  bytes: Uint8Array,
  file: string,
  lang: Lang,
  kubernetesVersion?: string,
): Promise<{ diagnostics: PlaygroundDiagnostic[]; summary: string; kubernetesVersion: string }> {
  const report = await validateBytes(bytes, file, { strict: true, lang, kubernetesVersion });
  const all = [...report.fileDiagnostics, ...report.resources.flatMap((resource) => resource.diagnostics)];
  const diagnostics = all
    .map((d): PlaygroundDiagnostic => {
      const english = (d as typeof d & { messages?: Record<Lang, string> }).messages?.en ?? d.message;
      const suggestion = suggestionOf(english);
      return { line: d.line, col: d.col, severity: d.severity, rule: d.rule, message: d.message, ...(suggestion === undefined ? {} : { suggestion }) };
    })
    .sort((a, b) => a.line - b.line || a.col - b.col);
  return { diagnostics, summary: summaryLine(report, lang), kubernetesVersion: report.kubernetesVersion };
}
