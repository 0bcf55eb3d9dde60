// Generates strict JSON Schemas for the Kubernetes API served by 1.30 to 1.36 from the API server's own OpenAPI v2
// documents (scripts/openapi/, Apache-2.0, provenance in its README): structure, required fields, integers
// (format int32/int64), int-or-string and preserve-unknown-fields come from the spec of that version. The specs
// hold no enums: those come from the string-literal unions of the pinned kubernetes-models .d.ts (the 1.36 API,
// read with the TypeScript compiler API), carried to each version only where the field exists there with the same
// type. Output: one JSON file per version with every definition once (kinds point at them with $ref), committed
// under src/validator/schemas/. Choices, and the comparison with the former kubernetes-models-only schemas:
// scripts/SCHEMAS.md.
//
//   node scripts/generate-schemas.ts [--out DIR] [--version 1.36 ...]
//
// Why not ts-json-schema-generator or typescript@7 for the enums: see /work/shared/notes/validator.md.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import ts from 'typescript';
import { removedApi } from '../src/validator/registry/removed-apis.ts';
import { KUBERNETES_VERSIONS, type BundledSchemas } from '../src/validator/schemas/index.ts';

export { KUBERNETES_VERSIONS };

/** Kubernetes quantity grammar (k8s.io/apimachinery/pkg/api/resource): signed decimal, then a binary-SI,
 *  decimal-SI or exponent suffix. "1 Gi", "abc", "1.5.2" fail. */
export const QUANTITY_PATTERN = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?$';

/**
 * Enum properties where the API server accepts an explicit "": Go decodes "" into the same zero value as an
 * omitted field, and these are plain (non-pointer) strings that the v1 defaulting fills in when empty
 * (`if obj.X == "" { ... }` in pkg/apis/{core,apps,batch}/v1/defaults.go) or that validation reads as
 * "unset" (validateTolerations: empty operator means Equal, empty effect means all effects). Pointer enums
 * (volumeMode, ipFamilyPolicy, internalTrafficPolicy, completionMode, ...) are absent on purpose: there ""
 * is a value and is rejected. Keys are `definitionId.property`; a key matching no enum fails generation.
 */
export const EMPTY_STRING_ACCEPTED = new Set([
  'core.v1.Toleration.effect',
  'core.v1.Toleration.operator',
  'core.v1.Container.imagePullPolicy',
  'core.v1.Container.terminationMessagePolicy',
  'core.v1.EphemeralContainer.imagePullPolicy',
  'core.v1.EphemeralContainer.terminationMessagePolicy',
  'core.v1.ContainerPort.protocol',
  'core.v1.ServicePort.protocol',
  'core.v1.HTTPGetAction.scheme',
  'core.v1.PodSpec.dnsPolicy',
  'core.v1.PodSpec.restartPolicy',
  'core.v1.ServiceSpec.sessionAffinity',
  'core.v1.ServiceSpec.type',
  'apps.v1.DeploymentStrategy.type',
  'apps.v1.DaemonSetUpdateStrategy.type',
  'apps.v1.StatefulSetUpdateStrategy.type',
  'apps.v1.StatefulSetSpec.podManagementPolicy',
  'batch.v1.CronJobSpec.concurrencyPolicy',
]);

/**
 * Pre-release group/versions a default API server of some supported release serves. Alpha APIs are off by default,
 * and so is every beta API introduced since 1.24 (KEP-3136); the only older beta still served in 1.30 is
 * flowcontrol v1beta3 (removed in 1.32, see removed-apis.ts). Everything else the specs list as alpha/beta is left
 * out: a default cluster answers "no matches for kind".
 */
export const PRERELEASE_SERVED_BY_DEFAULT = new Set(['flowcontrol.apiserver.k8s.io/v1beta3']);

