// Stage 4a: check one resource against its schema. Finds the schema (skip/reject first, as kubeconform),
// runs ajv, then turns ajv's errors into clear, positioned diagnostics:
// anyOf/oneOf noise collapsed, "did you mean" for misspelt fields (whose contents are then still checked
// against the suggested field's schema), missing fields reported at the parent's key.
import type { ErrorObject } from 'ajv';
import type { Diagnostic, Lang, ResourceStatus, SchemaLookup, SchemaRegistry, Severity, ValidateFunction } from './types.ts';
import { msg, type Localized } from './messages.ts';
import { pathToPointer, pointerToPath, type PathSegment } from './locate.ts';

/** A diagnostic that keeps both languages, so a report can be printed in either. */
export interface LocalizedDiagnostic extends Diagnostic {
  messages: Localized;
}

export type Locator = (path: PathSegment[], at: 'key' | 'value') => { line: number; col: number };

export interface CheckOptions {
  skip: string[];
  reject: string[];
  ignoreMissingSchemas: boolean;
  lang: Lang;
}

export interface SchemaCheck {
  status: ResourceStatus;
  skipReason?: string;
  diagnostics: LocalizedDiagnostic[];
  /** The schema was found and the resource is fit for the API rules. */
  checked: boolean;
  /** No schema was found (a custom resource whose CustomResourceDefinition may be elsewhere in the input). */
  missing?: boolean;
  /** What the errors are about (for rules not to say it again): pointers of the fields and values found wrong or
   *  missing (`about`), and of the values found wrong, whose contents are then not worth a word either (`within`). */
  claimed?: SchemaClaims;
}

export interface SchemaClaims {
  about: string[];
  within: string[];
}

export function diagnostic(file: string, position: { line: number; col: number }, severity: Severity, rule: string, messages: Localized, lang: Lang, path?: PathSegment[]): LocalizedDiagnostic {
  const d: LocalizedDiagnostic = { file, line: position.line, col: position.col, severity, rule, message: messages[lang], messages };
  if (path && path.length > 0) d.path = pathToPointer(path);
  return d;
}

/** 'apps/v1/Deployment' style key, as kubeconform's -skip/-reject GVKs. */
export function gvk(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

function matchesKindList(list: string[], apiVersion: string, kind: string): string | undefined {
  if (list.length === 0) return undefined;
  const key = gvk(apiVersion, kind);
  return list.find((entry) => entry === kind || entry === key);
}

// ---- schema walking (for "did you mean") ---------------------------------------------------------

type SchemaObject = Record<string, unknown>;

function asSchema(value: unknown): SchemaObject | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as SchemaObject) : undefined;
}

/** Resolves `$ref`s of the form `...#/definitions/<id>` against the known definitions. */
function deref(schema: SchemaObject | undefined, definitions: Record<string, unknown>, root: SchemaObject): SchemaObject | undefined {
  let current = schema;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 32; hops++) {
    const ref = current.$ref as string;
    const hash = ref.indexOf('#');
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    const match = /^\/(?:definitions|\$defs)\/(.+)$/.exec(pointer);
    if (match) {
      const id = match[1].replaceAll('~1', '/').replaceAll('~0', '~');
      current = asSchema(definitions[id]) ?? asSchema((root.definitions as Record<string, unknown> | undefined)?.[id]) ?? asSchema((root.$defs as Record<string, unknown> | undefined)?.[id]);
    } else if (pointer === '' || pointer === '/') {
      current = root;
    } else {
      return undefined;
    }
  }
  return current;
}

/** Sub-schemas that may describe the same instance (the schema itself plus allOf/anyOf/oneOf branches). */
function alternatives(schema: SchemaObject | undefined, definitions: Record<string, unknown>, root: SchemaObject): SchemaObject[] {
  const out: SchemaObject[] = [];
  const visit = (s: SchemaObject | undefined, depth: number) => {
    const resolved = deref(s, definitions, root);
    if (!resolved || depth > 8) return;
    out.push(resolved);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const branches = resolved[key];
      if (Array.isArray(branches)) for (const branch of branches) visit(asSchema(branch), depth + 1);
    }
  };
  visit(schema, 0);
  return out;
}

