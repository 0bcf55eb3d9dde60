import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSchemas, createRegistry, loadKubernetesVersion } from '../../src/validator/registry.ts';
import { REMOVED_APIS } from '../../src/validator/registry/removed-apis.ts';
import type { SchemaRegistry, ValidateFunction } from '../../src/validator/types.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const schemasDir = join(repoRoot, 'src/validator/schemas');
await loadKubernetesVersion('1.36');
const schemas = bundledSchemas('1.36');
const INJECTED = 'zzInjectedUnknownField';

type Json = unknown;
type Schema = Record<string, unknown>;

/** Resolves $ref and returns the definition id (if any) and the effective schema. */
function deref(schema: Schema, definitions = schemas.definitions): { id?: string; schema: Schema } {
  if (typeof schema.$ref !== 'string') return { schema };
  const id = schema.$ref.replace('#/definitions/', '');
  const target = definitions[id] as Schema;
  expect(target, `dangling ${schema.$ref}`).toBeDefined();
  return { id, schema: target };
}

function firstType(schema: Schema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  return (types as string[]).find((type) => type !== 'null');
}

interface Maximal {
  value: Json;
  /** Where a closed object (additionalProperties: false) of definition `id` sits in `value`. */
  closedObjects: Array<{ path: (string | number)[]; id: string }>;
}

/**
 * A valid object with every property the schema allows, built from the schema itself. Recursive
 * definitions (JSONSchemaProps) are expanded once per branch, then left empty.
 */
function buildMaximal(root: Schema, definitions = schemas.definitions): Maximal {
  const closedObjects: Maximal['closedObjects'] = [];
  const build = (input: Schema, path: (string | number)[], stack: string[]): Json => {
    const { id, schema } = deref(input, definitions);
    if (id && stack.filter((s) => s === id).length >= 1 && schema.additionalProperties === false && !schema.required) return {};
    const nextStack = id ? [...stack, id] : stack;
    if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null);
    const type = firstType(schema);
    switch (type) {
      case undefined:
        return { freeForm: ['any', { json: 1 }] };
      case 'string':
        return typeof schema.pattern === 'string' ? '1Gi' : 'text';
      case 'integer':
        return 3;
      case 'number':
        return 1.5;
      case 'boolean':
        return true;
      case 'array':
        return [build(schema.items as Schema, [...path, 0], nextStack)];
      case 'object': {
        const object: Record<string, Json> = {};
        for (const [name, propertySchema] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
          object[name] = build(propertySchema, [...path, name], nextStack);
        }
        if (schema.additionalProperties === false) {
          // Inline objects (StatefulSet volumeClaimTemplates items) are named after their definition.
          closedObjects.push({ path, id: id ?? `${stack[stack.length - 1]} (inline)` });
        } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
          object['example.com/key'] = build(schema.additionalProperties as Schema, [...path, 'example.com/key'], nextStack);
        }
        return object;
      }
    }
    throw new Error(`unexpected type ${String(type)} at /${path.join('/')}`);
  };
  return { value: build(root, [], []), closedObjects };
}

function at(value: Json, path: (string | number)[]): Record<string, Json> {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], value) as Record<string, Json>;
}

