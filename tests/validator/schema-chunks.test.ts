// The browser build loads a version's schemas kind by kind: an index, then the chunks of definitions the input's kinds
// need (src/validator/schemas/split.ts, src/integrations/schema-chunks.ts). Here the same chunks are served to the
// validator in Node (the version files mocked as the browser build makes them), and every answer is compared with the
// validator loading whole files, in one process.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexedKinds, splitSchemas, type SplitSchemas } from '../../src/validator/schemas/split.ts';
import { KUBERNETES_VERSIONS, type BundledSchemas } from '../../src/validator/schemas/index.ts';
import type { Diagnostic, Lang, ValidationReport } from '../../src/validator/types.ts';
import { fixtures, root, seed } from './helpers.ts';

type Core = typeof import('../../src/validator/core.ts');

const schemaFile = (version: string) => `${root}src/validator/schemas/kubernetes-${version}.json`;
const fileOf = new Map<string, BundledSchemas>();
const fileFor = (version: string): BundledSchemas => {
  if (!fileOf.has(version)) fileOf.set(version, JSON.parse(readFileSync(schemaFile(version), 'utf8')));
  return fileOf.get(version)!;
};
const splits = new Map<string, SplitSchemas>();
const splitOf = (version: string): SplitSchemas => {
  if (!splits.has(version)) splits.set(version, splitSchemas(fileFor(version)));
  return splits.get(version)!;
};
const chunksOfKind = (version: string, kind: string): number[] => {
  const { index } = splitOf(version);
  return index.kindChunks[index.kinds.indexOf(kind)];
};
/** Every `$ref` in the text of some definitions, whatever its form. */
const refsIn = (definitions: unknown) => [...JSON.stringify(definitions).matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]);

// ---- the split ------------------------------------------------------------------------------------------------------

describe.each(KUBERNETES_VERSIONS)('Kubernetes %s split into chunks', (version) => {
  it('puts every definition in exactly one chunk or in the index (those every kind needs), unchanged, and keeps everything else in the index', () => {
    const { index, chunks } = splitOf(version);
    const { definitions, ...rest } = fileFor(version);
    const parts = [index.commonDefinitions, ...chunks];
    const chunked = parts.flatMap((chunk) => Object.keys(chunk));
    expect(chunked.length).toBe(new Set(chunked).size);
    expect(Object.fromEntries(parts.flatMap((chunk) => Object.entries(chunk)))).toEqual(definitions);
    expect(Object.keys(index.commonDefinitions)).toContain(Object.keys(definitions).find((id) => id.endsWith('.v1.ObjectMeta')));
    const { kinds: _kinds, kindChunks, definitionPrefixes: _prefixes, otherDefinitionIds: _others, commonDefinitions: _common, ...others } = index;
    expect({ ...others, kinds: indexedKinds(index) }).toEqual(rest);
    expect(Object.keys(indexedKinds(index))).toEqual(Object.keys(rest.kinds)); // in the same order
    expect(kindChunks).toHaveLength(index.kinds.length);
  });

  it("covers each kind's closure with the chunks it loads: every $ref they hold resolves among them", () => {
    const { index, chunks } = splitOf(version);
    const ids = indexedKinds(index);
    for (const kind of index.kinds) {
      const numbers = chunksOfKind(version, kind);
      const loaded = Object.assign({}, index.commonDefinitions, ...numbers.map((n) => chunks[n])) as Record<string, unknown>;
      // Walk from the kind's definition through every $ref: each must resolve among the loaded definitions.
      const unresolved: string[] = [];
      const reached = new Set<string>();
      const walk = (id: string) => {
        if (reached.has(id)) return;
        reached.add(id);
        if (!(id in loaded)) return void unresolved.push(id);
        for (const ref of refsIn(loaded[id])) {
          if (ref.startsWith('#/definitions/')) walk(ref.slice('#/definitions/'.length));
          else unresolved.push(ref);
        }
      };
      walk(ids[kind]);
      expect(unresolved, kind).toEqual([]);
      expect(reached.size, kind).toBeGreaterThan(0);
    }
  });

  it('shares the common closures: no kind loads the whole version, a ConfigMap loads a small part of it', () => {
    const { index, chunks } = splitOf(version);
    const size = (numbers: number[]) => numbers.reduce((sum, n) => sum + JSON.stringify(chunks[n]).length, 0);
    const whole = size(chunks.map((_, n) => n)) + JSON.stringify(index.commonDefinitions).length;
    for (const numbers of index.kindChunks) expect(size(numbers)).toBeLessThan(whole / 2);
    expect(size(chunksOfKind(version, 'v1/ConfigMap'))).toBeLessThan(whole / 50);
    // PodSpec's closure is one set of chunks that every workload loads, not a copy per kind.
    const workloads = ['v1/Pod', 'apps/v1/Deployment', 'apps/v1/StatefulSet', 'apps/v1/DaemonSet', 'batch/v1/Job', 'batch/v1/CronJob'];
    const podSpec = chunks.findIndex((chunk) => Object.keys(chunk).some((id) => id.endsWith('.v1.PodSpec')));
    for (const kind of workloads) expect(chunksOfKind(version, kind), kind).toContain(podSpec);
  });

  it('is deterministic', () => {
    expect(splitSchemas(fileFor(version))).toEqual(splitOf(version));
  });
});