/** The schemas that apply at `path` inside a resource. */
function schemasAt(root: SchemaObject, definitions: Record<string, unknown>, path: PathSegment[]): SchemaObject[] {
  let current = alternatives(root, definitions, root);
  for (const segment of path) {
    const next: SchemaObject[] = [];
    for (const schema of current) {
      const properties = asSchema(schema.properties);
      if (properties && typeof segment === 'string' && segment in properties) {
        next.push(...alternatives(asSchema(properties[segment]), definitions, root));
        continue;
      }
      if (schema.items !== undefined && /^\d+$/.test(String(segment))) {
        next.push(...alternatives(asSchema(schema.items), definitions, root));
        continue;
      }
      const additional = asSchema(schema.additionalProperties);
      if (additional) next.push(...alternatives(additional, definitions, root));
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

function propertyNamesAt(root: SchemaObject, definitions: Record<string, unknown>, path: PathSegment[]): { names: string[]; required: Set<string> } {
  const names = new Set<string>();
  const required = new Set<string>();
  for (const schema of schemasAt(root, definitions, path)) {
    const properties = asSchema(schema.properties);
    if (properties) for (const name of Object.keys(properties)) names.add(name);
    if (Array.isArray(schema.required)) for (const name of schema.required) required.add(String(name));
  }
  return { names: [...names], required };
}

/** Edit distance with adjacent transpositions ("contianers" is one slip, not two); names are short. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0][j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** The closest name (case-insensitive match, or a small edit distance relative to the length). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 4)));
    if (Math.abs(word.length - candidate.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// ---- ajv errors -> diagnostics ----------------------------------------------------------------------

function valueAt(object: unknown, path: PathSegment[]): unknown {
  let current = object;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}

function expectedTypes(type: unknown): string[] {
  const types = Array.isArray(type) ? type.map(String) : [String(type)];
  const withoutNull = types.filter((t) => t !== 'null');
  return withoutNull.length > 0 ? withoutNull : types;
}

interface Problem {
  path: PathSegment[];
  at: 'key' | 'value';
  messages: Localized;
  /** A missing field (at its parent's key, `path`): its name. */
  field?: string;
  /** Another field the problem is about (the one a misspelt field was meant to be). */
  meant?: PathSegment[];
}

/** Drops the branch errors of anyOf/oneOf, keeping one clear problem per failing alternative set. */
function collapseAlternatives(errors: ErrorObject[], object: unknown): { kept: ErrorObject[]; problems: Problem[] } {
  const groups = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (groups.length === 0) return { kept: errors, problems: [] };
  const problems: Problem[] = [];
  const consumed = new Set<ErrorObject>();
  // Innermost groups first, so an outer group sees its inner ones already collapsed.
  groups.sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const group of groups) {
    if (consumed.has(group)) continue;
    consumed.add(group);
    const prefix = group.schemaPath + '/';
    const branchErrors = errors.filter((e) => e !== group && e.schemaPath.startsWith(prefix) && !consumed.has(e));
    branchErrors.forEach((e) => consumed.add(e));
    const path = pointerToPath(group.instancePath);
    const value = valueAt(object, path);
    if (oneOfPassedTwice(group)) {
      problems.push({ path, at: 'value', messages: msg.otherSchemaError(group.keyword, 'matches more than one of the allowed forms') });
      continue;
    }
    if (branchErrors.length > 0 && branchErrors.every((e) => e.keyword === 'type' && e.instancePath === group.instancePath)) {
      const types = [...new Set(branchErrors.flatMap((e) => expectedTypes(e.params.type)))];
      problems.push({ path, at: 'value', messages: msg.wrongType(types, value) });
      continue;
    }
    // Prefer the alternative whose type matched (its errors say what is wrong inside it).
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of branchErrors) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0];
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    const typed = [...byBranch.values()].filter((list) => !list.some((e) => e.keyword === 'type' && e.instancePath === group.instancePath));
    if (typed.length > 0) {
      typed.sort((a, b) => a.length - b.length);
      for (const e of typed[0]) consumed.delete(e); // report them as ordinary errors
      continue;
    }
    problems.push({ path, at: 'value', messages: msg.noAlternative() });
  }
  return { kept: errors.filter((e) => !consumed.has(e)), problems };
}

function oneOfPassedTwice(error: ErrorObject): boolean {
  return error.keyword === 'oneOf' && Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas);
}