function pointer(path: (string | number)[]): string {
  return path.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

function found(registry: SchemaRegistry, apiVersion: string, kind: string): ValidateFunction {
  const result = registry.lookup(apiVersion, kind);
  if (result.status !== 'found') throw new Error(`${apiVersion} ${kind}: ${result.status}`);
  return result.validate;
}

describe('generated schemas', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'schemas-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('regenerating every version from the bundled OpenAPI specs and the pinned kubernetes-models gives byte-identical files', () => {
    execFileSync(process.execPath, [join(repoRoot, 'scripts/generate-schemas.ts'), '--out', outDir], { cwd: repoRoot, stdio: 'pipe' });
    const committed = readdirSync(schemasDir).filter((file) => file.endsWith('.json')).sort();
    expect(committed).toEqual(['1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'].map((version) => `kubernetes-${version}.json`));
    expect(readdirSync(outDir).sort()).toEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(outDir, file)).equals(readFileSync(join(schemasDir, file))), `${file} differs: run npm run schemas`).toBe(true);
    }
  });

  it('has one definition per group/version/kind (core/v1 Event and events.k8s.io/v1 Event differ)', () => {
    expect(schemas.kinds['v1/Event']).toBe('core.v1.Event');
    expect(schemas.kinds['events.k8s.io/v1/Event']).toBe('events.v1.Event');
    expect(new Set(Object.values(schemas.kinds)).size).toBe(Object.keys(schemas.kinds).length);
    for (const [gvk, id] of Object.entries(schemas.kinds)) {
      const apiVersion = gvk.slice(0, gvk.lastIndexOf('/'));
      const kind = gvk.slice(gvk.lastIndexOf('/') + 1);
      const properties = (schemas.definitions[id] as Schema).properties as Record<string, Schema>;
      expect(properties.apiVersion.enum, gvk).toEqual([apiVersion]);
      expect(properties.kind.enum, gvk).toEqual([kind]);
    }
  });

  it('drops a kind between two versions only when removed-apis.ts says that version removed it; knows every group', () => {
    const versions = ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];
    const all = versions.map((version) => JSON.parse(readFileSync(join(schemasDir, `kubernetes-${version}.json`), 'utf8')) as { kinds: Record<string, string>; groups: string[] });
    for (let i = 1; i < versions.length; i++) {
      for (const gvk of Object.keys(all[i - 1].kinds).filter((key) => !all[i].kinds[key])) {
        expect(REMOVED_APIS.get(gvk)?.removedIn, `${gvk} is gone in ${versions[i]}`).toBe(versions[i]);
      }
    }
    // resource.k8s.io is GA only from 1.34, but the 1.30 API server already owns the group (alpha versions).
    expect(all[0].groups).toEqual(expect.arrayContaining(['', 'apps', 'resource.k8s.io', 'flowcontrol.apiserver.k8s.io']));
    expect(Object.keys(all[0].kinds).some((gvk) => gvk.startsWith('resource.k8s.io/'))).toBe(false);
  });

  it('serves only GA versions for Kubernetes 1.36 and none of the removed ones', () => {
    const gvks = Object.keys(schemas.kinds);
    expect(gvks.length).toBeGreaterThan(100);
    for (const gvk of gvks) expect(gvk).toMatch(/(^|\/)v\d+\/[A-Za-z]+$/);
    for (const removed of ['batch/v1beta1/CronJob', 'extensions/v1beta1/Ingress', 'policy/v1beta1/PodSecurityPolicy', 'apps/v1beta1/Deployment']) {
      expect(schemas.kinds[removed]).toBeUndefined();
    }
  });
});