type Schema = Record<string, unknown>;
interface SpecSchema {
  $ref?: string;
  type?: string;
  format?: string;
  items?: SpecSchema;
  properties?: Record<string, SpecSchema>;
  additionalProperties?: SpecSchema | boolean;
  required?: string[];
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
export const OPENAPI_DIR = join(here, 'openapi');
export const DEFAULT_OUTPUT_DIR = join(repoRoot, 'src/validator/schemas');

const INT_OR_STRING_ID = 'intstr.IntOrString';
const QUANTITY_ID = 'resource.Quantity';
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
/** Suffix of a kind's definition as embedded in another object (StatefulSet volumeClaimTemplates): no apiVersion/kind pinned. */
const EMBEDDED_SUFFIX = '-embedded';

export function schemaFileName(kubernetesVersion: string): string {
  return `kubernetes-${kubernetesVersion}.json`;
}

/** 'io.k8s.api.apps.v1.Deployment' -> 'apps.v1.Deployment'; 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' -> 'meta.v1.ObjectMeta'. */
export function shortId(specName: string): string {
  return specName.replace(/^io\.k8s\.(api\.|apimachinery\.pkg\.(apis\.|api\.|util\.)?|apiextensions-apiserver\.pkg\.apis\.|kube-aggregator\.pkg\.apis\.)/, '');
}

function minorOf(version: string): number {
  return Number(version.split('.')[1]);
}

// ---- enums from kubernetes-models -------------------------------------------------------------------

/** Where the allowed strings sit inside one property: the value itself, each item of an array, each value of a map. */
export type EnumShape = { enum: string[] } | { items: EnumShape } | { map: EnumShape };

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`, { paths: [repoRoot] }));
}

function listDts(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_schemas' && entry.name !== 'node_modules') out.push(...listDts(root, path));
    } else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') {
      out.push(path);
    }
  }
  return out;
}

/**
 * kubernetes-models' file for a type, as the spec's short id: 'rbac.authorization.k8s.io/v1/Role' -> 'rbac.v1.Role',
 * core 'v1/Pod' -> 'core.v1.Pod', apimachinery 'apis/meta/v1/ObjectMeta' -> 'meta.v1.ObjectMeta'.
 */
function modelsShortId(packageName: string, path: string): string {
  if (packageName !== 'kubernetes-models') return path.replace(/^(apis|api|util)\//, '').replaceAll('/', '.');
  const parts = path.split('/');
  if (parts.length === 2) return `core.${parts.join('.')}`;
  const [group, version, name] = parts;
  return `${group === 'internal.apiserver.k8s.io' ? 'apiserverinternal' : group.split('.')[0]}.${version}.${name}`;
}

/** Every enum of the 1.36 API that kubernetes-models spells as a string-literal union: short id -> property -> shape. */
export function readModelEnums(): { enums: Map<string, Map<string, EnumShape>>; source: string } {
  const packages = ['kubernetes-models', '@kubernetes-models/apimachinery'].map((name) => ({ name, dir: packageDir(name) }));
  const files = packages.flatMap((pkg) => listDts(pkg.dir));
  const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] });
  const checker = program.getTypeChecker();

  function shapeOf(node: ts.TypeNode): EnumShape | undefined {
    if (ts.isParenthesizedTypeNode(node)) return shapeOf(node.type);
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { enum: [node.literal.text] };
    if (ts.isUnionTypeNode(node)) {
      const members = node.types.filter((m) => m.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(m) && m.literal.kind === ts.SyntaxKind.NullKeyword));
      if (members.length === 1) return shapeOf(members[0]);
      if (members.every((m) => ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal))) {
        return { enum: members.map((m) => ((m as ts.LiteralTypeNode).literal as ts.StringLiteral).text) };
      }
      return undefined;
    }
    if (ts.isArrayTypeNode(node)) return wrap('items', shapeOf(node.elementType));
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      return index?.type && node.members.length === 1 ? wrap('map', shapeOf(index.type)) : undefined;
    }
    if (ts.isTypeReferenceNode(node)) {
      if (ts.isIdentifier(node.typeName) && node.typeName.text === 'Array' && node.typeArguments?.length === 1) return wrap('items', shapeOf(node.typeArguments[0]));
      let symbol = checker.getSymbolAtLocation(node.typeName);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const declaration = symbol?.declarations?.[0];
      if (declaration && ts.isTypeAliasDeclaration(declaration)) return shapeOf(declaration.type);
    }
    return undefined;
  }
  const wrap = (kind: 'items' | 'map', inner: EnumShape | undefined): EnumShape | undefined => (inner ? ({ [kind]: inner } as EnumShape) : undefined);

  const enums = new Map<string, Map<string, EnumShape>>();
  for (const pkg of packages) {
    for (const file of files.filter((f) => f.startsWith(pkg.dir + sep))) {
      const sourceFile = program.getSourceFile(file)!;
      const id = modelsShortId(pkg.name, relative(pkg.dir, file).split(sep).join('/').replace(/\.d\.ts$/, ''));
      for (const statement of sourceFile.statements) {
        if (!ts.isInterfaceDeclaration(statement)) continue;
        const type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(statement.name)!);
        for (const property of checker.getPropertiesOfType(type)) {
          const signature = property.declarations?.find(ts.isPropertySignature);
          const shape = signature?.type && shapeOf(signature.type);
          if (!shape) continue;
          if (!enums.has(id)) enums.set(id, new Map());
          enums.get(id)!.set(property.name, shape);
        }
      }
    }
  }
  const version = JSON.parse(readFileSync(join(packages[0].dir, 'package.json'), 'utf8')).version;
  return { enums, source: `kubernetes-models@${version}` };
}

// ---- one version from its OpenAPI document ------------------------------------------------------------

/** What the validator loads (`BundledSchemas`), with the definitions typed as the generator builds them. */
export type GeneratedSchemas = Omit<BundledSchemas, 'definitions'> & { definitions: Record<string, Schema> };

export interface EnumReport {
  applied: number;
  /** `id.property`: the 1.36 enum's field does not exist in this version (new since). */
  absent: string[];
  /** `id.property`: the field exists with another type: no enum carried. */
  typeDiffers: string[];
}

/** 'apps/v1/Deployment' -> its definition: the kinds a default API server of this version serves (see SCHEMAS.md). */
export function servedKinds(kubernetesVersion: string, spec: Record<string, SpecSchema>): Map<string, { id: string; apiVersion: string; kind: string }> {
  const kinds = new Map<string, { id: string; apiVersion: string; kind: string }>();
  for (const [name, schema] of Object.entries(spec)) {
    const gvks = schema['x-kubernetes-group-version-kind'];
    // meta/v1 types (Status, DeleteOptions, WatchEvent, APIGroup...) are API responses and options, not objects to apply.
    if (!gvks || name.startsWith('io.k8s.apimachinery.pkg.apis.meta.')) continue;
    if (gvks.length !== 1) throw new Error(`${kubernetesVersion}: ${name} has ${gvks.length} group/version/kinds`);
    const { group, version, kind } = gvks[0];
    const apiVersion = group ? `${group}/${version}` : version;
    if (!/^v\d+$/.test(version) && !PRERELEASE_SERVED_BY_DEFAULT.has(apiVersion)) continue;
    const removed = removedApi(apiVersion, kind);
    if (removed && minorOf(removed.removedIn) <= minorOf(kubernetesVersion)) continue;
    kinds.set(`${apiVersion}/${kind}`, { id: shortId(name), apiVersion, kind });
  }
  return kinds;
}

/** For each version: the kinds it does not serve that a later bundled version does, with the first such version. */
export function servedLater(): Record<string, Record<string, string>> {
  const served = KUBERNETES_VERSIONS.map((version) => new Set(servedKinds(version, readSpec(version).definitions).keys()));
  const out: Record<string, Record<string, string>> = {};
  KUBERNETES_VERSIONS.forEach((version, i) => {
    const later: Record<string, string> = {};
    for (let j = i + 1; j < KUBERNETES_VERSIONS.length; j++) {
      for (const key of [...served[j]].sort()) if (!served[i].has(key) && !(key in later)) later[key] = KUBERNETES_VERSIONS[j];
    }
    out[version] = later;
  });
  return out;
}

export function readSpec(kubernetesVersion: string): { definitions: Record<string, SpecSchema>; commit: string } {
  const sources = JSON.parse(readFileSync(join(OPENAPI_DIR, 'sources.json'), 'utf8')) as Record<string, string>;
  const spec = JSON.parse(gunzipSync(readFileSync(join(OPENAPI_DIR, `swagger-${kubernetesVersion}.json.gz`))).toString('utf8')) as { definitions: Record<string, SpecSchema> };
  return { definitions: spec.definitions, commit: sources[kubernetesVersion] };
}

/**
 * `newest`: the newest version's output. An older spec's `required` is kept only where the newest one still requires
 * the field (or no longer has it): the specs mark fields required from Go struct tags, and later releases corrected
 * fields the API server never required (filled by defaulting or optional in validation: StatefulSetSpec.serviceName
 * before 1.33, PodFailurePolicyOnPodConditionsPattern.status before 1.35, RoleRef.apiGroup, ...). Keeping those
 * would reject manifests that version's API server accepts.
 */
export function generateVersion(
  kubernetesVersion: string,
  modelEnums: ReturnType<typeof readModelEnums>,
  { newest, servedFrom = {} }: { newest?: GeneratedSchemas; servedFrom?: Record<string, string> } = {},
): { output: GeneratedSchemas; enumReport: EnumReport; relaxedRequired: string[] } {
  const { definitions: spec, commit } = readSpec(kubernetesVersion);
  const specById = new Map<string, SpecSchema>();
  for (const [name, schema] of Object.entries(spec)) {
    const id = shortId(name);
    if (specById.has(id)) throw new Error(`${kubernetesVersion}: two definitions shorten to ${id}`);
    specById.set(id, schema);
  }

  const groups = new Set<string>();
  for (const schema of Object.values(spec)) for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) groups.add(gvk.group);

  const kinds: Record<string, string> = {};
  const kindOfId = new Map<string, { apiVersion: string; kind: string }>();
  for (const [key, served] of servedKinds(kubernetesVersion, spec)) {
    kinds[key] = served.id;
    kindOfId.set(served.id, served);
  }

  const enumReport: EnumReport = { applied: 0, absent: [], typeDiffers: [] };
  const relaxedRequired: string[] = [];
  const emptyStringApplied = new Set<string>();
  const output = new Map<string, Schema>();
  /** Non-null JSON types of each definition, put beside a $ref where null is not allowed; undefined = free-form. */
  const nonNullTypes = new Map<string, string[] | undefined>();

  function withNull(schema: Schema): Schema {
    if ('$ref' in schema) {
      delete schema.type; // definitions accept null themselves
      return schema;
    }
    if (schema.type === undefined) return schema; // free-form already accepts null
    const types = Array.isArray(schema.type) ? schema.type : [schema.type as string];
    schema.type = [...types, 'null'];
    if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
    return schema;
  }

  function refTo(id: string): Schema {
    define(id);
    if (!output.has(id)) return convertNonNull(specById.get(id)!, id, id); // a plain string (Time, MicroTime): inline
    const types = nonNullTypes.get(id);
    return types ? { $ref: `#/definitions/${id}`, type: types.length === 1 ? types[0] : types } : { $ref: `#/definitions/${id}` };
  }

  function convert(node: SpecSchema, owner: string, where: string, nullable: boolean): Schema {
    const schema = convertNonNull(node, owner, where);
    return nullable ? withNull(schema) : schema;
  }

  function convertNonNull(node: SpecSchema, owner: string, where: string): Schema {
    if (typeof node.$ref === 'string') {
      const target = shortId(node.$ref.replace('#/definitions/', ''));
      // A kind inside another object (not a List's items) carries no pinned apiVersion/kind.
      const embedded = kindOfId.has(target) && !kindOfId.get(owner)?.kind.endsWith('List') && owner !== target;
      return refTo(embedded ? target + EMBEDDED_SUFFIX : target);
    }
    if (node['x-kubernetes-int-or-string']) return { type: ['integer', 'string'] };
    switch (node.type) {
      case 'string':
      case 'boolean':
      case 'number':
        return { type: node.type };
      case 'integer':
        // The API server cannot decode an out-of-range int32 (`containerPort: 99999999999`).
        return node.format === 'int32' ? { type: 'integer', minimum: INT32_MIN, maximum: INT32_MAX } : { type: 'integer' };
      case 'array':
        if (!node.items) throw new Error(`${kubernetesVersion}: array without items at ${where}`);
        return { type: 'array', items: convert(node.items, owner, `${where}[]`, false) };
      case 'object':
        return objectSchema(node, owner, where);
      case undefined:
        if (node.properties || node.additionalProperties) return objectSchema(node, owner, where);
        return {}; // any JSON value (apiextensions JSON, JSONSchemaPropsOr*)
    }
    throw new Error(`${kubernetesVersion}: unsupported type ${String(node.type)} at ${where}`);
  }

  function objectSchema(node: SpecSchema, owner: string, where: string): Schema {
    const schema: Schema = { type: 'object' };
    const required = node.required ?? [];
    if (node.properties) {
      const properties: Record<string, Schema> = {};
      for (const [name, property] of Object.entries(node.properties)) {
        properties[name] = convert(property, owner, `${where}.${name}`, !required.includes(name));
      }
      schema.properties = properties;
    }
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      // A real map (labels, annotations, resource lists): values may be null like kubectl/kubeconform allow.
      schema.additionalProperties = convert(node.additionalProperties, owner, `${where}.*`, true);
    } else if (node.properties && !node['x-kubernetes-preserve-unknown-fields'] && node.additionalProperties !== true) {
      schema.additionalProperties = false;
    }
    if (required.length) schema.required = [...required].sort();
    return schema;
  }

  function define(id: string): void {
    if (output.has(id) || nonNullTypes.has(id)) return;
    if (id === INT_OR_STRING_ID) {
      nonNullTypes.set(id, ['integer', 'string']);
      output.set(id, { type: ['integer', 'string', 'null'] });
      return;
    }
    if (id === QUANTITY_ID) {
      nonNullTypes.set(id, ['number', 'string']);
      output.set(id, { type: ['number', 'string', 'null'], pattern: QUANTITY_PATTERN });
      return;
    }
    const embedded = id.endsWith(EMBEDDED_SUFFIX);
    const specId = embedded ? id.slice(0, -EMBEDDED_SUFFIX.length) : id;
    const node = specById.get(specId);
    if (!node) throw new Error(`${kubernetesVersion}: dangling reference to ${specId}`);
    const isObject = node.type === 'object' || (node.type === undefined && (node.properties || node.additionalProperties));
    if (!isObject) {
      nonNullTypes.set(id, undefined); // inlined where used (Time: a string; JSON: anything)
      if (node.type === undefined) output.set(id, {});
      return;
    }
    if (!node.properties && !node.additionalProperties) {
      // Empty structs the API keeps as raw JSON (RawExtension, FieldsV1): any value.
      nonNullTypes.set(id, undefined);
      output.set(id, {});
      return;
    }
    nonNullTypes.set(id, ['object']);
    output.set(id, {}); // placeholder: recursive definitions (JSONSchemaProps) refer to themselves
    const schema = objectSchema(node, specId, id);
    const gvk = kindOfId.get(id);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    if (gvk) {
      properties.apiVersion = { type: 'string', enum: [gvk.apiVersion] };
      properties.kind = { type: 'string', enum: [gvk.kind] };
      schema.required = [...new Set([...((schema.required as string[]) ?? []), 'apiVersion', 'kind'])].sort();
    }
    applyEnums(specId, properties);
    const newestDefinition = newest?.definitions[id] as { properties?: Record<string, unknown>; required?: string[] } | undefined;
    if (newestDefinition && Array.isArray(schema.required)) {
      schema.required = (schema.required as string[]).filter((name) => {
        const keep = !newestDefinition.properties?.[name] || (newestDefinition.required ?? []).includes(name);
        if (!keep) relaxedRequired.push(`${id}.${name}`);
        return keep;
      });
      if ((schema.required as string[]).length === 0) delete schema.required;
    }
    output.set(id, withNull(schema));
  }

  function applyEnums(specId: string, properties: Record<string, Schema>): void {
    for (const [name, shape] of modelEnums.enums.get(specId) ?? []) {
      // A kind's apiVersion/kind are pinned from its group/version/kind (free strings where it is embedded).
      if (kindOfId.has(specId) && (name === 'apiVersion' || name === 'kind')) continue;
      const key = `${specId}.${name}`;
      if (!properties[name]) {
        if (!enumReport.absent.includes(key)) enumReport.absent.push(key);
        continue;
      }
      const values = 'enum' in shape && EMPTY_STRING_ACCEPTED.has(key) ? ['', ...shape.enum] : undefined;
      if (values) emptyStringApplied.add(key);
      if (applyShape(properties[name], shape, values)) enumReport.applied++;
      else if (!enumReport.typeDiffers.includes(key)) enumReport.typeDiffers.push(key);
    }
  }

  /** Puts the enum where the shape says, if the schema has that shape (a string, an array of, a map of). */
  function applyShape(schema: Schema, shape: EnumShape, values?: string[]): boolean {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if ('enum' in shape) {
      if (types[0] !== 'string' || schema.enum || '$ref' in schema) return false;
      schema.enum = types.includes('null') ? [...(values ?? shape.enum), null] : [...(values ?? shape.enum)];
      return true;
    }
    if ('items' in shape) return types[0] === 'array' && applyShape(schema.items as Schema, shape.items);
    return types[0] === 'object' && typeof schema.additionalProperties === 'object' && applyShape(schema.additionalProperties as Schema, shape.map);
  }

  for (const id of Object.values(kinds)) define(id);
  if (kubernetesVersion === KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]) {
    const unused = [...EMPTY_STRING_ACCEPTED].filter((key) => !emptyStringApplied.has(key));
    if (unused.length) throw new Error(`EMPTY_STRING_ACCEPTED names no enum: ${unused.join(', ')}`);
  }

  const definitions: Record<string, Schema> = {};
  for (const id of [...output.keys()].sort()) definitions[id] = output.get(id)!;
  enumReport.absent.sort();
  enumReport.typeDiffers.sort();
  return {
    output: {
      kubernetesVersion,
      source: `kubernetes-client/python@${commit} kubernetes/swagger.json.unprocessed; enums: ${modelEnums.source}`,
      kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b))),
      groups: [...groups].sort(),
      servedFrom,
      definitions,
    },
    enumReport,
    relaxedRequired: relaxedRequired.sort(),
  };
}

