// Kubernetes 1.30-1.36: version sets, version-dependent API-server rules, the matrix mode (library and CLI),
// and that a run loads only the schemas of its own version(s).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/validator/command.ts';
import { formatVersionRanges, parseKubernetesVersions, validatePathsMatrix, validateText, validateTextMatrix } from '../../src/validator/index.ts';
import { root } from './helpers.ts';

const ALL = ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];
const fixture = `${root}tests/fixtures/versions/across-versions.yaml`;

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, stdinIsTTY: true });
  return { code, stdout, stderr };
}

function pod(spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;
}

async function rulesAt(text: string, kubernetesVersion: string): Promise<string[]> {
  const report = await validateText(text, 'x.yaml', { kubernetesVersion, strict: true });
  return report.resources.flatMap((r) => r.diagnostics.map((d) => `${d.severity}[${d.rule}]`));
}

describe('version sets', () => {
  it('reads versions, ranges and their spellings, oldest first', () => {
    expect(parseKubernetesVersions('1.30-1.36')).toEqual(ALL);
    expect(parseKubernetesVersions('v1.36, 1.31.2,1.33-v1.34')).toEqual(['1.31', '1.33', '1.34', '1.36']);
    expect(formatVersionRanges(['1.30', '1.31', '1.32', '1.36'])).toBe('1.30–1.32, 1.36');
  });

  it('refuses unsupported versions, malformed or backward ranges and duplicates with a clear message', () => {
    expect(() => parseKubernetesVersions('1.29-1.36')).toThrowError('Kubernetes version "1.29" is not bundled');
    expect(() => parseKubernetesVersions('1.36-1.30')).toThrowError('goes backwards');
    expect(() => parseKubernetesVersions('1.30--1.31')).toThrowError('malformed range');
    expect(() => parseKubernetesVersions('1.30,,1.31')).toThrowError('empty item');
    expect(() => parseKubernetesVersions('1.30-1.33,1.32')).toThrowError('Kubernetes 1.32 is listed twice');
  });
});

describe('version-dependent API-server rules', () => {
  it('env names: IsEnvVarName for 1.30/1.31, relaxed (printable ASCII except "=") from 1.32', async () => {
    const text = pod('  containers:\n    - name: a\n      image: i:1\n      env:\n        - name: "A:B"\n          value: x\n');
    for (const version of ['1.30', '1.31']) expect(await rulesAt(text, version), version).toContain('error[env-names]');
    for (const version of ['1.32', '1.34', '1.36']) expect(await rulesAt(text, version), version).not.toContain('error[env-names]');
    const withEquals = pod('  containers:\n    - name: a\n      image: i:1\n      env:\n        - name: "A=B"\n');
    for (const version of ALL) expect(await rulesAt(withEquals, version), version).toContain('error[env-names]');
  });

  it('best-practice-resources: Pod-level spec.resources covers its containers from 1.34 (PodLevelResources beta, on by default)', async () => {
    const text = pod('  resources:\n    requests: {cpu: 100m, memory: 64Mi}\n    limits: {cpu: 200m, memory: 128Mi}\n  containers:\n    - name: a\n      image: i:1\n');
    for (const version of ['1.34', '1.35', '1.36']) expect(await rulesAt(text, version), version).not.toContain('warning[best-practice-resources]');
    // 1.32/1.33 list the field in their spec (alpha) but a default cluster drops it: the containers still lack resources.
    for (const version of ['1.32', '1.33']) expect(await rulesAt(text, version), version).toContain('warning[best-practice-resources]');
    const limitsOnly = pod('  resources:\n    limits: {cpu: 200m}\n  containers:\n    - name: a\n      image: i:1\n');
    expect(await rulesAt(limitsOnly, '1.36')).toContain('warning[best-practice-resources]');
  });

  it('CRON_TZ in a CronJob schedule is rejected by every bundled version (since 1.29)', async () => {
    const text = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "CRON_TZ=UTC 0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: a\n              image: i:1\n';
    for (const version of ALL) expect(await rulesAt(text, version), version).toContain('error[cronjob-schedule]');
  });
});