describe('maximal objects and injected unknown fields', () => {
  it('1.30 to 1.35: every served kind compiles (ajv strict mode) and accepts a maximal valid object of its own version', async () => {
    const falsePositives: string[] = [];
    for (const version of ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35']) {
      const own = await loadKubernetesVersion(version);
      const registry = createRegistry({ kubernetesVersion: version, strict: true });
      for (const [gvk, id] of Object.entries(own.kinds)) {
        const slash = gvk.lastIndexOf('/');
        const { value } = buildMaximal({ $ref: `#/definitions/${id}` }, own.definitions);
        const validate = found(registry, gvk.slice(0, slash), gvk.slice(slash + 1));
        if (!validate(value)) falsePositives.push(`${version} ${gvk}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      }
    }
    expect(falsePositives).toEqual([]);
  });

  const strict = createRegistry({ kubernetesVersion: '1.36', strict: true });
  const lax = createRegistry({ kubernetesVersion: '1.36', strict: false });
  const maximals = Object.entries(schemas.kinds).map(([gvk, id]) => {
    const slash = gvk.lastIndexOf('/');
    return { apiVersion: gvk.slice(0, slash), kind: gvk.slice(slash + 1), ...buildMaximal({ $ref: `#/definitions/${id}` }) };
  });

  it('accepts a maximal valid object of every served kind (no false positives), strict and not', () => {
    const falsePositives: string[] = [];
    for (const { apiVersion, kind, value } of maximals) {
      for (const registry of [strict, lax]) {
        const validate = found(registry, apiVersion, kind);
        if (!validate(value)) falsePositives.push(`${apiVersion} ${kind}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      }
    }
    expect(falsePositives).toEqual([]);
  });

  it('catches an unknown field injected into every closed object in strict mode and accepts it otherwise', () => {
    const missed: string[] = [];
    const coveredDefinitions = new Set<string>();
    let injections = 0;
    for (const { apiVersion, kind, value, closedObjects } of maximals) {
      const strictValidate = found(strict, apiVersion, kind);
      const laxValidate = found(lax, apiVersion, kind);
      for (const { path, id } of closedObjects) {
        const target = at(value, path);
        target[INJECTED] = 'x';
        injections++;
        coveredDefinitions.add(id);
        const caught =
          !strictValidate(value) &&
          (strictValidate.errors ?? []).some((e) => e.keyword === 'additionalProperties' && e.instancePath === pointer(path) && e.params.additionalProperty === INJECTED);
        if (!caught) missed.push(`strict ${apiVersion} ${kind} ${pointer(path)}`);
        if (!laxValidate(value)) missed.push(`non-strict rejected ${apiVersion} ${kind} ${pointer(path)}: ${JSON.stringify(laxValidate.errors?.[0])}`);
        delete target[INJECTED];
      }
    }
    expect(missed).toEqual([]);
    // Every closed object definition was exercised somewhere.
    const closedDefinitions = Object.entries(schemas.definitions)
      .filter(([, schema]) => (schema as Schema).additionalProperties === false)
      .map(([id]) => id);
    expect(closedDefinitions.filter((id) => !coveredDefinitions.has(id))).toEqual([]);
    expect(injections).toBeGreaterThan(closedDefinitions.length);
  });
});

describe('what the schemas catch', () => {
  const registry = createRegistry({});
  const deployment = () => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              ports: [{ name: 'http', containerPort: 8080 }],
              resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: 1, memory: '1Gi' } },
              livenessProbe: { httpGet: { path: '/', port: 'http' } },
              readinessProbe: { tcpSocket: { port: 8080 } },
            },
          ],
        },
      },
    },
  });
  const validateDeployment = found(registry, 'apps/v1', 'Deployment');
  const errorsOf = (validate: ValidateFunction, value: unknown) => {
    expect(validate(value)).toBe(false);
    return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
  };

  it('accepts a realistic Deployment with int-or-string ports and quantities', () => {
    expect(validateDeployment(deployment()), JSON.stringify(validateDeployment.errors)).toBe(true);
  });

  it('rejects a fractional integer (replicas: 2.5)', () => {
    const d = deployment();
    d.spec.replicas = 2.5;
    expect(errorsOf(validateDeployment, d)).toEqual(['/spec/replicas type']);
  });

  it('rejects an int32 the API server cannot decode and accepts the largest one', () => {
    const d = deployment();
    d.spec.template.spec.containers[0].ports[0].containerPort = 99_999_999_999;
    expect(errorsOf(validateDeployment, d)).toEqual(['/spec/template/spec/containers/0/ports/0/containerPort maximum']);
    d.spec.template.spec.containers[0].ports[0].containerPort = 8080;
    d.spec.replicas = 2 ** 31 - 1;
    expect(validateDeployment(d)).toBe(true);
    // int64 fields take larger values.
    (d.spec.template.spec as Record<string, unknown>).activeDeadlineSeconds = 99_999_999_999;
    expect(validateDeployment(d)).toBe(true);
  });

  it('rejects a value outside the enum (restartPolicy: onFailure)', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: { template: { spec: { restartPolicy: 'onFailure', containers: [{ name: 'pi', image: 'perl' }] } } },
    };
    expect(errorsOf(found(registry, 'batch/v1', 'Job'), job)).toEqual(['/spec/template/spec/restartPolicy enum']);
    job.spec.template.spec.restartPolicy = 'OnFailure';
    expect(found(registry, 'batch/v1', 'Job')(job)).toBe(true);
  });

  it('accepts "" where the API server defaults it or reads it as unset, and rejects it for pointer enums', () => {
    const pod = (spec: Record<string, unknown>, container: Record<string, unknown> = {}) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'agent' },
      spec: { containers: [{ name: 'agent', image: 'nginx:1.29', ...container }], ...spec },
    });
    const validatePod = found(registry, 'v1', 'Pod');
    // validateTolerations: empty operator means Equal, empty effect means every effect.
    const tolerateAll = pod({ tolerations: [{ key: 'dedicated', operator: '', value: 'infra', effect: '' }] });
    expect(validatePod(tolerateAll), JSON.stringify(validatePod.errors)).toBe(true);
    // SetDefaults_Container / SetDefaults_PodSpec fill these in when empty.
    const defaulted = pod({ restartPolicy: '', dnsPolicy: '' }, { imagePullPolicy: '', terminationMessagePolicy: '', ports: [{ containerPort: 80, protocol: '' }] });
    expect(validatePod(defaulted), JSON.stringify(validatePod.errors)).toBe(true);
    expect(errorsOf(validatePod, pod({ tolerations: [{ operator: 'Exists', effect: 'NoScheduled' }] }))).toEqual(['/spec/tolerations/0/effect enum']);
    // Pointer enums keep "" as a value, which validation rejects.
    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { volumeMode: '' } };
    expect(errorsOf(found(registry, 'v1', 'PersistentVolumeClaim'), claim)).toEqual(['/spec/volumeMode enum']);
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: '', ipFamilyPolicy: '', ports: [{ port: 80, protocol: '' }] } };
    expect(errorsOf(found(registry, 'v1', 'Service'), service)).toEqual(['/spec/ipFamilyPolicy enum']);
  });

  it('accepts int-or-string ports as a name or a number, and nothing else', () => {
    const service = (targetPort: unknown) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort }] },
    });
    const validateService = found(registry, 'v1', 'Service');
    expect(validateService(service('http'))).toBe(true);
    expect(validateService(service(8080))).toBe(true);
    expect(errorsOf(validateService, service(80.5))).toEqual(['/spec/ports/0/targetPort type']);
    expect(errorsOf(validateService, service(true))).toEqual(['/spec/ports/0/targetPort type']);
  });

  it('accepts quantities "500m", "1Gi", 1, 0.5, "1e3", "100Ki" and rejects "1 Gi", "abc", "1.5.2"', () => {
    for (const quantity of ['500m', '1Gi', 1, 0.5, '1e3', '100Ki', '+.5', '2n']) {
      const d = deployment();
      (d.spec.template.spec.containers[0].resources.limits as Record<string, unknown>).cpu = quantity;
      expect(validateDeployment(d), `quantity ${JSON.stringify(quantity)}`).toBe(true);
    }
    for (const quantity of ['1 Gi', 'abc', '1.5.2', '', '1GB', true]) {
      const d = deployment();
      (d.spec.template.spec.containers[0].resources.limits as Record<string, unknown>).cpu = quantity;
      expect(validateDeployment(d), `quantity ${JSON.stringify(quantity)}`).toBe(false);
      expect(validateDeployment.errors?.[0].instancePath).toBe('/spec/template/spec/containers/0/resources/limits/cpu');
    }
  });

  it('accepts null for optional fields and rejects it for required ones', () => {
    const d = deployment() as Record<string, any>;
    d.metadata.creationTimestamp = null;
    d.spec.strategy = null;
    d.spec.template.spec.containers[0].ports[0].protocol = null;
    d.spec.template.spec.containers[0].args = null;
    d.status = null;
    expect(validateDeployment(d), JSON.stringify(validateDeployment.errors)).toBe(true);
    for (const [path, set] of [
      ['/spec/selector', (x: any) => (x.spec.selector = null)],
      ['/spec/template', (x: any) => (x.spec.template = null)],
      ['/spec/template/spec/containers/0/name', (x: any) => (x.spec.template.spec.containers[0].name = null)],
      ['/spec/template/spec/containers/0/ports/0/containerPort', (x: any) => (x.spec.template.spec.containers[0].ports[0].containerPort = null)],
      ['/spec/template/spec/containers/0', (x: any) => (x.spec.template.spec.containers[0] = null)],
    ] as const) {
      const bad = deployment();
      set(bad);
      expect(errorsOf(validateDeployment, bad), path).toEqual([`${path} type`]);
    }
  });

  it('reports every error of a resource at once', () => {
    const d = deployment() as Record<string, any>;
    d.spec.replicas = 'two';
    d.spec.paused = 'no';
    d.spec.template.spec.containers[0].imagePullPolicy = 'always';
    d.spec.extra = 1;
    expect(errorsOf(validateDeployment, d).sort()).toEqual([
      '/spec additionalProperties',
      '/spec/paused type',
      '/spec/replicas type',
      '/spec/template/spec/containers/0/imagePullPolicy enum',
    ]);
  });

  it('keeps maps open and free-form fields free (labels, fieldsV1, RawExtension, CRD schemas)', () => {
    const d = deployment() as Record<string, any>;
    d.metadata.annotations = { 'example.com/anything': 'value', empty: null };
    d.metadata.managedFields = [{ manager: 'kubectl', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }];
    expect(validateDeployment(d), JSON.stringify(validateDeployment.errors)).toBe(true);
    d.metadata.labels = { app: 3 };
    expect(errorsOf(validateDeployment, d)).toEqual(['/metadata/labels/app type']);
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { kind: 'Widget', plural: 'widgets' },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, additionalProperties: false, items: [{}], default: { a: 1 } } },
          },
        ],
      },
    };
    expect(found(registry, 'apiextensions.k8s.io/v1', 'CustomResourceDefinition')(crd)).toBe(true);
  });
});
