// The pipeline for one file: snippets -> documents -> resources -> schema check -> API rules.
// Shared by the library (in-process) and the worker threads, so both give identical results.
import { bundledSchemas, createRegistry } from './registry.ts';
import { checkSchema, diagnostic, type CheckOptions, type LocalizedDiagnostic, type Locator } from './check.ts';
import type { PathSegment } from './locate.ts';
import { msg, type Localized } from './messages.ts';
import { MAX_ALIAS_COUNT, MAX_DEPTH, parseChunkAt, parseDocumentsByChunk, type ParseProblem, type YamlDocument } from './parse.ts';
import { runRuleSet, type RuleHit, type RuleSet } from './rules-adapter.ts';
import type { SourceFile, SourceSnippet } from './sources.ts';
import type { Lang, Resource, ResourceResult, SchemaFiles, SchemaLookup, SchemaRegistry, ValidateOptions } from './types.ts';

export interface Engine {
  registry: SchemaRegistry;
  check: CheckOptions;
  lang: Lang;
  rules: RuleSet | undefined;
  rulesSource: RuleSet | undefined;
  schemaFiles: SchemaFiles | undefined;
  schemaSource: (lookup: Extract<SchemaLookup, { status: 'found' }>) => { root: Record<string, unknown>; definitions: Record<string, unknown> } | undefined;
}

const engines = new Map<string, Engine>();

/**
 * What every file needs; throws (before any work) on an unsupported version or a bad schema location.
 * Engines are kept per option set, so compiled schemas are reused across calls (a site build validates
 * page after page with the same options). `schemaFiles` reads local schema locations (Node only; see types.ts).
 */
export function createEngine(options: ValidateOptions, rules: RuleSet | undefined, schemaFiles?: SchemaFiles): Engine {
  const key = JSON.stringify([options.kubernetesVersion, options.strict, options.schemaLocations, options.skip, options.reject, options.ignoreMissingSchemas, options.lang, options.rules]);
  let engine = engines.get(key);
  if (!engine || engine.rulesSource !== rules || engine.schemaFiles !== schemaFiles) {
    engine = buildEngine(options, rules, schemaFiles);
    if (engines.size > 32) engines.clear();
    engines.set(key, engine);
  }
  return engine;
}

function buildEngine(options: ValidateOptions, rules: RuleSet | undefined, schemaFiles: SchemaFiles | undefined): Engine {
  const strict = options.strict ?? true;
  const registry = createRegistry({ kubernetesVersion: options.kubernetesVersion, strict, schemaLocations: options.schemaLocations, schemaFiles });
  const definitions = bundledSchemas(registry.kubernetesVersion).definitions;
  const lang = options.lang ?? 'en';
  return {
    registry,
    lang,
    rulesSource: rules,
    schemaFiles,
    rules: options.rules === false ? undefined : rules,
    check: { skip: options.skip ?? [], reject: options.reject ?? [], ignoreMissingSchemas: options.ignoreMissingSchemas ?? false, lang },
    schemaSource: (lookup) => {
      const root = lookup.validate.schema;
      if (!root || typeof root !== 'object') return undefined;
      return { root: root as Record<string, unknown>, definitions: lookup.source === 'default' ? definitions : {} };
    },
  };
}

/** What one file gives: its resources, its own problems, and how many fences were opted out. */
export interface FileResult {
  file: string;
  resources: ResourceResult[];
  fileDiagnostics: LocalizedDiagnostic[];
  optedOut: number;
  /** The file was read (counted in the summary's files). */
  read: boolean;
  /** Resources the cross-resource rules may concern, for the run-wide pass (index into `resources`). */
  crossCandidates: CrossCandidate[];
}

export interface CrossCandidate {
  index: number;
  resource: Resource;
  /**
   * Where the resource sits in its file. A finding is located by parsing that one document again: keeping a
   * locator per candidate instead would keep every file's text and parsed documents alive for the whole run
   * (more memory and garbage-collection work), and a locator cannot cross threads anyway.
   */
  place: ResourcePlace;
}

/** A resource's place in its file: snippet, chunk of that snippet (see parseChunkAt), nth resource of that chunk. */
export interface ResourcePlace {
  snippet: number;
  chunk: number;
  nth: number;
}

function parseProblemMessage(problem: ParseProblem): Localized {
  switch (problem.rule) {
    case 'yaml-duplicate-key': {
      const key = /"(.*)"$/.exec(problem.message)?.[1];
      return msg.duplicateKey(key === undefined ? undefined : JSON.parse(`"${key}"`));
    }
    case 'yaml-alias-limit': return msg.aliasLimit(MAX_ALIAS_COUNT);
    case 'yaml-too-deep': return msg.tooDeep(MAX_DEPTH);
    default: return msg.yamlSyntax(problem.message, problem.code);
  }
}

