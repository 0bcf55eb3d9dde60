// The validator's library API: validatePaths, validateText, formatReport.
// Safe to import from Astro/Vite at build time: no CLI side effects, no process.exit, no worker threads
// unless asked for (`workers > 1`).
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { applyCrossRules, createEngine, validateSource, type Engine, type FileResult } from './pipeline.ts';
import { listFiles, readSource, snippetsFromText, type SourceFile } from './sources.ts';
import { diagnostic } from './check.ts';
import { failOnWarnings } from './rule-control.ts';
import { defaultRules } from './rules-default.ts';
import type { ValidateOptions, ValidationReport, ValidationSummary } from './types.ts';

export { formatReport, OUTPUT_FORMATS, type OutputFormat, type FormatOptions } from './output/index.ts';
export { RuleControlError, RULE_GROUPS } from './rule-control.ts';
export { BUNDLED_KUBERNETES_VERSIONS, UnsupportedKubernetesVersionError, SchemaLocationError } from './registry.ts';
export type * from './types.ts';

export interface ValidatePathsOptions extends ValidateOptions {
  /** Worker threads for big inputs (CLI -n). Default 1: everything in the calling thread. */
  workers?: number;
  /** Stop reading further files after the first invalid or failed resource (CLI -exit-on-error). */
  exitOnError?: boolean;
  /** A path that does not exist is not an error (for builds that validate folders that may not exist yet). */
  ignoreMissingPaths?: boolean;
}

/** Below this much input, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

function assemble(engine: Engine, results: FileResult[], extra: FileResult['fileDiagnostics'], options: ValidateOptions): ValidationReport {
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

function failed(result: FileResult): boolean {
  return result.fileDiagnostics.some((d) => d.severity === 'error') || result.resources.some((r) => r.status === 'invalid' || r.status === 'error');
}

async function totalBytes(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (file === '-') continue;
    try {
      total += (await stat(file)).size;
    } catch {
      // reported when the file is read
    }
  }
  return total;
}

/** Validates files and folders (recursively: .yaml .yml .json .md .mdx); `-` reads standard input. */
export async function validatePaths(paths: string[], options: ValidatePathsOptions = {}): Promise<ValidationReport> {
  const engine = createEngine(options, defaultRules);
  const listed = await listFiles(paths, options.ignoreFilenamePatterns);
  const listDiagnostics = listed.diagnostics
    .filter((d) => !(options.ignoreMissingPaths && d.message.endsWith('no such file or directory')))
    .map((d) => diagnostic(d.file, d, 'error', d.rule, { en: d.message, ko: d.message.replace(/^cannot read folder: /, '폴더를 읽을 수 없다: ').replace(/^cannot read: /, '읽을 수 없다: ') }, engine.lang));
  const workers = Math.max(1, Math.min(options.workers ?? 1, availableParallelism() * 2, listed.files.length));
  let results: FileResult[];
  if (workers > 1 && !listed.files.includes('-') && (await totalBytes(listed.files)) >= WORKER_THRESHOLD_BYTES) {
    const { validateInThreads } = await import('./workers.ts');
    results = await validateInThreads(engine, listed.files, options, workers);
  } else {
    results = [];
    for (const file of listed.files) {
      const result = validateSource(engine, await readSource(file));
      results.push(result);
      if (options.exitOnError && failed(result)) break;
    }
  }
  await applyCrossRules(engine, results, readSource);
  return assemble(engine, results, listDiagnostics, options);
}

/** Validates text as if read from `file` (its extension decides YAML/JSON vs Markdown/MDX). */
export async function validateText(text: string, file: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const engine = createEngine(options, defaultRules);
  const source: SourceFile = { file, snippets: snippetsFromText(text, file), diagnostics: [] };
  const results = [validateSource(engine, source)];
  await applyCrossRules(engine, results, async () => source);
  return assemble(engine, results, [], options);
}
