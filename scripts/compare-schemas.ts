// Compares the validator with two sets of Kubernetes 1.36 schemas: the committed ones (from the OpenAPI spec) and
// a former kubernetes-models-only file taken from git history (default: the last commit that had it). Runs both
// over the test corpus (tests/fixtures, examples, src/mistakes, content), strict and not, then over a maximal valid
// object of every kind and one unknown field injected into every closed object. Prints every difference; the
// result as of the switch is recorded in scripts/SCHEMAS.md.
//
//   node scripts/compare-schemas.ts [<git commit with the old src/validator/schemas/kubernetes-1.36.json>]

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OLD_COMMIT = process.argv[2] ?? '980030a';
const CORPUS = ['tests/fixtures', 'examples', 'src/mistakes', 'content'];

type Schema = Record<string, unknown>;
interface Schemas {
  kinds: Record<string, string>;
  definitions: Record<string, Schema>;
}
type Library = typeof import('../src/validator/index.ts');

/** A copy of src/validator inside the repository (so packages resolve) whose 1.36 schemas are `schemaText`. */
function validatorCopy(schemaText: string): string {
  const dir = mkdtempSync(join(repoRoot, '.compare-schemas-'));
  cpSync(join(repoRoot, 'src/validator'), join(dir, 'validator'), { recursive: true });
  writeFileSync(join(dir, 'validator/schemas/kubernetes-1.36.json'), schemaText);
  return dir;
}

async function corpusReport(library: Library, strict: boolean): Promise<string[]> {
  const report = await library.validatePaths(CORPUS.map((path) => join(repoRoot, path)), { strict, kubernetesVersion: '1.36' });
  return library.formatReport(report, 'text', { lang: 'en', verbose: true }).split('\n').filter(Boolean);
}

/** A valid object with every property the schema allows; recursive definitions expanded once per branch. */
function maximal(schemas: Schemas, id: string, closed: Array<(string | number)[]>): unknown {
  const build = (input: Schema, path: (string | number)[], stack: string[]): unknown => {
    let schema = input;
    let defId: string | undefined;
    if (typeof input.$ref === 'string') {
      defId = input.$ref.replace('#/definitions/', '');
      schema = schemas.definitions[defId];
      if (stack.includes(defId) && schema.additionalProperties === false && !schema.required) return {};
    }
    const next = defId ? [...stack, defId] : stack;
    if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null);
    const type = (Array.isArray(schema.type) ? schema.type : [schema.type]).find((t) => t !== 'null');
    switch (type) {
      case undefined: return { freeForm: ['any', { json: 1 }] };
      case 'string': return typeof schema.pattern === 'string' ? '1Gi' : 'text';
      case 'integer': return 3;
      case 'number': return 1.5;
      case 'boolean': return true;
      case 'array': return [build(schema.items as Schema, [...path, 0], next)];
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) out[name] = build(property, [...path, name], next);
        if (schema.additionalProperties === false) closed.push(path);
        else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') out['example.com/key'] = build(schema.additionalProperties as Schema, [...path, 'example.com/key'], next);
        return out;
      }
    }
    throw new Error(`unexpected type ${String(type)}`);
  };
  return build({ $ref: `#/definitions/${id}` }, [], []);
}

function compilers(schemas: Schemas, strict: boolean): (id: string) => ((data: unknown) => boolean) & { errors?: unknown[] | null } {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const definitions = strict ? schemas.definitions : JSON.parse(JSON.stringify(schemas.definitions, (key, value) => (key === 'additionalProperties' && value === false ? undefined : value)));
  ajv.addSchema({ $id: 'k8s', definitions });
  const cache = new Map<string, ReturnType<Ajv['compile']>>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, ajv.compile({ $ref: `k8s#/definitions/${id}`, type: 'object' }));
    return cache.get(id)!;
  };
}

