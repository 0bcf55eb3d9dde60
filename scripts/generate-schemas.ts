// Generates strict JSON Schemas for the Kubernetes API served by 1.36 from the pinned kubernetes-models
// package: its .d.ts interfaces give properties, required fields and enums (string-literal unions); its
// compiled ajv validators (_schemas/*.js) tell which `number`s are integers. Output: one JSON file with
// every definition once (kinds point at them with $ref), committed under src/validator/schemas/.
//
//   node scripts/generate-schemas.ts [--out DIR]
//
// Why not ts-json-schema-generator or typescript@7: see /work/shared/notes/validator.md (name collisions
// between groups, empty interfaces made closed, no nulls; typescript@7 has no compiler API).

import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { REMOVED_APIS } from '../src/validator/registry/removed-apis.ts';

export const KUBERNETES_VERSION = '1.36';
export const SCHEMA_FILE_NAME = `kubernetes-${KUBERNETES_VERSION}.json`;

/** Kubernetes quantity grammar (k8s.io/apimachinery/pkg/api/resource): signed decimal, then a binary-SI,
 *  decimal-SI or exponent suffix. "1 Gi", "abc", "1.5.2" fail. */
export const QUANTITY_PATTERN = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?$';

type Schema = Record<string, unknown>;
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


/** How to reach a `number` inside one property's type, to build a probe value for the compiled validator. */
type Step = { items: true } | { map: true } | { prop: string };

