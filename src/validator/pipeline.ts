// The pipeline for one file: snippets -> documents -> resources -> schema check -> API rules.
// Shared by the library (in-process) and the worker threads, so both give identical results.
import { bundledSchemas, createRegistry, CUSTOM_RESOURCE_SOURCE, everyKindSchemaLoaded, loadKindSchemas, loadKubernetesVersion, objectMetaSchema, withCustomResources } from './registry.ts';
import type { CustomResourceSchema } from './registry/crd.ts';
import { crdReader, isCustomResourceDefinition, loadCrdReader } from './registry/crd-kind.ts';
import { groupOf } from './registry/built-in-groups.ts';
import { checkSchema, diagnostic, type CheckOptions, type LocalizedDiagnostic, type Locator, type SchemaClaims } from './check.ts';
import { pathToPointer, type PathSegment } from './locate.ts';
import { msg, type Localized } from './messages.ts';
import { MAX_ALIAS_COUNT, MAX_DEPTH, parseChunkAt, parseDocumentsByChunk, type ParseProblem, type YamlDocument } from './parse.ts';
import { collectOptOuts, optOutFor, recordIgnored, reportUnusedOptOuts, type OptOut } from './opt-outs.ts';
import { failOnWarnings, ruleFilter, selectRules } from './rule-control.ts';
import { runRuleSet, type RuleHit, type RuleSet } from './rules-adapter.ts';
import type { SourceFile, SourceSnippet } from './sources.ts';
import type { Lang, Resource, ResourceResult, SchemaFiles, SchemaLookup, SchemaRegistry, ValidateOptions } from './types.ts';

export interface Engine {
  registry: SchemaRegistry;
  strict: boolean;
  check: CheckOptions;
  lang: Lang;
  rules: RuleSet | undefined;
  rulesSource: RuleSet | undefined;
  /** -fail-on-warning: known per file too, so that -exit-on-error stops at a file whose warnings fail it. */
  failOnWarning: boolean;
  /** Whether a rule runs (-disable-rule, -enable-rule). */
  ruleEnabled: (rule: string) => boolean;
  schemaFiles: SchemaFiles | undefined;
  schemaSource: (lookup: Extract<SchemaLookup, { status: 'found' }>) => { root: Record<string, unknown>; definitions: Record<string, unknown> } | undefined;
}

const engines = new Map<string, Engine>();

/**
 * What every file needs; throws (before any work) on an unsupported version or a bad schema location.
 * Engines are kept per option set, so compiled schemas are reused across calls (a site build validates
 * page after page with the same options). `schemaFiles` reads local schema locations (Node only; see types.ts).
 */
export async function createEngine(options: ValidateOptions, rules: RuleSet | undefined, schemaFiles?: SchemaFiles): Promise<Engine> {
  await loadKubernetesVersion(options.kubernetesVersion);
  const key = JSON.stringify([options.kubernetesVersion, options.strict, options.schemaLocations, options.skip, options.reject, options.ignoreMissingSchemas, options.lang, options.rules, options.disableRules, options.enableRules, options.failOnWarning]);
  let engine = engines.get(key);
  if (!engine || engine.rulesSource !== rules || engine.schemaFiles !== schemaFiles) {
    engine = buildEngine(options, rules, schemaFiles);
    if (engines.size > 32) engines.clear();
    engines.set(key, engine);
  }
  return engine;
}

