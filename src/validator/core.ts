// The validator's core API, free of Node built-ins (it also runs in the browser: the site's playground worker):
// text -> report, and the report's formats. index.ts is the Node library API over it (files, folders, threads,
// local schema folders).
import { applyCrossRules, createEngine, validateSource, type Engine, type FileResult } from './pipeline.ts';
import { snippetsFromText, type SourceFile } from './sources.ts';
import { defaultRules } from './rules-default.ts';
import type { SchemaFiles, ValidateOptions, ValidationReport, ValidationSummary } from './types.ts';

export { formatReport, OUTPUT_FORMATS, type OutputFormat, type FormatOptions } from './output/index.ts';
export { BUNDLED_KUBERNETES_VERSIONS, UnsupportedKubernetesVersionError, SchemaLocationError } from './registry.ts';
export type * from './types.ts';

/** One report from the results of a run's files (plus problems found before any file was read). */
export function assemble(engine: Engine, results: FileResult[], extra: FileResult['fileDiagnostics']): ValidationReport {
  const summary: ValidationSummary = { valid: 0, invalid: 0, errors: 0, skipped: 0, warnings: 0, optedOut: 0, files: 0 };
  const resources = results.flatMap((r) => r.resources);
  const fileDiagnostics = [...extra, ...results.flatMap((r) => r.fileDiagnostics)];
  for (const r of results) {
    summary.optedOut += r.optedOut;
    if (r.read) summary.files++;
  }
  for (const r of resources) {
    if (r.status === 'valid') summary.valid++;
    else if (r.status === 'invalid') summary.invalid++;
    else if (r.status === 'error') summary.errors++;
    else summary.skipped++;
    summary.warnings += r.diagnostics.filter((d) => d.severity === 'warning').length;
  }
  summary.warnings += fileDiagnostics.filter((d) => d.severity === 'warning').length;
  const ok = summary.invalid === 0 && summary.errors === 0 && !fileDiagnostics.some((d) => d.severity === 'error');
  return { resources, fileDiagnostics, summary, ok, kubernetesVersion: engine.registry.kubernetesVersion };
}

/**
 * Validates text as if read from `file` (its extension decides YAML/JSON vs Markdown/MDX). `schemaFiles` lets
 * local schema locations be read (Node); without it only the bundled schemas are searched.
 */
export async function validateText(text: string, file: string, options: ValidateOptions = {}, schemaFiles?: SchemaFiles): Promise<ValidationReport> {
  const engine = createEngine(options, defaultRules, schemaFiles);
  const source: SourceFile = { file, snippets: snippetsFromText(text, file), diagnostics: [] };
  const results = [validateSource(engine, source)];
  await applyCrossRules(engine, results, async () => source);
  return assemble(engine, results, []);
}