interface PackageRoot {
  dir: string;
  /** Prefix of definition ids for files of this package. */
  idOf(relativePath: string): string;
}

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`, { paths: [repoRoot] }));
}

const MODELS: PackageRoot = {
  dir: packageDir('kubernetes-models'),
  // 'apps/v1/Deployment' -> 'apps.v1.Deployment'; core 'v1/Pod' -> 'core.v1.Pod'
  idOf: (path) => (path.startsWith('v1/') ? `core.${path}` : path).replaceAll('/', '.'),
};
const APIMACHINERY: PackageRoot = {
  dir: packageDir('@kubernetes-models/apimachinery'),
  // 'apis/meta/v1/ObjectMeta' -> 'meta.v1.ObjectMeta'; 'util/intstr/IntOrString' -> 'intstr.IntOrString'
  idOf: (path) => path.replace(/^(apis|api|util)\//, '').replaceAll('/', '.'),
};

const INT_OR_STRING_ID = 'intstr.IntOrString';
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const QUANTITY_ID = 'resource.Quantity';

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

function packageOf(fileName: string): PackageRoot | undefined {
  const normalized = resolve(fileName);
  for (const pkg of [MODELS, APIMACHINERY]) {
    if (normalized.startsWith(pkg.dir + sep)) return pkg;
  }
  return undefined;
}

function definitionId(fileName: string): string {
  const pkg = packageOf(fileName);
  if (!pkg) throw new Error(`type outside kubernetes-models: ${fileName}`);
  return pkg.idOf(relative(pkg.dir, resolve(fileName)).split(sep).join('/').replace(/\.d\.ts$/, ''));
}

/** `export type { IDeployment as IIoK8sApiAppsV1Deployment, ...}` -> 'IoK8sApiAppsV1Deployment' (the _schemas module). */
function validatorModuleName(sourceText: string): string | undefined {
  return /export type \{ I\w+ as I(\w+)/.exec(sourceText)?.[1];
}

interface Probe {
  schema: Schema;
  steps: Step[];
  property: string;
}

interface Definition {
  id: string;
  fileName: string;
  schema: Schema;
  /** Non-null JSON types of the definition, added beside $ref where null is not allowed; undefined = free-form. */
  nonNullTypes?: string[];
  probes: Probe[];
}

export interface GeneratedSchemas {
  kubernetesVersion: string;
  source: string;
  /** 'apps/v1/Deployment' -> definition id */
  kinds: Record<string, string>;
  definitions: Record<string, Schema>;
}

export async function generateSchemas(): Promise<{ output: GeneratedSchemas; stats: Record<string, number> }> {
  const files = [...listDts(MODELS.dir), ...listDts(APIMACHINERY.dir)];
  const program = ts.createProgram(files, {
    noEmit: true,
    skipLibCheck: true,
    noResolve: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  const checker = program.getTypeChecker();
  const definitions = new Map<string, Definition>();
  const emptyStringApplied = new Set<string>();

  function resolveDeclaration(typeName: ts.EntityName): ts.Declaration {
    let symbol = checker.getSymbolAtLocation(typeName);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.[0];
    if (!declaration) throw new Error(`cannot resolve type ${typeName.getText()} in ${typeName.getSourceFile().fileName}`);
    return declaration;
  }

  function refTo(id: string, nullable: boolean): Schema {
    const target = definitions.get(id)!;
    if (nullable || !target.nonNullTypes) return { $ref: `#/definitions/${id}` };
    return { $ref: `#/definitions/${id}`, type: unwrap(target.nonNullTypes) };
  }

  /** Let `schema` (a fresh object) also accept null; changed in place so integer probes keep their reference. */
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

  /** The JSON Schema for a declared type node. `nullable`: an optional property (null means "unset"). */
  function convert(node: ts.TypeNode, owner: Definition, property: string, steps: Step[], nullable: boolean): Schema {
    const schema = convertNonNull(node, owner, property, steps);
    return nullable ? withNull(schema) : schema;
  }

  function convertNonNull(node: ts.TypeNode, owner: Definition, property: string, steps: Step[]): Schema {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: 'string' };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case ts.SyntaxKind.NumberKeyword: {
        const schema: Schema = { type: 'number' };
        owner.probes.push({ schema, steps, property });
        return schema;
      }
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
        return {};
      case ts.SyntaxKind.ParenthesizedType:
        return convertNonNull((node as ts.ParenthesizedTypeNode).type, owner, property, steps);
      case ts.SyntaxKind.LiteralType: {
        const literal = (node as ts.LiteralTypeNode).literal;
        if (ts.isStringLiteral(literal)) return { type: 'string', enum: [literal.text] };
        break;
      }
      case ts.SyntaxKind.UnionType: {
        const members = (node as ts.UnionTypeNode).types.filter(
          (member) => member.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword),
        );
        if (members.length === 1) return convertNonNull(members[0], owner, property, steps);
        if (members.every((member) => ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal))) {
          return { type: 'string', enum: members.map((member) => ((member as ts.LiteralTypeNode).literal as ts.StringLiteral).text) };
        }
        break;
      }
      case ts.SyntaxKind.ArrayType:
        return { type: 'array', items: convert((node as ts.ArrayTypeNode).elementType, owner, property, [...steps, { items: true }], false) };
      case ts.SyntaxKind.TypeLiteral:
        return objectSchema((node as ts.TypeLiteralNode).members, owner, steps);
      case ts.SyntaxKind.TypeReference: {
        const reference = node as ts.TypeReferenceNode;
        if (ts.isIdentifier(reference.typeName) && reference.typeName.text === 'Array' && reference.typeArguments?.length === 1) {
          return { type: 'array', items: convert(reference.typeArguments[0], owner, property, [...steps, { items: true }], false) };
        }
        const declaration = resolveDeclaration(reference.typeName);
        if (ts.isInterfaceDeclaration(declaration)) return refTo(defineInterface(declaration), false);
        if (ts.isTypeAliasDeclaration(declaration)) {
          const id = definitionId(declaration.getSourceFile().fileName);
          if (id === INT_OR_STRING_ID || id === QUANTITY_ID) return refTo(id, false);
          return convertNonNull(declaration.type, owner, property, steps);
        }
        break;
      }
    }
    throw new Error(`unsupported type "${node.getText()}" (${ts.SyntaxKind[node.kind]}) at ${owner.id}.${property}`);
  }

  function objectSchema(members: ts.NodeArray<ts.TypeElement>, owner: Definition, steps: Step[]): Schema {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    let additionalProperties: Schema | false = false;
    for (const member of members) {
      if (ts.isPropertySignature(member) && member.type) {
        const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : member.name.getText();
        const optional = member.questionToken !== undefined;
        const propertySteps = [...steps, { prop: name }];
        properties[name] = convert(member.type, owner, name, propertySteps, optional);
        const key = `${owner.id}.${name}`;
        if (EMPTY_STRING_ACCEPTED.has(key)) {
          const values = properties[name].enum;
          if (!optional || !Array.isArray(values)) throw new Error(`EMPTY_STRING_ACCEPTED: ${key} is not an optional enum`);
          properties[name].enum = ['', ...values];
          emptyStringApplied.add(key);
        }
        if (!optional) required.push(name);
      } else if (ts.isIndexSignatureDeclaration(member) && member.type) {
        // A real map (labels, annotations, resource lists): values may be null like kubectl/kubeconform allow.
        additionalProperties = convert(member.type, owner, '*', [...steps, { map: true }], true);
      } else {
        throw new Error(`unsupported member ${member.getText()} in ${owner.id}`);
      }
    }
    const schema: Schema = { type: 'object', additionalProperties };
    if (Object.keys(properties).length) schema.properties = properties;
    if (required.length) schema.required = required.sort();
    return schema;
  }

  function defineInterface(declaration: ts.InterfaceDeclaration): string {
    const fileName = declaration.getSourceFile().fileName;
    const id = definitionId(fileName);
    if (definitions.has(id)) {
      if (definitions.get(id)!.fileName !== fileName) throw new Error(`definition id collision: ${id}`);
      return id;
    }
    const definition: Definition = { id, fileName, schema: {}, probes: [] };
    definitions.set(id, definition);
    // Properties of the interface and what it extends (TypeMeta); the interface's own declarations win.
    const members: ts.TypeElement[] = [];
    const seen = new Set<string>();
    const type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(declaration.name)!);
    for (const property of checker.getPropertiesOfType(type)) {
      const signature = property.declarations?.find(ts.isPropertySignature);
      if (signature && !seen.has(property.name)) {
        seen.add(property.name);
        members.push(signature);
      }
    }
    const indexSignatures = declaration.members.filter(ts.isIndexSignatureDeclaration);
    if (members.length === 0 && indexSignatures.length === 0) {
      // Empty interfaces are free-form JSON in the API (RawExtension, FieldsV1, JSON, JSONSchemaPropsOr*).
      definition.schema = {};
      return id;
    }
    definition.nonNullTypes = ['object'];
    const schema = objectSchema(ts.factory.createNodeArray([...members, ...indexSignatures]), definition, []);
    definition.schema = withNull(schema);
    return id;
  }

  function defineAlias(fileName: string, id: string): void {
    const definition: Definition = { id, fileName, schema: {}, probes: [] };
    if (id === INT_OR_STRING_ID) {
      definition.nonNullTypes = ['integer', 'string'];
      definition.schema = { type: ['integer', 'string', 'null'] };
    } else {
      definition.nonNullTypes = ['number', 'string'];
      definition.schema = { type: ['number', 'string', 'null'], pattern: QUANTITY_PATTERN };
    }
    definitions.set(id, definition);
  }
  defineAlias(join(APIMACHINERY.dir, 'util/intstr/IntOrString.d.ts'), INT_OR_STRING_ID);
  defineAlias(join(APIMACHINERY.dir, 'api/resource/Quantity.d.ts'), QUANTITY_ID);

  // Kinds: interfaces with literal apiVersion and kind.
  const kinds: Record<string, string> = {};
  const skippedRemoved: string[] = [];
  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile || packageOf(file) !== MODELS) continue;
    for (const statement of sourceFile.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const literal = (name: string) => {
        const member = statement.members.find((m) => ts.isPropertySignature(m) && m.name.getText() === `"${name}"`) as ts.PropertySignature | undefined;
        return member?.type && ts.isLiteralTypeNode(member.type) && ts.isStringLiteral(member.type.literal) ? member.type.literal.text : undefined;
      };
      const apiVersion = literal('apiVersion');
      const kind = literal('kind');
      if (!apiVersion || !kind) continue;
      const key = `${apiVersion}/${kind}`;
      if (REMOVED_APIS.has(key)) {
        skippedRemoved.push(key);
        continue;
      }
      if (!/^v\d+$/.test(apiVersion.split('/').pop()!)) {
        throw new Error(`${key} is a pre-release version not listed in removed-apis.ts: check whether Kubernetes ${KUBERNETES_VERSION} serves it and list it`);
      }
      kinds[key] = defineInterface(statement);
    }
  }

  await resolveIntegerProbes([...definitions.values()]);

  const sortedDefinitions: Record<string, Schema> = {};
  for (const id of [...definitions.keys()].sort()) sortedDefinitions[id] = definitions.get(id)!.schema;
  const unusedEmptyString = [...EMPTY_STRING_ACCEPTED].filter((key) => !emptyStringApplied.has(key));
  if (unusedEmptyString.length) throw new Error(`EMPTY_STRING_ACCEPTED names no property: ${unusedEmptyString.join(', ')}`);
  const modelsVersion = JSON.parse(readFileSync(join(MODELS.dir, 'package.json'), 'utf8')).version;
  const output: GeneratedSchemas = {
    kubernetesVersion: KUBERNETES_VERSION,
    source: `kubernetes-models@${modelsVersion}`,
    kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b))),
    definitions: sortedDefinitions,
  };
  return {
    output,
    stats: {
      kinds: Object.keys(kinds).length,
      removedInPackage: skippedRemoved.length,
      definitions: definitions.size,
      integers: [...definitions.values()].reduce((n, d) => n + d.probes.filter((p) => typeOf(p.schema) === 'integer').length, 0),
      int32: [...definitions.values()].reduce((n, d) => n + d.probes.filter((p) => p.schema.maximum === INT32_MAX).length, 0),
      numbers: [...definitions.values()].reduce((n, d) => n + d.probes.filter((p) => typeOf(p.schema) === 'number').length, 0),
    },
  };
}

