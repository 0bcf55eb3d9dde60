import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_KUBERNETES_VERSIONS,
  SchemaFileError,
  SchemaLocationError,
  UnsupportedKubernetesVersionError,
  bundledSchemas,
  createRegistry,
  renderTemplate,
  templateData,
} from '../../src/validator/registry.ts';
import { REMOVED_APIS } from '../../src/validator/registry/removed-apis.ts';
import { nodeSchemaFiles } from '../../src/validator/schema-files.ts';
import type { SchemaLookup, ValidateFunction } from '../../src/validator/types.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const fixtures = relative(process.cwd(), join(repoRoot, 'tests/fixtures/registry')) || '.';

function validatorOf(lookup: SchemaLookup): ValidateFunction {
  if (lookup.status !== 'found') throw new Error(`expected a schema, got ${lookup.status}`);
  return lookup.validate;
}

/** Every apiVersion/kind kubernetes-models declares (interfaces with literal apiVersion and kind). */
function kubernetesModelsKinds(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('kubernetes-models/package.json'));
  const kinds: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '_schemas') walk(path);
      else if (entry.name.endsWith('.d.ts')) {
        const text = readFileSync(path, 'utf8');
        const apiVersion = /^\s+"apiVersion": "([^"]+)";$/m.exec(text)?.[1];
        const kind = /^\s+"kind": "([^"]+)";$/m.exec(text)?.[1];
        if (apiVersion && kind) kinds.push(`${apiVersion} ${kind}`);
      }
    }
  };
  walk(root);
  return kinds.sort();
}

describe('Kubernetes version', () => {
  it('bundles 1.36 and accepts its spellings', () => {
    expect(BUNDLED_KUBERNETES_VERSIONS).toEqual(['1.36']);
    expect(createRegistry({}).kubernetesVersion).toBe('1.36');
    for (const version of ['1.36', '1.36.0', 'v1.36.4']) expect(createRegistry({ kubernetesVersion: version }).kubernetesVersion).toBe('1.36');
  });

  it('refuses any other version with a clear error, before looking at anything else', () => {
    for (const version of ['1.35', '1.37.0', 'master', 'latest', '']) {
      expect(() => createRegistry({ kubernetesVersion: version, schemaLocations: ['https://example.com/schemas'] })).toThrowError(UnsupportedKubernetesVersionError);
    }
    expect(() => createRegistry({ kubernetesVersion: '1.35' })).toThrowError(/"1\.35" is not supported: bundled schemas exist for 1\.36 only/);
  });
});

