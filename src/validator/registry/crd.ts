// CustomResourceDefinitions found in the input -> JSON Schemas for their custom resources, following the API
// server's rules for structural schemas (apiextensions.k8s.io/v1; k8s.io/apiextensions-apiserver, pkg/apiserver/
// schema and pkg/apis/apiextensions/validation):
// - every node names its type, except where x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields
//   says what it holds; a node with neither properties nor additionalProperties holds no fields of its own;
// - unknown fields are pruned by the API server, so with `strict` they are errors exactly there: in every object
//   node except under x-kubernetes-preserve-unknown-fields and in maps (additionalProperties);
// - x-kubernetes-embedded-resource nodes hold a whole object: apiVersion, kind and metadata are implied;
// - null is kept where `nullable: true`, otherwise a null field is pruned (so it only fails when required);
// - `default` is ignored (defaulting happens in the API server after validation of the request would pass);
// - apiVersion, kind and metadata at the root are the API server's: metadata is an ObjectMeta (the CRD may only
//   restrict metadata.name and metadata.generateName).
// - x-kubernetes-list-type: set items are unique; map items are unique by their x-kubernetes-list-map-keys.
// Not checked (the API server evaluates them, we cannot here): x-kubernetes-validations (CEL rules) and formats.
// Patterns are Go RE2 (`(?i)` is translated); one JavaScript cannot read is left out rather than guessed at.
// No Node built-ins: this runs in the browser too.
import type { Localized } from '../messages.ts';
import { LIST_MAP_KEYS } from './crd-kind.ts';

type Schema = Record<string, unknown>;
export type CrdPath = (string | number)[];

/** One kind and version a CustomResourceDefinition serves, with its JSON Schema. */
export interface CustomResourceSchema {
  /** 'monitoring.coreos.com/v1' */
  apiVersion: string;
  kind: string;
  /** metadata.name of the CRD, for messages. */
  crd: string;
  schema: Schema;
}

/** What makes a CustomResourceDefinition unusable (the API server would refuse it). */
export interface CrdProblem {
  path: CrdPath;
  message: Localized;
}

export interface CrdOptions {
  /** Reject fields the API server would prune (kubeconform -strict). */
  strict: boolean;
  /** The schema of an ObjectMeta (the bundled definition), for metadata at the root and in embedded resources. */
  objectMeta: Schema;
}


const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
/** Keywords apiextensions.k8s.io/v1 refuses in a schema. */
const FORBIDDEN = ['$ref', '$schema', 'id', 'definitions', 'dependencies', 'patternProperties', 'additionalItems'];
const COPIED = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'multipleOf'];

const problem = (path: CrdPath, en: string, ko: string): CrdProblem => ({ path, message: { en, ko } });

/**
 * A Go RE2 pattern as a JavaScript one; undefined when JavaScript cannot read it (the pattern is then not checked,
 * rather than checked wrongly). Go's `(?i)` flag runs to the end of its group: it becomes a `(?i:...)` group
 * where the engine has them (Node 24, current browsers), else letter classes (`[aA]`).
 */
export function jsPattern(pattern: string): string | undefined {
  const compiles = (source: string) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  };
  if (!pattern.includes('(?i)')) return compiles(pattern) ? pattern : undefined;
  const grouped = caseInsensitiveGroups(pattern);
  if (compiles(grouped)) return grouped;
  const classes = caseInsensitiveClasses(pattern.replaceAll('(?i)', ''));
  return compiles(classes) ? classes : undefined;
}

/** `a(?i)b(c)d)e` -> `a(?i:b(c)d))e`: the flag's scope, the rest of its group, made a modifier group. */
function caseInsensitiveGroups(pattern: string): string {
  let out = pattern;
  for (let at = out.indexOf('(?i)'); at !== -1; at = out.indexOf('(?i)')) {
    let depth = 0;
    let inClass = false;
    let end = out.length;
    for (let i = at + 4; i < out.length; i++) {
      const c = out[i];
      if (c === '\\') i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')' && depth-- === 0) {
        end = i;
        break;
      }
    }
    out = `${out.slice(0, at)}(?i:${out.slice(at + 4, end)})${out.slice(end)}`;
  }
  return out;
}