function typeOf(schema: Schema): string {
  return Array.isArray(schema.type) ? schema.type[0] : (schema.type as string);
}

function unwrap(types: string[]): string | string[] {
  return types.length === 1 ? types[0] : types;
}

/**
 * The .d.ts says `number` for both integers and floats. kubernetes-models' compiled validators know: feed each
 * one an object whose number is 2.5 at that place and see whether it complains about `integer`/int32/int64.
 */
async function resolveIntegerProbes(definitions: Definition[]): Promise<void> {
  for (const definition of definitions) {
    if (definition.probes.length === 0) continue;
    const moduleName = validatorModuleName(readFileSync(definition.fileName, 'utf8'));
    const pkg = packageOf(definition.fileName)!;
    const modulePath = moduleName && join(pkg.dir, '_schemas', `${moduleName}.js`);
    if (!modulePath || !existsSync(modulePath)) throw new Error(`no compiled validator for ${definition.id}`);
    const { validate } = (await import(pathToFileURL(modulePath).href)) as { validate: ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> } };
    for (const probe of definition.probes) {
      const probeValue = probe.steps.reduceRight<unknown>((inner, step) => {
        if ('items' in step) return [inner];
        if ('map' in step) return { key: inner };
        return { [step.prop]: inner };
      }, 2.5);
      validate(probeValue);
      const prefix = '/' + probe.steps.map((step) => ('items' in step ? '0' : 'map' in step ? 'key' : step.prop.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');
      const errors = (validate.errors ?? []).filter((error) => error.instancePath === prefix);
      const format = errors.find((error) => error.keyword === 'format')?.params.format;
      const isInteger = /^int(32|64)$/.test(String(format)) || errors.some((error) => error.keyword === 'type' && error.params.type === 'integer');
      if (isInteger) {
        probe.schema.type = Array.isArray(probe.schema.type) ? probe.schema.type.map((t) => (t === 'number' ? 'integer' : t)) : 'integer';
      }
      if (format === 'int32') {
        // The API server cannot decode an out-of-range int32 (`containerPort: 99999999999`).
        probe.schema.minimum = INT32_MIN;
        probe.schema.maximum = INT32_MAX;
      }
    }
  }
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
  lines.push('"definitions": {');
  const definitionEntries = Object.entries(output.definitions);
  definitionEntries.forEach(([id, schema], i) => lines.push(`${JSON.stringify(id)}: ${JSON.stringify(sortKeys(schema))}${i < definitionEntries.length - 1 ? ',' : ''}`));
  lines.push('}');
  lines.push('}');
  return lines.join('\n') + '\n';
}

export const DEFAULT_OUTPUT_DIR = join(repoRoot, 'src/validator/schemas');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let outDir = DEFAULT_OUTPUT_DIR;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && args[i + 1] && !args[i + 1].startsWith('-')) outDir = resolve(args[++i]);
    else throw new Error(`unexpected argument "${args[i]}". Usage: node scripts/generate-schemas.ts [--out DIR]`);
  }
  const started = performance.now();
  const { output, stats } = await generateSchemas();
  const text = formatSchemas(output);
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, SCHEMA_FILE_NAME);
  writeFileSync(outFile, text);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${relative(process.cwd(), outFile)}: ${stats.kinds} kinds, ${stats.definitions} definitions, ` +
      `${stats.integers} integers (${stats.int32} int32) / ${stats.numbers} numbers, ${stats.removedInPackage} removed kinds left out, ` +
      `${(text.length / 1024).toFixed(0)} KiB, ${seconds} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`generate-schemas: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
