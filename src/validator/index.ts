// The validator's Node library API: validatePaths, validateText, formatReport (core.ts is its Node-free part).
// Safe to import from Astro/Vite at build time: no CLI side effects, no process.exit, no worker threads
// unless asked for (`workers > 1`).
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { applyCrossRules, createEngine, validateSource, type FileResult } from './pipeline.ts';
import { listFiles, readSource } from './files.ts';
import { diagnostic } from './check.ts';
import { defaultRules } from './rules-default.ts';
import { assemble, validateText as validateTextWith } from './core.ts';
import { nodeSchemaFiles } from './schema-files.ts';
import type { ValidateOptions, ValidatePathsOptions, ValidationReport } from './types.ts';

export { formatReport, OUTPUT_FORMATS, BUNDLED_KUBERNETES_VERSIONS, UnsupportedKubernetesVersionError, SchemaLocationError } from './core.ts';
export type { OutputFormat, FormatOptions } from './core.ts';
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
  const engine = createEngine(options, defaultRules, nodeSchemaFiles);
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
  return assemble(engine, results, listDiagnostics);
}

/** Validates text as if read from `file` (its extension decides YAML/JSON vs Markdown/MDX). */
export function validateText(text: string, file: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  return validateTextWith(text, file, options, nodeSchemaFiles);
}