/** Stable text: sorted keys everywhere, one definition per line (reviewable diffs, compact file). */
export function formatSchemas(output: GeneratedSchemas): string {
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
    }
    return value;
  };
  const lines = ['{'];
  lines.push(`"kubernetesVersion": ${JSON.stringify(output.kubernetesVersion)},`);
  lines.push(`"source": ${JSON.stringify(output.source)},`);
  lines.push('"kinds": {');
  const kindEntries = Object.entries(output.kinds);
  kindEntries.forEach(([key, id], i) => lines.push(`${JSON.stringify(key)}: ${JSON.stringify(id)}${i < kindEntries.length - 1 ? ',' : ''}`));
  lines.push('},');
  lines.push(`"groups": ${JSON.stringify(output.groups)},`);
  lines.push(`"servedFrom": ${JSON.stringify(output.servedFrom)},`);
  lines.push('"definitions": {');
  const definitionEntries = Object.entries(output.definitions);
  definitionEntries.forEach(([id, schema], i) => lines.push(`${JSON.stringify(id)}: ${JSON.stringify(sortKeys(schema))}${i < definitionEntries.length - 1 ? ',' : ''}`));
  lines.push('}');
  lines.push('}');
  return lines.join('\n') + '\n';
}

function main(): void {
  const args = process.argv.slice(2);
  let outDir = DEFAULT_OUTPUT_DIR;
  const versions: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && args[i + 1] && !args[i + 1].startsWith('-')) outDir = resolve(args[++i]);
    else if (args[i] === '--version' && KUBERNETES_VERSIONS.includes(args[i + 1])) versions.push(args[++i]);
    else throw new Error(`unexpected argument "${args[i]}". Usage: node scripts/generate-schemas.ts [--out DIR] [--version ${KUBERNETES_VERSIONS.join('|')}]...`);
  }
  const started = performance.now();
  const modelEnums = readModelEnums();
  mkdirSync(outDir, { recursive: true });
  const newestVersion = KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1];
  const newest = generateVersion(newestVersion, modelEnums).output;
  const later = servedLater();
  for (const version of versions.length ? versions : KUBERNETES_VERSIONS) {
    const { output, enumReport, relaxedRequired } = generateVersion(version, modelEnums, { newest: version === newestVersion ? undefined : newest, servedFrom: later[version] });
    const text = formatSchemas(output);
    const outFile = join(outDir, schemaFileName(version));
    writeFileSync(outFile, text);
    console.log(
      `${relative(process.cwd(), outFile)}: ${Object.keys(output.kinds).length} kinds, ${Object.keys(output.definitions).length} definitions, ` +
        `${enumReport.applied} enums (${enumReport.absent.length} fields of 1.36 absent, ${enumReport.typeDiffers.length} with another type: ${enumReport.typeDiffers.join(', ') || 'none'}), ` +
        `${relaxedRequired.length} required fields no longer required in ${newestVersion}, ` +
        `${(text.length / 1024).toFixed(0)} KiB`,
    );
  }
  console.log(`${((performance.now() - started) / 1000).toFixed(2)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`generate-schemas: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