function typeOfValue(value: unknown): string {
  if (Array.isArray(value)) return 'a sequence';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

interface Pending {
  result: ResourceResult;
  resource?: Resource;
  locator: Locator;
  place?: ResourcePlace;
}

function displayName(metadata: unknown): { name?: string; namespace?: string } {
  if (!metadata || typeof metadata !== 'object') return {};
  const m = metadata as Record<string, unknown>;
  const out: { name?: string; namespace?: string } = {};
  if (typeof m.name === 'string') out.name = m.name;
  else if (typeof m.generateName === 'string') out.name = `${m.generateName}{{ generateName }}`; // as kubeconform shows it
  if (typeof m.namespace === 'string') out.namespace = m.namespace;
  return out;
}

function checkResource(engine: Engine, file: string, object: Record<string, unknown>, prefix: PathSegment[], locator: Locator, start: { line: number; col: number }): Pending {
  const { lang } = engine;
  const result: ResourceResult = { file, line: start.line, col: start.col, status: 'valid', diagnostics: [] };
  const identityError = (key: 'kind' | 'apiVersion'): LocalizedDiagnostic | undefined => {
    if (!(key in object)) return diagnostic(file, start, 'error', 'missing-' + key.toLowerCase(), key === 'kind' ? msg.missingKind() : msg.missingApiVersion(), lang);
    const value = object[key];
    if (value === null || value === '') return diagnostic(file, locator([...prefix, key], 'key'), 'error', 'missing-' + key.toLowerCase(), msg.emptyValue(key), lang);
    if (typeof value !== 'string') return diagnostic(file, locator([...prefix, key], 'value'), 'error', 'missing-' + key.toLowerCase(), msg.notAString(key, value), lang);
    return undefined;
  };
  if (typeof object.apiVersion === 'string') result.apiVersion = object.apiVersion;
  if (typeof object.kind === 'string') result.kind = object.kind;
  Object.assign(result, displayName(object.metadata));
  const identity = identityError('kind') ?? identityError('apiVersion');
  if (identity) {
    result.status = 'error';
    result.diagnostics.push(identity);
    return { result, locator };
  }
  const apiVersion = object.apiVersion as string;
  const kind = object.kind as string;
  const checked = checkSchema(object, apiVersion, kind, engine.registry, engine.schemaSource, engine.check, file, (path, at) => locator(path, at), prefix);
  result.status = checked.status;
  if (checked.skipReason) result.skipReason = checked.skipReason;
  result.diagnostics.push(...checked.diagnostics);
  return { result, locator, resource: checked.checked ? { file, apiVersion, kind, object } : undefined };
}

/** Validates the snippets of one file. */
export function validateSource(engine: Engine, source: SourceFile): FileResult {
  const { lang } = engine;
  const out: FileResult = { file: source.file, resources: [], fileDiagnostics: [], optedOut: 0, read: source.diagnostics.length === 0, crossCandidates: [] };
  for (const d of source.diagnostics) {
    const localized = localizeInputProblem(d.rule, d.message);
    out.fileDiagnostics.push(diagnostic(d.file, d, 'error', d.rule, localized, lang));
  }
  const pending: Pending[] = [];
  const check: CheckOne = (object, prefix, locator, start) => checkResource(engine, source.file, object, prefix, locator, start);
  for (const [snippetIndex, snippet] of source.snippets.entries()) {
    if (snippet.optedOut) {
      out.optedOut++;
      continue;
    }
    for (const [chunk, docs] of parseDocumentsByChunk(snippet.text).entries()) {
      let nth = 0;
      for (const doc of docs) {
        for (const p of resourcesOfDocument(engine, source.file, snippet, doc, check)) {
          p.place = { snippet: snippetIndex, chunk, nth: nth++ };
          pending.push(p);
        }
      }
    }
  }
  if (engine.rules) applyRules(engine, pending);
  for (const p of pending) {
    p.result.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
    if (p.resource && engine.rules?.crossCandidate(p.resource)) out.crossCandidates.push({ index: out.resources.length, resource: p.resource, place: p.place! });
    out.resources.push(p.result);
  }
  return out;
}

function localizeInputProblem(rule: string, message: string): Localized {
  if (rule === 'empty-input') return msg.emptyStdin();
  if (message.startsWith('binary file')) return msg.binary();
  if (message.startsWith('file is UTF-16')) return msg.utf16();
  if (message.startsWith('invalid UTF-8')) return msg.invalidUtf8();
  if (message.startsWith('cannot read')) return { en: message, ko: message.replace(/^cannot read folder: /, '폴더를 읽을 수 없다: ').replace(/^cannot read: /, '읽을 수 없다: ') };
  return { en: message, ko: message };
}

/**
 * Where a resource sits, found by parsing its document again (nothing is checked): for a cross-resource finding
 * on a resource validated in another thread.
 */
export function locateResource(engine: Engine, source: SourceFile, place: ResourcePlace): Locator | undefined {
  const snippet = source.snippets[place.snippet];
  if (!snippet) return undefined;
  const locateOnly: CheckOne = (_object, _prefix, locator, start) => ({ result: { file: source.file, line: start.line, col: start.col, status: 'valid', diagnostics: [] }, locator });
  const found = parseChunkAt(snippet.text, place.chunk).flatMap((doc) => resourcesOfDocument(engine, source.file, snippet, doc, locateOnly));
  return found[place.nth]?.locator;
}

function itemLocator(locator: Locator, prefix: PathSegment[]): Locator {
  return (path, at) => locator([...prefix, ...path], at);
}

/** Checks one resource (a document, or an item of a List) found at `prefix` of its document. */
type CheckOne = (object: Record<string, unknown>, prefix: PathSegment[], locator: Locator, start: { line: number; col: number }) => Pending;

function resourcesOfDocument(engine: Engine, file: string, snippet: SourceSnippet, doc: YamlDocument, check: CheckOne): Pending[] {
  const toFile = (p: { line: number; col: number }) => ({ line: p.line + snippet.lineOffset, col: p.col + snippet.colOffset });
  const start = toFile(doc);
  const locator: Locator = (path, at) => {
    const found = doc.positioned().locate(path, at);
    return found ? toFile(found) : start;
  };
  const errorResult = (position: { line: number; col: number }, rule: string, messages: Localized): Pending => ({
    result: { file, line: position.line, col: position.col, status: 'error', diagnostics: [diagnostic(file, position, 'error', rule, messages, engine.lang)] },
    locator,
  });
  if (doc.problem) return [errorResult(toFile(doc.problem), doc.problem.rule, parseProblemMessage(doc.problem))];
  const value = doc.value;
  if (value === null || value === undefined) return []; // empty or comment-only: not a resource (as kubeconform)
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [errorResult(start, 'not-a-mapping', msg.notAMapping(typeOfValue(value)))];
  }
  const object = value as Record<string, unknown>;
  if (object.kind === 'List' && Array.isArray(object.items)) {
    // kubeconform splits a List into its items; each is validated as a resource of its own.
    const items: Pending[] = [];
    // A loop, not a callback: `check` must not be captured by a closure, or every locator (kept for the
    // cross-resource pass) would keep the whole file's parsed resources alive through it.
    for (const [index, item] of object.items.entries()) {
      if (item === null || item === undefined) continue;
      const itemStart = locator(['items', index], 'value');
      if (typeof item !== 'object' || Array.isArray(item)) {
        items.push(errorResult(itemStart, 'not-a-mapping', msg.notAMapping(typeOfValue(item))));
        continue;
      }
      items.push(check(item as Record<string, unknown>, [], itemLocator(locator, ['items', index]), itemStart));
    }
    return items;
  }
  return [check(object, [], locator, start)];
}