function caseInsensitiveClasses(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (c === '[') (inClass = true), (out += c);
    else if (c === ']') (inClass = false), (out += c);
    else if (/[a-z]/i.test(c)) out += inClass ? c.toLowerCase() + c.toUpperCase() : `[${c.toLowerCase()}${c.toUpperCase()}]`;
    else out += c;
  }
  return out;
}

/** Lets null through (a pruned or nullable field) without loosening anything else. */
function allowNull(schema: Schema): Schema {
  if ('allOf' in schema || 'anyOf' in schema || 'oneOf' in schema || 'not' in schema) return { anyOf: [{ type: 'null' }, schema] };
  const out = { ...schema };
  if (Array.isArray(out.type)) out.type = [...new Set([...(out.type as string[]), 'null'])];
  else if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

class Converter {
  readonly problems: CrdProblem[] = [];
  readonly options: CrdOptions;
  constructor(options: CrdOptions) {
    this.options = options;
  }

  /** Value validations shared by structural nodes and logical junctors (allOf/anyOf/oneOf/not). */
  validations(node: Schema, path: CrdPath, out: Schema, junctor: boolean): void {
    if (Array.isArray(node.enum)) out.enum = node.enum;
    if (typeof node.pattern === 'string') {
      const pattern = jsPattern(node.pattern);
      if (pattern !== undefined) out.pattern = pattern;
    }
    for (const key of COPIED) if (typeof node[key] === 'number') out[key] = node[key];
    for (const [bound, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
      if (typeof node[bound] !== 'number') continue;
      // OpenAPI v3.0 writes an exclusive bound as a boolean beside the bound.
      out[node[exclusive] === true ? exclusive : bound] = node[bound];
    }
    if (Array.isArray(node.required) && node.required.every((r) => typeof r === 'string') && node.required.length > 0) out.required = node.required;
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const branches = node[key];
      if (Array.isArray(branches) && branches.length > 0) out[key] = branches.map((b, i) => this.junctor(isObject(b) ? b : {}, [...path, key, i]));
    }
    if (isObject(node.not)) out.not = this.junctor(node.not, [...path, 'not']);
    if (junctor) {
      if (typeof node.type === 'string' && TYPES.has(node.type)) out.type = node.type;
      if (isObject(node.properties)) {
        out.properties = Object.fromEntries(Object.entries(node.properties).map(([name, child]) => [name, this.junctor(isObject(child) ? child : {}, [...path, 'properties', name])]));
      }
      if (isObject(node.items)) out.items = this.junctor(node.items, [...path, 'items']);
    }
  }

  junctor(node: Schema, path: CrdPath): Schema {
    const out: Schema = {};
    this.validations(node, path, out, true);
    return out;
  }

  /** A structural node. `root` adds what the API server implies at the top of a resource. */
  node(node: Schema, path: CrdPath, root = false): Schema {
    for (const key of FORBIDDEN) {
      if (key in node) this.problems.push(problem([...path, key], `${key} is not allowed in an apiextensions.k8s.io/v1 schema`, `apiextensions.k8s.io/v1 스키마에서는 쓸 수 없는 키워드다: ${key}`));
    }
    const intOrString = node['x-kubernetes-int-or-string'] === true;
    const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
    const embedded = node['x-kubernetes-embedded-resource'] === true;
    const type = node.type;
    const out: Schema = {};
    if (intOrString) {
      if (type !== undefined) this.problems.push(problem([...path, 'type'], 'type must be empty when x-kubernetes-int-or-string is true', 'x-kubernetes-int-or-string이 true이면 type을 비워야 한다'));
      out.type = ['integer', 'string'];
    } else if (type === undefined) {
      if (!preserve) {
        this.problems.push(problem(path, 'type is required in a structural schema (unless x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields is true)', '구조적 스키마에는 type이 필요하다(x-kubernetes-int-or-string이나 x-kubernetes-preserve-unknown-fields가 true인 경우는 예외)'));
      }
    } else if (typeof type !== 'string' || !TYPES.has(type)) {
      this.problems.push(problem([...path, 'type'], `type must be one of ${[...TYPES].join(', ')}`, `type은 ${[...TYPES].join(', ')} 중 하나여야 한다`));
    } else out.type = type;
    if (root && out.type !== 'object') this.problems.push(problem([...path, 'type'], 'the root of the schema must have type: object', '스키마의 최상위는 type: object여야 한다'));
    if (embedded && out.type !== 'object') this.problems.push(problem(path, 'x-kubernetes-embedded-resource needs type: object', 'x-kubernetes-embedded-resource에는 type: object가 필요하다'));
    if (node.uniqueItems === true) {
      this.problems.push(problem([...path, 'uniqueItems'], 'uniqueItems cannot be true (use x-kubernetes-list-type: set or map)', 'uniqueItems는 true일 수 없다(x-kubernetes-list-type: set이나 map을 쓴다)'));
    }
    this.validations(node, path, out, false);

    const properties = isObject(node.properties) ? node.properties : undefined;
    const additional = node.additionalProperties;
    if (properties && additional !== undefined && additional !== false) {
      this.problems.push(problem([...path, 'additionalProperties'], 'properties and additionalProperties cannot both be set', 'properties와 additionalProperties를 함께 쓸 수 없다'));
    }
    if (out.type === 'object' || (out.type === undefined && (properties || isObject(additional)))) {
      const props: Schema = {};
      const required = new Set(Array.isArray(node.required) ? node.required : []);
      for (const [name, child] of Object.entries(properties ?? {})) {
        const childPath = [...path, 'properties', name];
        if (!isObject(child)) continue;
        // A null field is pruned (unless nullable, see node()); only a required one then goes missing.
        props[name] = required.has(name) ? this.node(child, childPath) : allowNull(this.node(child, childPath));
      }
      if (root || embedded) {
        props.apiVersion = { type: 'string' };
        props.kind = { type: 'string' };
        props.metadata = this.metadata(properties?.metadata, [...path, 'properties', 'metadata'], root);
        // An embedded object must say what it is (the API server's validateEmbeddedResource).
        if (embedded) out.required = [...new Set([...((out.required as string[] | undefined) ?? []), 'apiVersion', 'kind'])];
      }
      if (Object.keys(props).length > 0) out.properties = props;
      if (isObject(additional)) {
        out.additionalProperties = this.node(additional, [...path, 'additionalProperties']);
      } else if (this.options.strict && !preserve && additional !== true) {
        out.additionalProperties = false;
      }
    }
    if (out.type === 'array' || node.items !== undefined) {
      if (Array.isArray(node.items)) this.problems.push(problem([...path, 'items'], 'items must be one schema, not a list', 'items는 목록이 아니라 스키마 하나여야 한다'));
      else if (isObject(node.items)) {
        out.items = this.node(node.items, [...path, 'items']);
      } else if (out.type === 'array') this.problems.push(problem(path, 'an array needs items', 'array에는 items가 필요하다'));
      if (node['x-kubernetes-list-type'] === 'set') out.uniqueItems = true;
      const mapKeys = node['x-kubernetes-list-map-keys'];
      if (node['x-kubernetes-list-type'] === 'map' && Array.isArray(mapKeys) && mapKeys.length > 0 && mapKeys.every((k) => typeof k === 'string')) {
        out[LIST_MAP_KEYS] = mapKeys;
      }
    }
    if (node.nullable === true && !root) return allowNull(out);
    return out;
  }

  /** metadata: the API server's ObjectMeta; at the root a CRD may only add restrictions on name and generateName. */
  metadata(given: unknown, path: CrdPath, root: boolean): Schema {
    const meta = this.options.objectMeta;
    if (!isObject(given) || !isObject(given.properties)) return meta;
    const restricted: Schema = {};
    for (const [name, child] of Object.entries(given.properties)) {
      if (root && name !== 'name' && name !== 'generateName') {
        this.problems.push(problem([...path, 'properties', name], 'only metadata.name and metadata.generateName may be restricted', 'metadata에서는 name과 generateName만 제한할 수 있다'));
        continue;
      }
      if (isObject(child)) restricted[name] = allowNull(this.junctor(child, [...path, 'properties', name]));
    }
    return Object.keys(restricted).length > 0 ? { allOf: [meta, { properties: restricted }] } : meta;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The schemas of the versions a CustomResourceDefinition serves, or what makes it unusable. Its form (field
 * names and types) is checked against the bundled CustomResourceDefinition schema before this runs.
 */
export function customResourceSchemas(crd: Schema, options: CrdOptions): { schemas: CustomResourceSchema[]; problems: CrdProblem[] } {
  const converter = new Converter(options);
  const problems = converter.problems;
  const spec = isObject(crd.spec) ? crd.spec : {};
  const names = isObject(spec.names) ? spec.names : {};
  const group = str(spec.group);
  const kind = str(names.kind);
  const plural = str(names.plural);
  const name = str(isObject(crd.metadata) ? crd.metadata.name : undefined) ?? '';
  if (!group || !kind || !plural) return { schemas: [], problems }; // the schema check has said so already
  if (name !== `${plural}.${group}`) {
    problems.push(problem(['metadata', 'name'], `the name of a CustomResourceDefinition must be <spec.names.plural>.<spec.group>: "${plural}.${group}"`, `CustomResourceDefinition의 이름은 <spec.names.plural>.<spec.group>이어야 한다: "${plural}.${group}"`));
  }
  if (!group.includes('.')) problems.push(problem(['spec', 'group'], 'spec.group must be a domain name with at least one dot', 'spec.group은 점이 하나 이상 있는 도메인 이름이어야 한다'));
  if (spec.preserveUnknownFields === true) {
    problems.push(problem(['spec', 'preserveUnknownFields'], 'spec.preserveUnknownFields must be false in apiextensions.k8s.io/v1 (use x-kubernetes-preserve-unknown-fields in the schema)', 'apiextensions.k8s.io/v1에서 spec.preserveUnknownFields는 false여야 한다(스키마에 x-kubernetes-preserve-unknown-fields를 쓴다)'));
  }
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const storage = versions.filter((v) => isObject(v) && v.storage === true).length;
  if (versions.length > 0 && storage !== 1) {
    problems.push(problem(['spec', 'versions'], `exactly one version must have storage: true (found ${storage})`, `storage: true인 버전은 정확히 하나여야 한다(지금은 ${storage}개다)`));
  }
  const schemas: CustomResourceSchema[] = [];
  versions.forEach((version, i) => {
    if (!isObject(version) || !str(version.name)) return;
    const openAPIV3Schema = isObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
    if (!isObject(openAPIV3Schema)) {
      problems.push(problem(['spec', 'versions', i], `version ${version.name} needs schema.openAPIV3Schema`, `버전 ${version.name}에는 schema.openAPIV3Schema가 필요하다`));
      return;
    }
    const schema = converter.node(openAPIV3Schema, ['spec', 'versions', i, 'schema', 'openAPIV3Schema'], true);
    if (version.served === true) schemas.push({ apiVersion: `${group}/${version.name}`, kind, crd: name, schema });
  });
  return { schemas: problems.length > 0 ? [] : schemas, problems };
}
