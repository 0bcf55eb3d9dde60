// The validator's Node library API: validatePaths, validateText, formatReport (core.ts is its Node-free part).
// Safe to import from Astro/Vite at build time: no CLI side effects, no process.exit, no worker threads
// unless asked for (`workers > 1`).
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { applyCrossRules, applyCustomResources, createEngine, validateSource, type FileResult } from './pipeline.ts';
import { listFiles, readSource } from './files.ts';
import { diagnostic } from './check.ts';
import { defaultRules } from './rules-default.ts';
import { assemble, buildMatrix, validateText as validateTextWith, validateTextMatrix as validateTextMatrixWith, type MatrixReport } from './core.ts';
import { nodeSchemaFiles } from './schema-files.ts';
// The parse stage's js-yaml fast path (Node only: the browser core reads with the reference parser alone).
import './parse-fast.ts';
import type { ValidateOptions, ValidatePathsOptions, ValidationReport } from './types.ts';

export { formatReport, OUTPUT_FORMATS, BUNDLED_KUBERNETES_VERSIONS, UnsupportedKubernetesVersionError, SchemaLocationError } from './core.ts';
export { buildMatrix, formatMatrix, formatVersionRanges, parseKubernetesVersions, KubernetesVersionsError } from './core.ts';
export { RuleControlError, RULE_GROUPS, parseConfig, ConfigError, CONFIG_FILE_NAMES } from './core.ts';
export type { OutputFormat, FormatOptions, MatrixReport, MatrixResource } from './core.ts';
export type * from './types.ts';

/** Below this much input, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

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
  const engine = await createEngine(options, defaultRules, nodeSchemaFiles);
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
  await applyCustomResources(engine, results, readSource);
  await applyCrossRules(engine, results, readSource);
  return assemble(engine, results, listDiagnostics, options);
}

/** Validates text as if read from `file` (its extension decides YAML/JSON vs Markdown/MDX). */
export function validateText(text: string, file: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  return validateTextWith(text, file, options, nodeSchemaFiles);
}

/**
 * Validates files and folders against each of `kubernetesVersions` ('1.30'...), one version at a time (each loads
 * only its own schemas): which versions accept each resource. Standard input cannot be read more than once.
 */
export async function validatePathsMatrix(paths: string[], kubernetesVersions: readonly string[], options: ValidatePathsOptions = {}): Promise<MatrixReport> {
  if (paths.includes('-')) throw new Error('several Kubernetes versions cannot be checked on standard input (it can be read only once): pass files or folders');
  const reports: ValidationReport[] = [];
  for (const kubernetesVersion of kubernetesVersions) reports.push(await validatePaths(paths, { ...options, kubernetesVersion }));
  return buildMatrix(reports);
}

/** Validates text against each of `kubernetesVersions`: which versions accept each resource. */
export function validateTextMatrix(text: string, file: string, kubernetesVersions: readonly string[], options: ValidateOptions = {}): Promise<MatrixReport> {
  return validateTextMatrixWith(text, file, kubernetesVersions, options, nodeSchemaFiles);
}