// ---- the validator on chunks ------------------------------------------------------------------------------------------

/** What the mocked browser build loads: 'version/chunk', in order. Chunks listed in `broken` fail to load. */
const loads: string[] = [];
const broken = new Set<string>();

function chunkedModule(version: string) {
  const { index, chunks } = splitOf(version);
  return {
    default: {
      ...index,
      chunks: chunks.map((chunk, n) => async () => {
        await new Promise((resolve) => setTimeout(resolve, 1)); // a fetch: answered later, in any order
        if (broken.has(`${version}/${n}`)) throw new Error('Failed to fetch dynamically imported module');
        loads.push(`${version}/${n}`);
        return { default: structuredClone(chunk) };
      }),
      all: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        loads.push(`${version}/all`);
        return { default: structuredClone(fileFor(version).definitions) };
      },
    },
  };
}

const whole: Core = await import('../../src/validator/core.ts');
// The whole files, loaded before the version files are mocked (the mock applies to any import() after it).
const { loadKubernetesVersion } = await import('../../src/validator/registry.ts');
for (const version of KUBERNETES_VERSIONS) await loadKubernetesVersion(version);
for (const version of KUBERNETES_VERSIONS) vi.doMock(schemaFile(version), () => chunkedModule(version));
vi.resetModules();
const chunked: Core = await import('../../src/validator/core.ts');

afterEach(() => {
  loads.length = 0;
  broken.clear();
});

/** Each diagnostic as `line:col severity[rule] message`, resources and file problems alike. */
const row = (d: Diagnostic) => `${d.line}:${d.col} ${d.severity}[${d.rule}] ${d.message}`;
const rows = (report: ValidationReport) => [...report.fileDiagnostics.map(row), ...report.resources.flatMap((r) => [`${r.kind}/${r.name}: ${r.status}`, ...r.diagnostics.map(row)])];

async function same(text: string, file: string, options: { kubernetesVersion?: string; lang?: Lang } = {}): Promise<string[]> {
  const expected = rows(await whole.validateText(text, file, { strict: true, ...options }));
  const actual = rows(await chunked.validateText(text, file, { strict: true, ...options }));
  expect(actual).toEqual(expected);
  return actual;
}

const chunksOf = (version: string, kinds: string[]) => [...new Set(kinds.flatMap((kind) => chunksOfKind(version, kind).map((n) => `${version}/${n}`)))].sort();
const loaded = () => [...loads].sort();

const SAMPLE = readFileSync(seed, 'utf8');

const MULTI_KIND = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        imagePullPolcy: Always
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: ClusterIp
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: web, labels: {"bad label": x}}
data: {a: 1}
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata: {name: web}
  stringData: {password: x}
  typo: true
