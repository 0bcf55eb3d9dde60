// The validator's core API, free of Node built-ins (it also runs in the browser: the site's playground worker):
// text -> report, and the report's formats. index.ts is the Node library API over it (files, folders, threads,
// local schema folders).
import { applyCrossRules, applyCustomResources, createEngine, validateFile, type Engine, type FileResult } from './pipeline.ts';
import { decodeText, snippetsFromText, type SourceFile } from './sources.ts';
import { failOnWarnings } from './rule-control.ts';
import { defaultRules } from './rules-default.ts';
import { buildMatrix, type MatrixReport } from './matrix.ts';
import type { SchemaFiles, ValidateOptions, ValidationReport, ValidationSummary } from './types.ts';

export { formatReport, OUTPUT_FORMATS, type OutputFormat, type FormatOptions } from './output/index.ts';
export { summaryLine } from './output/common.ts';
export { BUNDLED_KUBERNETES_VERSIONS, UnsupportedKubernetesVersionError, SchemaLocationError, loadEveryKindSchema } from './registry.ts';
export { RuleControlError, RULE_GROUPS } from './rule-control.ts';
export { parseConfig, ConfigError, CONFIG_FILE_NAMES, type ProjectConfig } from './config.ts';
export type * from './types.ts';
export { buildMatrix, formatMatrix, formatVersionRanges, parseKubernetesVersions, KubernetesVersionsError, type MatrixReport, type MatrixResource } from './matrix.ts';

/** One report from the results of a run's files (plus problems found before any file was read). */
export function assemble(engine: Engine, results: FileResult[], extra: FileResult['fileDiagnostics'], options: ValidateOptions): ValidationReport {
  const summary: ValidationSummary = { valid: 0, invalid: 0, errors: 0, skipped: 0, warnings: 0, optedOut: 0, ignored: 0, files: 0 };
  const resources = results.flatMap((r) => r.resources);
  const fileDiagnostics = [...extra, ...results.flatMap((r) => r.fileDiagnostics)];
  const fileWarningsFail = options.failOnWarning === true && failOnWarnings(resources, fileDiagnostics);
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
    summary.ignored += r.ignored?.length ?? 0;
  }
  summary.warnings += fileDiagnostics.filter((d) => d.severity === 'warning').length;
  const ok = summary.invalid === 0 && summary.errors === 0 && !fileDiagnostics.some((d) => d.severity === 'error') && !fileWarningsFail;
  return { resources, fileDiagnostics, summary, ok, kubernetesVersion: engine.registry.kubernetesVersion };
}

async function validateOne(source: SourceFile, options: ValidateOptions, schemaFiles: SchemaFiles | undefined): Promise<ValidationReport> {
  const engine = await createEngine(options, defaultRules, schemaFiles);
  const results = [await validateFile(engine, source)];
  await applyCustomResources(engine, results, async () => source);
  await applyCrossRules(engine, results, async () => source);
  return assemble(engine, results, [], options);
}

/** Validates text against each of `kubernetesVersions` ('1.30'...): which versions accept each resource. */
export async function validateTextMatrix(text: string, file: string, kubernetesVersions: readonly string[], options: ValidateOptions = {}, schemaFiles?: SchemaFiles): Promise<MatrixReport> {
  const reports: ValidationReport[] = [];
  for (const kubernetesVersion of kubernetesVersions) reports.push(await validateText(text, file, { ...options, kubernetesVersion }, schemaFiles));
  return buildMatrix(reports);
}

/**
 * Validates text as if read from `file` (its extension decides YAML/JSON vs Markdown/MDX). `schemaFiles` lets
 * local schema locations be read (Node); without it only the bundled schemas are searched.
 */
export function validateText(text: string, file: string, options: ValidateOptions = {}, schemaFiles?: SchemaFiles): Promise<ValidationReport> {
  return validateOne({ file, snippets: snippetsFromText(text, file), diagnostics: [] }, options, schemaFiles);
}

/** Validates a file's bytes as the CLI reads a file: binary, UTF-16 and invalid UTF-8 are reported, not parsed. */
export function validateBytes(bytes: Uint8Array, file: string, options: ValidateOptions = {}, schemaFiles?: SchemaFiles): Promise<ValidationReport> {
  const decoded = decodeText(file, bytes);
  if ('diagnostic' in decoded) return validateOne({ file, snippets: [], diagnostics: [decoded.diagnostic] }, options, schemaFiles);
  return validateText(decoded.text, file, options, schemaFiles);
}