function buildEngine(options: ValidateOptions, rules: RuleSet | undefined, schemaFiles: SchemaFiles | undefined): Engine {
  const ruleEnabled = ruleFilter(options.disableRules, options.enableRules);
  const strict = options.strict ?? true;
  const registry = createRegistry({ kubernetesVersion: options.kubernetesVersion, strict, schemaLocations: options.schemaLocations, schemaFiles });
  const definitions = bundledSchemas(registry.kubernetesVersion).definitions;
  const lang = options.lang ?? 'en';
  return {
    registry,
    strict,
    lang,
    rulesSource: rules,
    failOnWarning: options.failOnWarning === true,
    ruleEnabled,
    schemaFiles,
    rules: options.rules === false ? undefined : selectRules(rules, ruleEnabled),
    check: { skip: options.skip ?? [], reject: options.reject ?? [], ignoreMissingSchemas: options.ignoreMissingSchemas ?? false, lang },
    schemaSource: (lookup) => {
      const root = lookup.validate.schema;
      if (!root || typeof root !== 'object') return undefined;
      const bundled = lookup.source === 'default' || lookup.source.startsWith(CUSTOM_RESOURCE_SOURCE);
      return { root: root as Record<string, unknown>, definitions: bundled ? definitions : {} };
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
  /** The custom resource schemas of the file's valid CustomResourceDefinitions, for the whole run. */
  customResourceSchemas: CustomResourceSchema[];
  /** Resources with no schema, which a CustomResourceDefinition elsewhere in the run may define. */
  customResources: Array<{ index: number; apiVersion: string; kind: string; place: ResourcePlace }>;
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
  /** The resource's opt-outs (annotation, comment), for the cross-resource rules' findings. */
  optOuts?: OptOut[];
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
    case 'yaml-undefined-alias': return msg.undefinedAlias(problem.alias ?? '');
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
  /** A CustomResourceDefinition's schemas, or the kind of a resource no schema was found for. */
  customResourceSchemas?: CustomResourceSchema[];
  missingSchema?: { apiVersion: string; kind: string };
  /** What the schema check reported (rules do not report it again). */
  schemaClaims?: SchemaClaims;
  optOuts?: OptOut[];
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
  const pending: Pending = { result, locator, resource: checked.checked ? { file, apiVersion, kind, object } : undefined };
  if (checked.missing) pending.missingSchema = { apiVersion, kind };
  if (checked.claimed) pending.schemaClaims = checked.claimed;
  if (checked.checked && isCustomResourceDefinition(apiVersion, kind)) {
    const { schemas, problems } = crdReader().customResourceSchemas(object, { strict: engine.strict, objectMeta: objectMetaSchema(engine.registry.kubernetesVersion, engine.strict) });
    for (const p of problems) result.diagnostics.push(diagnostic(file, locator([...prefix, ...p.path], 'key'), 'error', 'crd-schema', msg.crdUnusable(p.message), lang, p.path));
    if (problems.length > 0) result.status = 'invalid';
    else if (result.status === 'valid') pending.customResourceSchemas = schemas;
  }
  return pending;
}

/** A source's documents, parsed: per snippet (undefined when opted out), its documents chunk by chunk. */
export type ParsedSource = Array<YamlDocument[][] | undefined>;

function parseSource(source: SourceFile): ParsedSource {
  return source.snippets.map((snippet) => (snippet.optedOut ? undefined : parseDocumentsByChunk(snippet.text)));
}

/** The kinds of the resources of a parsed source, List items included: whose schemas it needs. */
function kindsOf(engine: Engine, source: SourceFile, parsed: ParsedSource): Array<{ apiVersion: string; kind: string }> {
  const kinds = new Map<string, { apiVersion: string; kind: string }>();
  const record: CheckOne = (object, _prefix, locator, start) => {
    const { apiVersion, kind } = object;
    if (typeof apiVersion === 'string' && typeof kind === 'string') kinds.set(`${apiVersion}/${kind}`, { apiVersion, kind });
    return { result: { file: source.file, line: start.line, col: start.col, status: 'valid', diagnostics: [] }, locator };
  };
  parsed.forEach((chunks, snippetIndex) => {
    for (const doc of chunks?.flat() ?? []) resourcesOfDocument(engine, source.file, source.snippets[snippetIndex], doc, record);
  });
  return [...kinds.values()];
}

/**
 * Loads what checking a parsed source needs: the schemas of its kinds (the browser build fetches them kind by kind,
 * schemas/index.ts) and, when it has a CustomResourceDefinition, the module that reads one (registry/crd-kind.ts).
 */
async function prepareSource(engine: Engine, source: SourceFile, parsed: ParsedSource): Promise<void> {
  // Every schema there (Node loads whole files): nothing to pick per kind, and the CRD reader is loaded at once
  // rather than looking through every file for a CustomResourceDefinition.
  if (everyKindSchemaLoaded(engine.registry.kubernetesVersion)) return void (await loadCrdReader());
  const kinds = kindsOf(engine, source, parsed);
  await Promise.all([
    loadKindSchemas(engine.registry.kubernetesVersion, kinds.map(({ apiVersion, kind }) => `${apiVersion}/${kind}`)),
    kinds.some(({ apiVersion, kind }) => isCustomResourceDefinition(apiVersion, kind)) ? loadCrdReader() : undefined,
  ]);
}

/** Validates one file: parse, load what its resources need, check. Every run's path, in Node and in the browser. */
export async function validateFile(engine: Engine, source: SourceFile): Promise<FileResult> {
  const parsed = parseSource(source);
  await prepareSource(engine, source, parsed);
  return validateSource(engine, source, parsed);
}

/** Validates the snippets of one file, parsed and prepared (validateFile). */
function validateSource(engine: Engine, source: SourceFile, parsed: ParsedSource): FileResult {
  const { lang } = engine;
  const out: FileResult = { file: source.file, resources: [], fileDiagnostics: [], optedOut: 0, read: source.diagnostics.length === 0, crossCandidates: [], customResourceSchemas: [], customResources: [] };
  for (const d of source.diagnostics) {
    const localized = localizeInputProblem(d.rule, d.message);
    out.fileDiagnostics.push(diagnostic(d.file, d, 'error', d.rule, localized, lang));
  }
  const pending: Pending[] = [];
  const check: CheckOne = (object, prefix, locator, start) => checkResource(engine, source.file, object, prefix, locator, start);
  for (const [snippetIndex, snippet] of source.snippets.entries()) {
    const chunks = parsed[snippetIndex];
    if (!chunks) {
      out.optedOut++;
      continue;
    }
    for (const [chunk, docs] of chunks.entries()) {
      let nth = 0;
      for (const doc of docs) {
        for (const p of resourcesOfDocument(engine, source.file, snippet, doc, check)) {
          p.place = { snippet: snippetIndex, chunk, nth: nth++ };
          pending.push(p);
        }
      }
    }
  }
  collectOptOuts(source.file, source.snippets, pending, out.fileDiagnostics, lang);
  if (engine.rules) {
    applyRules(engine, pending);
    reportUnusedOptOuts(pending, engine.ruleEnabled, lang);
  }
  for (const p of pending) {
    p.result.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
    p.result.ignored?.sort((a, b) => a.line - b.line || a.col - b.col);
    if (p.resource && engine.rules?.crossCandidate(p.resource)) out.crossCandidates.push({ index: out.resources.length, resource: p.resource, place: p.place!, optOuts: p.optOuts });
    if (p.customResourceSchemas) out.customResourceSchemas.push(...p.customResourceSchemas);
    if (p.missingSchema) out.customResources.push({ index: out.resources.length, ...p.missingSchema, place: p.place! });
    out.resources.push(p.result);
  }
  if (engine.failOnWarning) failOnWarnings(out.resources, out.fileDiagnostics);
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

/** `List` and every typed list (`RoleList`, `ConfigMapList`...), as apimachinery's unstructured decoder reads them. */
function isListKind(kind: unknown): boolean {
  return typeof kind === 'string' && kind.endsWith('List');
}

/**
 * An item of a typed list may leave out apiVersion and kind (the API server writes lists that way): like
 * apimachinery's decodeToList, an item with neither takes the list's apiVersion and the kind the list names.
 */
function typedListItem(list: Record<string, unknown>, item: Record<string, unknown>): Record<string, unknown> {
  const itemKind = (list.kind as string).slice(0, -'List'.length);
  if (!itemKind || 'kind' in item || 'apiVersion' in item) return item;
  return { apiVersion: list.apiVersion, kind: itemKind, ...item };
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
  if (isListKind(object.kind) && Array.isArray(object.items)) {
    // kubectl splits a List, or a typed list such as RoleList, into its items; each is validated as a resource of
    // its own. The list object itself is no resource (it has no name).
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
      items.push(check(typedListItem(object, item as Record<string, unknown>), [], itemLocator(locator, ['items', index]), itemStart));
    }
    return items;
  }
  return [check(object, [], locator, start)];
}

/** Adds a rule's finding to its resource's result, at its position. */
export function recordHit(engine: Engine, result: ResourceResult, locator: Locator, hit: RuleHit, optOuts?: OptOut[], schemaClaims?: SchemaClaims): void {
  if (schemaClaims && hit.severity === 'error' && saidBySchema(hit.field === undefined ? hit.path : [...hit.path, hit.field], schemaClaims)) return;
  const position = locator(hit.path, hit.at ?? 'value');
  const finding = diagnostic(result.file, position, hit.severity, hit.rule, hit.message, engine.lang, hit.path);
  const optOut = optOutFor(optOuts, hit);
  if (optOut) return recordIgnored(result, finding, optOut);
  result.diagnostics.push(finding);
  if (hit.severity === 'error' && result.status === 'valid') result.status = 'invalid';
}

/**
 * Each mistake is reported once: a rule's error is left out when the schema check already reported an error about
 * the same field or value (missing, misspelt, of the wrong type or value), or about a value that holds it.
 */
function saidBySchema(path: PathSegment[], claims: SchemaClaims): boolean {
  const pointer = pathToPointer(path);
  return claims.about.includes(pointer) || claims.within.some((p) => pointer.startsWith(p + '/'));
}

function applyRules(engine: Engine, pending: Pending[]): void {
  const owners = new Map<Resource, Pending>();
  for (const p of pending) if (p.resource) owners.set(p.resource, p);
  if (owners.size === 0) return;
  for (const hit of runRuleSet(engine.rules!.single, [...owners.keys()], { kubernetesVersion: engine.registry.kubernetesVersion })) {
    const owner = owners.get(hit.resource);
    if (owner) recordHit(engine, owner.result, owner.locator, hit, owner.optOuts, owner.schemaClaims);
  }
}

/**
 * Custom resources whose CustomResourceDefinition is in the run (in any file, read by any thread): validated again,
 * once all files are read, against the schema it defines. Their documents are parsed again, as for cross rules.
 */
export async function applyCustomResources(engine: Engine, results: FileResult[], reread: (file: string) => Promise<SourceFile>): Promise<void> {
  const schemas = results.flatMap((r) => r.customResourceSchemas);
  if (schemas.length === 0) return;
  const custom: Engine = { ...engine, registry: withCustomResources(engine.registry, schemas, engine.strict) };
  // Every version of a kind a CRD defines, served or not (a version it does not serve is reported as such).
  const defined = new Set(schemas.map((s) => `${groupOf(s.apiVersion)}/${s.kind}`));
  for (const result of results) {
    const candidates = result.customResources.filter((c) => defined.has(`${groupOf(c.apiVersion)}/${c.kind}`));
    if (candidates.length === 0) continue;
    const source = await reread(result.file);
    const check: CheckOne = (object, prefix, locator, start) => checkResource(custom, result.file, object, prefix, locator, start);
    // Each snippet is parsed, and each chunk checked, once however many custom resources it holds.
    const chunks = new Map<number, YamlDocument[][]>();
    const checked = new Map<string, Pending[]>();
    for (const { index, place } of candidates) {
      const snippet = source.snippets[place.snippet];
      if (!snippet) continue;
      if (!chunks.has(place.snippet)) chunks.set(place.snippet, parseDocumentsByChunk(snippet.text));
      const key = `${place.snippet}/${place.chunk}`;
      if (!checked.has(key)) checked.set(key, (chunks.get(place.snippet)![place.chunk] ?? []).flatMap((doc) => resourcesOfDocument(custom, result.file, snippet, doc, check)));
      const found = checked.get(key)![place.nth];
      if (!found) continue;
      if (custom.rules) applyRules(custom, [found]);
      found.result.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
      result.resources[index] = found.result;
    }
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
  for (const hit of runRuleSet(engine.rules.cross, [...owners.keys()], { kubernetesVersion: engine.registry.kubernetesVersion })) {
    const owner = owners.get(hit.resource);
    if (!owner) continue;
    const { file } = owner.result;
    if (!sources.has(file)) sources.set(file, reread(file));
    if (!locators.has(owner.candidate)) locators.set(owner.candidate, locateResource(engine, await sources.get(file)!, owner.candidate.place));
    const locator = locators.get(owner.candidate) ?? (() => ({ line: owner.result.resources[owner.candidate.index].line, col: owner.result.resources[owner.candidate.index].col }));
    recordHit(engine, owner.result.resources[owner.candidate.index], locator, hit, owner.candidate.optOuts);
    touched.add(owner.result);
  }
  for (const result of touched) for (const r of result.resources) r.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
}