describe('lookup in the bundled schemas', () => {
  const registry = createRegistry({});

  it('compiles a kind once and reuses it, whatever the case of the kind', () => {
    const first = validatorOf(registry.lookup('apps/v1', 'Deployment'));
    expect(validatorOf(registry.lookup('apps/v1', 'Deployment'))).toBe(first);
    expect(validatorOf(registry.lookup('apps/v1', 'deployment'))).toBe(first);
    expect(registry.lookup('apps/v1', 'Deployment')).toMatchObject({ status: 'found', source: 'default' });
    // Registries are cheap: the compiled validators are shared by registries with the same options.
    expect(validatorOf(createRegistry({ kubernetesVersion: '1.36.0' }).lookup('apps/v1', 'Deployment'))).toBe(first);
    expect(validatorOf(createRegistry({ strict: false }).lookup('apps/v1', 'Deployment'))).not.toBe(first);
  });

  it('finds `kind: deployment` and lets its kind enum fail, like kubeconform', () => {
    const validate = validatorOf(registry.lookup('apps/v1', 'deployment'));
    const manifest = {
      apiVersion: 'apps/v1',
      kind: 'deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    };
    expect(validate(manifest)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/kind enum']);
    expect(validate({ ...manifest, kind: 'Deployment' })).toBe(true);
  });

  it('keeps core/v1 Event and events.k8s.io/v1 Event apart', () => {
    const core = validatorOf(registry.lookup('v1', 'Event'));
    const events = validatorOf(registry.lookup('events.k8s.io/v1', 'Event'));
    expect(core).not.toBe(events);
    const coreEvent = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, involvedObject: { kind: 'Pod', name: 'p' }, reason: 'Started' };
    expect(core(coreEvent), JSON.stringify(core.errors)).toBe(true);
    expect(events({ ...coreEvent, apiVersion: 'events.k8s.io/v1' })).toBe(false);
    expect(events.errors?.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`)).toEqual(
      expect.arrayContaining([' required {"missingProperty":"eventTime"}', ' additionalProperties {"additionalProperty":"involvedObject"}']),
    );
  });

  it('reports an unknown group/version/kind as missing', () => {
    expect(registry.lookup('example.com/v1', 'Widget')).toEqual({ status: 'missing' });
    expect(registry.lookup('apps/v2', 'Deployment')).toEqual({ status: 'missing' });
    expect(registry.lookup('v1', 'Deploymentt')).toEqual({ status: 'missing' });
    expect(registry.lookup('', 'Pod')).toEqual({ status: 'missing' });
    expect(registry.lookup(1 as unknown as string, 'Pod')).toEqual({ status: 'missing' });
  });

  it('checks unknown fields only in strict mode', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i', imagePullPolcy: 'Always' }] } };
    const strict = validatorOf(createRegistry({ strict: true }).lookup('v1', 'Pod'));
    const lax = validatorOf(createRegistry({ strict: false }).lookup('v1', 'Pod'));
    expect(strict(pod)).toBe(false);
    expect(strict.errors?.[0]).toMatchObject({ instancePath: '/spec/containers/0', keyword: 'additionalProperties', params: { additionalProperty: 'imagePullPolcy' } });
    expect(lax(pod)).toBe(true);
    // Everything else is still checked without -strict.
    expect(lax({ ...pod, spec: { containers: [{ name: 'c', image: 'i', imagePullPolicy: 'always' }] } })).toBe(false);
  });
});

describe('removed APIs', () => {
  const registry = createRegistry({});

  it.each([
    ['batch/v1beta1', 'CronJob', '1.25', 'batch/v1 CronJob'],
    ['extensions/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1 Ingress'],
    ['networking.k8s.io/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1 Ingress'],
    ['extensions/v1beta1', 'Deployment', '1.16', 'apps/v1 Deployment'],
    ['apps/v1beta1', 'Deployment', '1.16', 'apps/v1 Deployment'],
    ['apps/v1beta2', 'StatefulSet', '1.16', 'apps/v1 StatefulSet'],
    ['extensions/v1beta1', 'NetworkPolicy', '1.16', 'networking.k8s.io/v1 NetworkPolicy'],
    ['policy/v1beta1', 'PodSecurityPolicy', '1.25', 'Pod Security Admission'],
    ['extensions/v1beta1', 'PodSecurityPolicy', '1.16', 'Pod Security Admission'],
    ['policy/v1beta1', 'PodDisruptionBudget', '1.25', 'policy/v1 PodDisruptionBudget'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.26', 'autoscaling/v2 HorizontalPodAutoscaler'],
    ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.27', 'storage.k8s.io/v1 CSIStorageCapacity'],
    ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.32', 'flowcontrol.apiserver.k8s.io/v1 FlowSchema'],
    ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', '1.22', 'rbac.authorization.k8s.io/v1 ClusterRoleBinding'],
    ['batch/v1beta1', 'CronJobList', '1.25', 'batch/v1 CronJobList'],
    ['batch/v1beta1', 'cronjob', '1.25', 'batch/v1 CronJob'],
  ])('%s %s was removed in %s: use %s', (apiVersion, kind, removedIn, replacement) => {
    expect(registry.lookup(apiVersion, kind)).toEqual({ status: 'removed', removedIn, replacement });
  });

  it('accounts for every kind kubernetes-models ships: served by 1.36 (found) or removed, never missing', () => {
    const kinds = kubernetesModelsKinds();
    const byStatus: Record<string, string[]> = { found: [], removed: [], missing: [] };
    for (const gvk of kinds) {
      const [apiVersion, kind] = gvk.split(' ');
      byStatus[registry.lookup(apiVersion, kind).status].push(gvk);
    }
    expect(byStatus.missing).toEqual([]);
    expect(byStatus.found.filter((gvk) => /(alpha|beta)\d+ /.test(gvk))).toEqual([]);
    expect(byStatus.removed.filter((gvk) => !/(alpha|beta)\d+ /.test(gvk))).toEqual([]);
    expect(byStatus.found).toHaveLength(Object.keys(bundledSchemas().kinds).length);
    expect(byStatus.removed.length).toBeGreaterThanOrEqual(100);
  });

  it('names a replacement that 1.36 serves (or Pod Security Admission / kubectl rollout undo)', () => {
    const served = createRegistry({});
    for (const removed of REMOVED_APIS.values()) {
      const [apiVersion, kind, ...rest] = removed.replacement.split(' ');
      if (rest.length || !kind) {
        expect(removed.replacement).toMatch(/^(Pod Security Admission|kubectl rollout undo)/);
        continue;
      }
      expect(served.lookup(apiVersion, kind).status, removed.replacement).toBe('found');
    }
  });
});

describe('schema locations (CRDs)', () => {
  const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 2, color: 'red' } };

  it('reports a CRD as missing without a location', () => {
    expect(createRegistry({}).lookup('example.com/v1', 'Widget')).toEqual({ status: 'missing' });
  });

  it('finds <folder>/<kind>_<version>.json in a plain folder, after the bundled schemas', () => {
    const registry = createRegistry({ schemaLocations: ['default', `${fixtures}/crds`], schemaFiles: nodeSchemaFiles });
    const lookup = registry.lookup('example.com/v1', 'Widget');
    expect(lookup).toMatchObject({ status: 'found', source: `${fixtures}/crds/widget_v1.json` });
    const validate = validatorOf(lookup);
    expect(validate(widget), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...widget, spec: { size: 1.5, color: 'blue', extra: true } })).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual(['/spec additionalProperties', '/spec/color enum', '/spec/size type']);
    expect(registry.lookup('apps/v1', 'Deployment').status).toBe('found');
  });

  it('searches only the given locations, like kubeconform (no "default", no bundled schemas)', () => {
    const registry = createRegistry({ schemaLocations: [`${fixtures}/crds/`], schemaFiles: nodeSchemaFiles });
    expect(registry.lookup('example.com/v1', 'Widget').status).toBe('found');
    expect(registry.lookup('apps/v1', 'Deployment')).toEqual({ status: 'missing' });
  });

  it('expands path templates: {{ .Group }}, {{ .ResourceKind }}, {{ .ResourceAPIVersion }}', () => {
    const registry = createRegistry({ schemaLocations: ['default', `${fixtures}/catalog/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`], schemaFiles: nodeSchemaFiles });
    const validate = validatorOf(registry.lookup('example.com/v1alpha1', 'Gizmo'));
    // draft-04 $schema, x-kubernetes-* keywords and unknown formats are accepted as in kubeconform.
    expect(validate({ apiVersion: 'example.com/v1alpha1', kind: 'Gizmo', spec: { port: 'http', schedule: 'not checked', more: 1 } })).toBe(true);
    expect(validate({ apiVersion: 'example.com/v1alpha1', kind: 'Gizmo', spec: { port: true } })).toBe(false);
    expect(registry.lookup('example.com/v1', 'Gizmo')).toEqual({ status: 'missing' });
  });

  it('follows kubeconform folder layout with {{ .NormalizedKubernetesVersion }}, {{ .StrictSuffix }} and {{ .KindSuffix }}', () => {
    const manifest = { apiVersion: 'example.com/v1', kind: 'Gadget', spec: { mode: 'on', extra: 1 } };
    const strict = createRegistry({ kubernetesVersion: '1.36.0', strict: true, schemaLocations: [`${fixtures}/kubeconform`], schemaFiles: nodeSchemaFiles });
    expect(strict.lookup('example.com/v1', 'Gadget')).toMatchObject({ source: `${fixtures}/kubeconform/v1.36.0-standalone-strict/gadget-example-v1.json` });
    expect(validatorOf(strict.lookup('example.com/v1', 'Gadget'))(manifest)).toBe(false);
    const lax = createRegistry({ kubernetesVersion: '1.36.0', strict: false, schemaLocations: [`${fixtures}/kubeconform`], schemaFiles: nodeSchemaFiles });
    expect(lax.lookup('example.com/v1', 'Gadget')).toMatchObject({ source: `${fixtures}/kubeconform/v1.36.0-standalone/gadget-example-v1.json` });
    expect(validatorOf(lax.lookup('example.com/v1', 'Gadget'))(manifest)).toBe(true);
  });

  it('computes template values exactly as kubeconform does', () => {
    const tpl = '{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json';
    expect(renderTemplate(tpl, templateData('apps/v1', 'Deployment', '1.16.0', true))).toBe('v1.16.0-standalone-strict/deployment-apps-v1.json');
    expect(renderTemplate(tpl, templateData('v1', 'Service', '1.18.0', false))).toBe('v1.18.0-standalone/service-v1.json');
    expect(renderTemplate(tpl, templateData('v1', 'Service', 'master', false))).toBe('master-standalone/service-v1.json');
    expect(templateData('networking.k8s.io/v1', 'Ingress', '1.36', true)).toEqual({
      NormalizedKubernetesVersion: 'v1.36',
      StrictSuffix: '-strict',
      ResourceKind: 'ingress',
      ResourceAPIVersion: 'v1',
      Group: 'networking.k8s.io',
      KindSuffix: '-networking-v1',
    });
  });

  it('refuses http(s) locations with an offline message', () => {
    for (const location of ['https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master', 'http://example.com/{{ .ResourceKind }}.json']) {
      expect(() => createRegistry({ schemaLocations: ['default', location] })).toThrowError(SchemaLocationError);
      expect(() => createRegistry({ schemaLocations: [location] })).toThrowError(/remote schema locations are not supported: the validator works offline/);
    }
  });

  it('refuses a folder or template root that does not exist (a typo would otherwise hide every CRD schema)', () => {
    expect(() => createRegistry({ schemaLocations: [`${fixtures}/no-such-crds`], schemaFiles: nodeSchemaFiles })).toThrowError(`schema location "${fixtures}/no-such-crds": no such folder`);
    expect(() => createRegistry({ schemaLocations: [`${fixtures}/no-such/{{ .ResourceKind }}.json`], schemaFiles: nodeSchemaFiles })).toThrowError(/no-such\/ does not exist/);
    expect(() => createRegistry({ schemaLocations: [`${fixtures}/crds/missing.json`], schemaFiles: nodeSchemaFiles })).toThrowError(/missing\.json does not exist/);
  });

  it('refuses a local location when given no file access (the core in the browser): only the bundled schemas', () => {
    expect(() => createRegistry({ schemaLocations: ['default', `${fixtures}/crds`] })).toThrowError(
      `schema location "${fixtures}/crds": local schema files cannot be read here: only the bundled schemas ("default") are available.`,
    );
  });

  it('refuses a template with an unknown variable', () => {
    expect(() => createRegistry({ schemaLocations: [`${fixtures}/{{ .Kind }}.json`], schemaFiles: nodeSchemaFiles })).toThrowError(/unknown template variable \{\{ \.Kind \}\}/);
  });

  it('names the file when a schema is not JSON or not a JSON Schema', () => {
    const registry = createRegistry({ schemaLocations: [`${fixtures}/broken`], schemaFiles: nodeSchemaFiles });
    expect(() => registry.lookup('example.com/v1', 'Truncated')).toThrowError(SchemaFileError);
    expect(() => registry.lookup('example.com/v1', 'Truncated')).toThrowError(`${fixtures}/broken/truncated_v1.json: not valid JSON`);
    expect(() => registry.lookup('example.com/v1', 'NotASchema')).toThrowError(`${fixtures}/broken/notaschema_v1.json: not a valid JSON Schema`);
    try {
      registry.lookup('example.com/v1', 'NotASchema');
    } catch (error) {
      expect((error as SchemaFileError).file).toBe(`${fixtures}/broken/notaschema_v1.json`);
    }
  });
});