function problemFromError(error: ErrorObject, object: unknown): Problem {
  const path = pointerToPath(error.instancePath);
  const value = valueAt(object, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], at: 'key', messages: msg.unknownField(String(params.additionalProperty)) };
    case 'required':
      return { path, at: 'key', messages: msg.missingField(String(params.missingProperty)), field: String(params.missingProperty) };
    case 'type': {
      const field = path[path.length - 1];
      if (value === null && typeof field === 'string') return { path, at: 'value', messages: msg.noValue(field, expectedTypes(params.type)) };
      return { path, at: 'value', messages: msg.wrongType(expectedTypes(params.type), value) };
    }
    case 'enum': {
      // null and "" stand for "unset" (defaulted), not a choice to suggest.
      const allowed = (params.allowedValues as unknown[]).filter((v) => v !== null && v !== '');
      const suggestion = typeof value === 'string' ? closest(value, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      return { path, at: 'value', messages: msg.notInEnum(allowed, value, suggestion) };
    }
    case 'const':
      return { path, at: 'value', messages: msg.notConst(params.allowedValue, value) };
    case 'pattern':
      // The Quantity pattern (resource.Quantity) says more as words than as a regular expression.
      if (String(params.pattern).includes('[KMGTPE]i')) return { path, at: 'value', messages: msg.quantity(value) };
      return { path, at: 'value', messages: msg.pattern(String(params.pattern), value) };
    case 'format':
      return { path, at: 'value', messages: msg.format(String(params.format), value) };
    case 'uniqueItems':
      return { path, at: 'value', messages: msg.uniqueItems() };
    case 'x-kubernetes-list-map-keys':
      return { path, at: 'value', messages: msg.duplicateListMapItem(params.keys as string[], params.values as unknown[], Number(params.first)) };
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
    case 'minLength': case 'maxLength': case 'minItems': case 'maxItems':
    case 'minProperties': case 'maxProperties': case 'multipleOf':
      return { path, at: 'value', messages: msg.limit(error.keyword, Number(params.limit ?? params.multipleOf), value) };
    default:
      return { path, at: 'value', messages: msg.otherSchemaError(error.keyword, error.message ?? error.keyword) };
  }
}

interface SchemaSource {
  root: SchemaObject;
  definitions: Record<string, unknown>;
}

/** The object with one key renamed; only the objects along the path are copied (the rest is shared, unchanged). */
function renamePath(object: unknown, parent: PathSegment[], from: string, to: string): unknown {
  if (!object || typeof object !== 'object') return undefined;
  const copy = (node: object): Record<string, unknown> => (Array.isArray(node) ? [...node] : { ...node }) as Record<string, unknown>;
  const root = copy(object);
  let holder = root;
  for (const segment of parent) {
    const child = holder[segment as string];
    if (!child || typeof child !== 'object') return undefined;
    holder = holder[segment as string] = copy(child);
  }
  if (Array.isArray(holder) || to in holder) return undefined;
  holder[to] = holder[from];
  delete holder[from];
  return root;
}

/** Turns ajv's errors into problems: collapse alternatives, suggest names, re-check misspelt blocks. */
export function schemaProblems(validate: ValidateFunction, object: unknown, source: SchemaSource | undefined, depth = 0): Problem[] {
  validate(object);
  const errors = [...(validate.errors ?? [])];
  const { kept, problems } = collapseAlternatives(errors, object);
  const suggestedRequired = new Set<string>();
  for (const error of kept) {
    if (error.keyword !== 'additionalProperties' || !source) continue;
    const parent = pointerToPath(error.instancePath);
    const field = String((error.params as { additionalProperty: unknown }).additionalProperty);
    const { names, required } = propertyNamesAt(source.root, source.definitions, parent);
    const holder = valueAt(object, parent) as Record<string, unknown> | undefined;
    const suggestion = closest(field, names.filter((n) => !(holder && n in holder)));
    if (!suggestion) continue;
    const isRequired = required.has(suggestion);
    if (isRequired) suggestedRequired.add(pathToPointer([...parent, suggestion]));
    const base = problemFromError(error, object);
    problems.push({ ...base, meant: [...parent, suggestion], messages: { en: `${base.messages.en}: ${msg.didYouMean(suggestion, isRequired).en}`, ko: `${base.messages.ko}: ${msg.didYouMean(suggestion, isRequired).ko}` } });
    (error as ErrorObject & { handled?: boolean }).handled = true;
    // Check the misspelt block as if it were spelt right, and report what is wrong inside it.
    if (depth < 2) {
      const renamed = renamePath(object, parent, field, suggestion);
      if (renamed !== undefined) {
        const inner = schemaProblems(validate, renamed, source, depth + 1);
        const renamedPointer = pathToPointer([...parent, suggestion]);
        for (const p of inner) {
          const pointer = pathToPointer(p.path);
          if (pointer !== renamedPointer && !pointer.startsWith(renamedPointer + '/')) continue;
          if (pointer === renamedPointer && p.at === 'key') continue;
          problems.push({ ...p, path: [...parent, field, ...p.path.slice(parent.length + 1)] });
        }
      }
    }
  }
  for (const error of kept) {
    if ((error as ErrorObject & { handled?: boolean }).handled) continue;
    if (error.keyword === 'required') {
      const missingPointer = pathToPointer([...pointerToPath(error.instancePath), String(error.params.missingProperty)]);
      if (suggestedRequired.has(missingPointer)) continue; // already said by "did you mean"
    }
    problems.push(problemFromError(error, object));
  }
  return problems;
}