---
apiVersion: apps/v1
kind: Deploymnet
metadata: {name: typo}
`;

describe('the validator on chunks, kind by kind, as in the browser build', () => {
  it.for(['en', 'ko'] as const)("the playground's sample loads exactly the StatefulSet's chunks and says what the whole files say (%s)", async (lang) => {
    const rows = await same(SAMPLE, 'sample.yaml', { lang });
    expect(rows.join('\n')).toContain('"containers"');
    if (lang === 'en') {
      expect(loaded()).toEqual(chunksOf('1.36', ['apps/v1/StatefulSet']));
      expect(loaded().length).toBeLessThan(splitOf('1.36').chunks.length / 5);
    }
  });

  it('loads the union of the chunks of several kinds (List items included), once, before checking them', async () => {
    loads.length = 0;
    const rows = await same(MULTI_KIND, 'multi.yaml');
    expect(rows.join('\n')).toMatch(/imagePullPolicy/);
    expect(rows.join('\n')).toMatch(/Deployment/);
    const expected = chunksOf('1.36', ['apps/v1/Deployment', 'v1/Service', 'v1/ConfigMap', 'v1/Secret']).filter((c) => !chunksOf('1.36', ['apps/v1/StatefulSet']).includes(c));
    expect(loaded()).toEqual(expected);
    await same(MULTI_KIND, 'multi.yaml', { lang: 'ko' });
    expect(loaded()).toEqual(expected); // nothing loaded twice
  });

  it('validates every kind of every version as the whole files do', async () => {
    for (const version of ['1.36', '1.30']) {
      const kinds = splitOf(version).index.kinds;
      const text = kinds.map((key) => `apiVersion: ${key.slice(0, key.lastIndexOf('/'))}\nkind: ${key.slice(key.lastIndexOf('/') + 1)}\nmetadata: {name: x, labelz: {}}\nspec: {}\n`).join('---\n');
      const rows = await same(text, 'all.yaml', { kubernetesVersion: version });
      expect(rows.filter((row) => row.includes('labels')).length).toBeGreaterThan(kinds.length / 2);
      // So many chunks at once: the one file of every definition instead.
      expect(loads).toContain(`${version}/all`);
    }
  });

  it("a version switch loads that version's chunks, and both versions keep their own answers", async () => {
    loads.length = 0;
    await same(SAMPLE, 'sample.yaml', { kubernetesVersion: '1.33' });
    expect(loaded()).toEqual(chunksOf('1.33', ['apps/v1/StatefulSet']));
    await same(MULTI_KIND, 'multi.yaml', { kubernetesVersion: '1.33' });
    await same(SAMPLE, 'sample.yaml', { kubernetesVersion: '1.36' });
    await same(readFileSync(`${fixtures}manifests/crd-crontab-invalid.yaml`, 'utf8'), 'crd.yaml', { kubernetesVersion: '1.33' });
    await same(readFileSync(`${fixtures}manifests/crd-crontab-invalid.yaml`, 'utf8'), 'crd.yaml', { kubernetesVersion: '1.36' });
  });

  it('once every kind is loaded (as one file, in the background), any input validates without another request', async () => {
    const everyKind = (version: string) => splitOf(version).index.kinds.map((key) => `apiVersion: ${key.slice(0, key.lastIndexOf('/'))}\nkind: ${key.slice(key.lastIndexOf('/') + 1)}\nmetadata: {name: x}\nspec: {replica: 1}\n`).join('---\n');
    await same(SAMPLE, 'sample.yaml', { kubernetesVersion: '1.32' });
    await chunked.loadEveryKindSchema('1.32');
    expect(loads).toContain('1.32/all');
    loads.length = 0;
    splitOf('1.32').chunks.forEach((_, n) => broken.add(`1.32/${n}`)); // offline
    await same(everyKind('1.32'), 'all.yaml', { kubernetesVersion: '1.32' });
    expect(loads).toEqual([]);
  });

  it('a chunk that cannot be loaded gives a clear error naming the version, and loads on the next run', async () => {
    const text = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: x\n';
    const missing = chunksOf('1.34', ['storage.k8s.io/v1/StorageClass'])[0];
    broken.add(missing);
    await expect(chunked.validateText(text, 'storage.yaml', { kubernetesVersion: '1.34' })).rejects.toThrow(
      new RegExp(`^the schemas of Kubernetes 1\\.34 could not be loaded \\(chunk ${missing.split('/')[1]}\\): Failed to fetch dynamically imported module$`),
    );
    broken.clear();
    await same(text, 'storage.yaml', { kubernetesVersion: '1.34' });
    expect(loads).toContain(missing);
  });
});