/** Adds a rule's finding to its resource's result, at its position. */
export function recordHit(engine: Engine, result: ResourceResult, locator: Locator, hit: RuleHit): void {
  const position = locator(hit.path, hit.at ?? 'value');
  result.diagnostics.push(diagnostic(result.file, position, hit.severity, hit.rule, hit.message, engine.lang, hit.path));
  if (hit.severity === 'error' && result.status === 'valid') result.status = 'invalid';
}

function applyRules(engine: Engine, pending: Pending[]): void {
  const owners = new Map<Resource, Pending>();
  for (const p of pending) if (p.resource) owners.set(p.resource, p);
  if (owners.size === 0) return;
  for (const hit of runRuleSet(engine.rules!.single, [...owners.keys()])) {
    const owner = owners.get(hit.resource);
    if (owner) recordHit(engine, owner.result, owner.locator, hit);
  }
}

/**
 * The cross-resource rules, once over the whole run (a StatefulSet's Service may be in another file).
 * Findings are located by reading their file again (`reread`) and parsing the resource's document alone.
 */
export async function applyCrossRules(engine: Engine, results: FileResult[], reread: (file: string) => Promise<SourceFile>): Promise<void> {
  if (!engine.rules) return;
  const owners = new Map<Resource, { result: FileResult; candidate: CrossCandidate }>();
  for (const result of results) for (const candidate of result.crossCandidates) owners.set(candidate.resource, { result, candidate });
  if (owners.size === 0) return;
  const touched = new Set<FileResult>();
  const sources = new Map<string, Promise<SourceFile>>();
  const locators = new Map<CrossCandidate, Locator | undefined>();
  for (const hit of runRuleSet(engine.rules.cross, [...owners.keys()])) {
    const owner = owners.get(hit.resource);
    if (!owner) continue;
    const { file } = owner.result;
    if (!sources.has(file)) sources.set(file, reread(file));
    if (!locators.has(owner.candidate)) locators.set(owner.candidate, locateResource(engine, await sources.get(file)!, owner.candidate.place));
    const locator = locators.get(owner.candidate) ?? (() => ({ line: owner.result.resources[owner.candidate.index].line, col: owner.result.resources[owner.candidate.index].col }));
    recordHit(engine, owner.result.resources[owner.candidate.index], locator, hit);
    touched.add(owner.result);
  }
  for (const result of touched) for (const r of result.resources) r.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
}