describe('matrix', () => {
  it('reports per resource the versions that accept it', async () => {
    const matrix = await validatePathsMatrix([fixture], ALL, { strict: true });
    const accepted = Object.fromEntries(matrix.resources.map((r) => [`${r.kind} ${r.name}`, r.acceptedBy]));
    expect(accepted).toEqual({
      'ConfigMap plain': ALL,
      'Pod relaxed-env': ['1.32', '1.33', '1.34', '1.35', '1.36'],
      'DeviceClass gpu': ['1.34', '1.35', '1.36'],
      'PriorityLevelConfiguration low': ['1.30', '1.31'],
      'Pod stop-signal': ['1.33', '1.34', '1.35', '1.36'],
    });
    expect(matrix.ok).toBe(false);
    const removed = matrix.resources.find((r) => r.kind === 'PriorityLevelConfiguration')!.rejectedBy;
    expect(removed.map((x) => x.kubernetesVersion)).toEqual(['1.32', '1.33', '1.34', '1.35', '1.36']);
    expect(removed[0].diagnostics[0].rule).toBe('removed-api');
    const notYetServed = matrix.resources.find((r) => r.kind === 'DeviceClass')!.rejectedBy;
    expect(notYetServed.map((x) => x.diagnostics[0].rule)).toEqual(['unknown-api', 'unknown-api', 'unknown-api', 'unknown-api']);
  });

  it('validateTextMatrix gives the same answer for text', async () => {
    const text = 'apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu\nspec: {}\n';
    const matrix = await validateTextMatrix(text, 'x.yaml', ALL, { strict: true });
    expect(matrix.resources[0].acceptedBy).toEqual(['1.34', '1.35', '1.36']);
  });

  it('CLI: -kubernetes-versions prints the versions per resource, exit 1 unless all accept; 0 when they do', async () => {
    const result = await run(['-strict', '-summary', '-kubernetes-versions', '1.30-1.36', fixture]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(': v1 Pod relaxed-env: accepted by 1.32-1.36; rejected by 1.30-1.31\n');
    expect(result.stdout).toContain('  1.30-1.31: ');
    expect(result.stdout).toContain(': resource.k8s.io/v1 DeviceClass gpu: accepted by 1.34-1.36; rejected by 1.30-1.33\n  1.30-1.33: ');
    expect(result.stdout).toContain('error[unknown-api]: resource.k8s.io/v1 DeviceClass is served only from Kubernetes 1.34 on\n');
    expect(result.stdout).toContain('Summary (Kubernetes 1.30-1.36): 5 resources - accepted by every version: 1, by some: 4, by none: 0');
    expect((await run(['-strict', '-kubernetes-versions', '1.34-1.36', '-skip', 'PriorityLevelConfiguration', fixture])).code).toBe(0);
    expect((await run(['-strict', '-kubernetes-versions', '1.30-1.36', '-skip', 'PriorityLevelConfiguration,DeviceClass', fixture])).code).toBe(1);
    const json = JSON.parse((await run(['-strict', '-output', 'json', '-kubernetes-versions', '1.33,1.36', fixture])).stdout);
    expect(json.kubernetesVersions).toEqual(['1.33', '1.36']);
    expect(json.summary).toEqual({ resources: 5, acceptedByAll: 3, acceptedBySome: 1, acceptedByNone: 1 });
    expect(json.resources.find((r: { kind: string }) => r.kind === 'DeviceClass').acceptedBy).toEqual(['1.36']);
    for (const format of ['github', 'tap', 'junit']) {
      const out = await run(['-strict', '-output', format, '-kubernetes-versions', '1.30-1.36', fixture]);
      expect(out.code, format).toBe(1);
      expect(out.stdout, format).toMatch(/1\.30|Kubernetes 1\.3/);
    }
  });

  it('CLI: bad version sets fail before any work, exit 1', async () => {
    for (const [spec, message] of [['1.29-1.36', 'not bundled'], ['1.36-1.30', 'backwards'], ['1.31,1.31', 'listed twice'], ['1.3x', 'not bundled']]) {
      const result = await run(['-kubernetes-versions', spec, `${root}no-such-folder`]);
      expect(result, spec).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr, spec).toContain(message);
    }
    expect((await run(['-kubernetes-version', '1.33', '-kubernetes-versions', '1.33', fixture])).stderr).toContain('cannot be used together');
  });
});

describe('loading', () => {
  it('a run loads only the schemas of its own version', () => {
    const script = `
      const { validateText } = await import('./src/validator/index.ts');
      const { loadedBundledSchemas, KUBERNETES_VERSIONS } = await import('./src/validator/schemas/index.ts');
      await validateText('apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: a\\n', 'a.yaml', { kubernetesVersion: '1.33' });
      console.log(KUBERNETES_VERSIONS.filter((v) => loadedBundledSchemas(v)).join(','));`;
    const result = spawnSync(`${root}node_modules/.bin/node`, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('1.33');
  });

  it('bundled for the browser, each version is a chunk of its own, loaded on demand (not in the core)', async () => {
    const result = await build({ entryPoints: [`${root}src/validator/core.ts`], bundle: true, splitting: true, platform: 'browser', format: 'esm', outdir: '/bundle', write: false, logLevel: 'silent' });
    const chunks = result.outputFiles.map((file) => ({ name: file.path, text: file.text }));
    const versionOf = (text: string) => /kubernetesVersion: "(1\.3\d)"/.exec(text)?.[1];
    const versionChunks = chunks.filter((chunk) => versionOf(chunk.text));
    expect(versionChunks.map((chunk) => versionOf(chunk.text)).sort()).toEqual(ALL);
    const entry = chunks.find((chunk) => chunk.name.endsWith('/core.js'))!;
    expect(versionChunks).not.toContain(entry);
  });

  it('several versions in one process (definitions shared between them) report exactly what each version alone reports', () => {
    const corpus = ['tests/fixtures/rules', 'tests/fixtures/versions', 'examples', 'src/mistakes'];
    const script = (versions: string[]) => `
      const { validatePaths, formatReport } = await import('./src/validator/index.ts');
      for (const kubernetesVersion of ${JSON.stringify(versions)}) {
        for (const strict of [true, false]) {
          const report = await validatePaths(${JSON.stringify(corpus)}, { kubernetesVersion, strict });
          console.log('== ' + kubernetesVersion + ' ' + strict);
          console.log(formatReport(report, 'json', { verbose: true }));
        }
      }`;
    const node = (versions: string[]) => {
      const result = spawnSync(`${root}node_modules/.bin/node`, ['--input-type=module', '-e', script(versions)], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26 });
      expect(result.stderr).toBe('');
      return result.stdout;
    };
    const versions = ['1.30', '1.33', '1.36'];
    expect(node(versions)).toBe(versions.map((version) => node([version])).join(''));
  });
});