function errorsOf(validate: ((data: unknown) => boolean) & { errors?: unknown[] | null }, value: unknown): string {
  validate(value);
  return JSON.stringify((validate.errors ?? []).map((e) => {
    const { instancePath, keyword, params } = e as { instancePath: string; keyword: string; params: unknown };
    return `${instancePath} ${keyword} ${JSON.stringify(params)}`;
  }).sort());
}

async function main(): Promise<void> {
  const oldText = execFileSync('git', ['show', `${OLD_COMMIT}:src/validator/schemas/kubernetes-1.36.json`], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
  const oldSchemas = JSON.parse(oldText) as Schemas & { source: string };
  const { readFileSync } = await import('node:fs');
  const newSchemas = JSON.parse(readFileSync(join(repoRoot, 'src/validator/schemas/kubernetes-1.36.json'), 'utf8')) as Schemas & { source: string };
  console.log(`old: ${oldSchemas.source} (${OLD_COMMIT}), ${Object.keys(oldSchemas.kinds).length} kinds`);
  console.log(`new: ${newSchemas.source}, ${Object.keys(newSchemas.kinds).length} kinds`);
  const differences: string[] = [];

  const onlyOld = Object.keys(oldSchemas.kinds).filter((k) => !newSchemas.kinds[k]);
  const onlyNew = Object.keys(newSchemas.kinds).filter((k) => !oldSchemas.kinds[k]);
  for (const k of onlyOld) differences.push(`kind only in old: ${k}`);
  for (const k of onlyNew) differences.push(`kind only in new: ${k}`);

  // 1. The whole validator over the corpus (the old file lacks the fields added since: none of them apply to 1.36).
  const copy = validatorCopy(JSON.stringify({ groups: [], servedFrom: {}, ...oldSchemas }));
  try {
    const oldLibrary = (await import(pathToFileURL(join(copy, 'validator/index.ts')).href)) as Library;
    const newLibrary = (await import(pathToFileURL(join(repoRoot, 'src/validator/index.ts')).href)) as Library;
    for (const strict of [true, false]) {
      const [before, after] = [await corpusReport(oldLibrary, strict), await corpusReport(newLibrary, strict)];
      const resources = after.length;
      for (const line of before.filter((l) => !after.includes(l))) differences.push(`corpus${strict ? ' -strict' : ''}: only old: ${line}`);
      for (const line of after.filter((l) => !before.includes(l))) differences.push(`corpus${strict ? ' -strict' : ''}: only new: ${line}`);
      console.log(`corpus${strict ? ' -strict' : ''}: ${resources} report lines compared (${CORPUS.join(', ')})`);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }

  // 2. Maximal objects of every kind (built from the old schemas) and unknown fields injected into every closed object.
  let checks = 0;
  for (const strict of [true, false]) {
    const oldValidator = compilers(oldSchemas, strict);
    const newValidator = compilers(newSchemas, strict);
    for (const [gvk, oldId] of Object.entries(oldSchemas.kinds)) {
      const newId = newSchemas.kinds[gvk];
      if (!newId) continue;
      const closed: Array<(string | number)[]> = [];
      const value = maximal(oldSchemas, oldId, closed) as Record<string, unknown>;
      const variants: Array<[string, unknown]> = [['maximal', value]];
      for (const path of closed) {
        const copyOf = structuredClone(value);
        const target = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copyOf) as Record<string, unknown>;
        target.zzInjectedUnknownField = 1;
        variants.push([`unknown field at /${path.join('/')}`, copyOf]);
      }
      for (const [what, data] of variants) {
        checks++;
        const [a, b] = [errorsOf(oldValidator(oldId), data), errorsOf(newValidator(newId), data)];
        if (a !== b) differences.push(`${gvk} ${what}${strict ? ' (strict)' : ''}: old ${a} new ${b}`);
      }
    }
  }
  console.log(`maximal objects and injected unknown fields: ${checks} validations compared (strict and not)`);
  console.log(differences.length ? `${differences.length} difference(s):\n${differences.join('\n')}` : 'no differences');
  process.exitCode = differences.length ? 1 : 0;
}

await main();
