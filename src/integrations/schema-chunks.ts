// The playground worker's schemas, kind by kind: in the browser build, a version's schema file (imported by
// src/validator/schemas/index.ts) becomes its index plus one module per chunk of definitions, each loaded by dynamic
// import() when a kind that needs it is validated. The split (src/validator/schemas/split.ts) is made here from the
// generated JSON, at build time, so the JSON stays the one source of truth. Node (CLI, site gate, tests) imports the
// whole files and never sees these plugins: they are worker plugins of Vite (astro.config.mjs).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { splitSchemas, type SplitSchemas } from '../validator/schemas/split.ts';

const SCHEMA_FILE = /^kubernetes-(\d+\.\d+)\.json$/;
const SCHEMAS_MODULE = /[\\/]src[\\/]validator[\\/]schemas[\\/]index\.ts$/;
/** Virtual modules: `\0kubernetes-1-36-schemas.js` (the index), `\0kubernetes-1-36-definitions-<n>.js` (a chunk),
 *  `\0kubernetes-1-36-definitions-all.js` (every definition, one file); no dot in the version, so that the output files
 *  are named after them. */
const VIRTUAL = /^\0kubernetes-(\d+)-(\d+)-(?:schemas|definitions-(\d+|all))\.js$/;
const virtualId = (version: string, chunk?: string) => `\0kubernetes-${version.replace('.', '-')}-${chunk === undefined ? 'schemas' : `definitions-${chunk}`}.js`;
/** How the index imports a chunk: `kubernetes-definitions:1.36/<n>` (or `/all`). */
const CHUNK_SPECIFIER = /^kubernetes-definitions:(\d+\.\d+)\/(\d+|all)$/;
const chunkImport = (version: string, chunk: number | 'all') => `() => import(${JSON.stringify(`kubernetes-definitions:${version}/${chunk}`)})`;

/** A module whose default export is the value (JSON.parse of a string is faster to start than an object literal). */
function jsonModule(value: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;
}

const AJV_CORE = /[\\/]ajv[\\/]dist[\\/]core\.js$/;
const AJV_MAIN = /[\\/]ajv[\\/]dist[\\/]ajv\.js$/;
const NO_DISCRIMINATOR = '\0ajv-no-discriminator.js';

/**
 * What the worker's ajv leaves out of ajv's defaults, as it does not use it: fast-uri, replaced by the validator's
 * small resolver (src/validator/registry/uri.ts, which the bundled schemas use in Node too; fast-uri is for external
 * schema files, which the browser has none of), and the `discriminator` keyword, which no ajv of ours enables.
 */
export function leanAjv(): Plugin {
  return {
    name: 'lean-ajv',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      if (source === './runtime/uri' && AJV_CORE.test(importer)) return fileURLToPath(new URL('../validator/registry/uri.ts', import.meta.url));
      if (source === './vocabularies/discriminator' && AJV_MAIN.test(importer)) return NO_DISCRIMINATOR;
      return null;
    },
    load(id) {
      if (id !== NO_DISCRIMINATOR) return null;
      return `export default { keyword: 'discriminator', schemaType: 'object', code() { throw new Error('the discriminator keyword is not in this build'); } };\n`;
    },
  };
}

export function schemaChunks(): Plugin {
  const files = new Map<string, string>();
  const splits = new Map<string, SplitSchemas>();
  const splitOf = (version: string): SplitSchemas => {
    let split = splits.get(version);
    if (!split) splits.set(version, (split = splitSchemas(JSON.parse(readFileSync(files.get(version)!, 'utf8')))));
    return split;
  };
  return {
    name: 'kubernetes-schema-chunks',
    enforce: 'pre',
    resolveId(source, importer) {
      const chunk = CHUNK_SPECIFIER.exec(source);
      if (chunk) return virtualId(chunk[1], chunk[2]);
      const file = /[^\\/]+$/.exec(source)?.[0] ?? '';
      const match = SCHEMA_FILE.exec(file);
      if (!match || !importer || !SCHEMAS_MODULE.test(importer.split('?')[0])) return null;
      files.set(match[1], resolve(dirname(importer.split('?')[0]), source));
      return virtualId(match[1]);
    },
    load(id) {
      const match = VIRTUAL.exec(id);
      if (!match) return null;
      const [, major, minor, chunk] = match;
      const version = `${major}.${minor}`;
      this.addWatchFile(files.get(version)!);
      const { index, chunks } = splitOf(version);
      if (chunk === 'all') return jsonModule(Object.assign({}, ...chunks));
      if (chunk !== undefined) return jsonModule(chunks[Number(chunk)]);
      const loaders = chunks.map((_, n) => chunkImport(version, n));
      return `const index = ${jsonModule(index).replace(/^export default /, '')}export default { ...index, chunks: [${loaders.join(', ')}], all: ${chunkImport(version, 'all')} };\n`;
    },
  };
}