/** Registry, skip/reject and schema check of one resource. */
export function checkSchema(
  object: Record<string, unknown>,
  apiVersion: string,
  kind: string,
  registry: SchemaRegistry,
  schemaSource: (lookup: Extract<SchemaLookup, { status: 'found' }>) => SchemaSource | undefined,
  options: CheckOptions,
  file: string,
  locate: Locator,
  prefix: PathSegment[],
): SchemaCheck {
  const skipped = matchesKindList(options.skip, apiVersion, kind);
  if (skipped) return { status: 'skipped', skipReason: msg.skipped(skipped)[options.lang], diagnostics: [], checked: false };
  const top = (key: string) => locate([...prefix, key], 'key');
  if (matchesKindList(options.reject, apiVersion, kind)) {
    return { status: 'error', diagnostics: [diagnostic(file, top('kind'), 'error', 'rejected-kind', msg.rejected(kind), options.lang)], checked: false };
  }
  let lookup: SchemaLookup;
  try {
    lookup = registry.lookup(apiVersion, kind);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 'error', diagnostics: [diagnostic(file, top('kind'), 'error', 'schema-file', { en: detail, ko: `스키마를 읽을 수 없다: ${detail}` }, options.lang)], checked: false };
  }
  if (lookup.status === 'missing') {
    if (options.ignoreMissingSchemas) return { status: 'skipped', skipReason: msg.missingSchemaSkipped()[options.lang], diagnostics: [], checked: false, missing: true };
    return { status: 'error', diagnostics: [diagnostic(file, top('kind'), 'error', 'missing-schema', msg.missingSchema(apiVersion, kind), options.lang)], checked: false, missing: true };
  }
  if (lookup.status === 'unserved') {
    const message = msg.versionNotServed(apiVersion, kind, lookup.crd, lookup.served);
    return { status: 'error', diagnostics: [diagnostic(file, top('apiVersion'), 'error', 'missing-schema', message, options.lang)], checked: false };
  }
  if (lookup.status === 'removed') {
    return {
      status: 'invalid',
      diagnostics: [diagnostic(file, top('apiVersion'), 'error', 'removed-api', msg.removedApi(apiVersion, kind, lookup.removedIn, lookup.replacement), options.lang)],
      checked: false,
    };
  }
  if (lookup.status === 'unknown') {
    const message = lookup.servedFrom ? msg.servedLater(apiVersion, kind, lookup.servedFrom) : msg.unknownApi(apiVersion, kind, lookup.group, registry.kubernetesVersion);
    return { status: 'invalid', diagnostics: [diagnostic(file, top('apiVersion'), 'error', 'unknown-api', message, options.lang)], checked: false };
  }
  if (lookup.validate(object)) return { status: 'valid', diagnostics: [], checked: true };
  const problems = schemaProblems(lookup.validate, object, schemaSource(lookup));
  const seen = new Set<string>();
  const diagnostics: LocalizedDiagnostic[] = [];
  for (const p of problems) {
    const fullPath = [...prefix, ...p.path];
    const position = locate(fullPath, p.at);
    const key = `${position.line}:${position.col}:${p.messages.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic(file, position, 'error', 'schema', p.messages, options.lang, p.path));
  }
  const claimed: SchemaClaims = {
    about: problems.flatMap((p) => [p.field === undefined ? p.path : [...p.path, p.field], ...(p.meant ? [p.meant] : [])]).map(pathToPointer),
    within: problems.filter((p) => p.at === 'value' && p.path.length > 0).map((p) => pathToPointer(p.path)),
  };
  return { status: 'invalid', diagnostics, checked: true, claimed };
}
