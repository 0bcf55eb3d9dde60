// The validator as another project gets it: `npm pack` (which builds lib/ through `prepack`), the tarball installed
// into an empty project, then the `k8s-validate` bin and the library (ESM import, worker threads, every bundled
// Kubernetes version) run there in Node with TypeScript stripping switched off, and in the system Node if it is
// another one (Node 20 on the development machines); a consumer file type-checks against the shipped declarations.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_KUBERNETES_VERSIONS } from '../../src/validator/index.ts';

const ROOT = process.cwd();
const PACKAGE = 'k8s-patterns-field-guide';
const work = mkdtempSync(join(tmpdir(), 'k8s-validate-pack-'));
const project = join(work, 'consumer');
let packed: { filename: string; files: { path: string }[]; size: number; unpackedSize: number };

/** Node binaries to run the installed package with: this one (TypeScript stripping off), and the system's if other. */
const NODES: { name: string; command: string; env: NodeJS.ProcessEnv }[] = [
  process.features.typescript
    ? { name: `node ${process.version} without type stripping`, command: process.execPath, env: { ...process.env, NODE_OPTIONS: '--no-experimental-strip-types' } }
    : { name: `node ${process.version} (no type stripping)`, command: process.execPath, env: { ...process.env, NODE_OPTIONS: '' } },
];
const systemNode = spawnSync('/usr/bin/env', ['-i', `PATH=${(process.env.PATH ?? '').split(':').filter((dir) => !dir.includes('node_modules')).join(':')}`, 'node', '-p', 'process.execPath + " " + process.version'], { encoding: 'utf8' });
if (systemNode.status === 0) {
  const [command, version] = systemNode.stdout.trim().split(' ');
  if (version !== process.version) NODES.push({ name: `system node ${version}`, command, env: { ...process.env, NODE_OPTIONS: '' } });
}

const VALID = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n';
const INVALID = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  retries: 3\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: { cpu: 100m, memory: 64Mi }
            limits: { memory: 64Mi }
`;

const CONSUMER = `import { BUNDLED_KUBERNETES_VERSIONS, formatReport, validatePaths, validateText } from '${PACKAGE}';
const valid = await validateText(${JSON.stringify(VALID)}, 'ok.yaml');
const invalid = await validateText(${JSON.stringify(INVALID)}, 'bad.yaml', { lang: 'ko' });
const versions = {};
for (const version of BUNDLED_KUBERNETES_VERSIONS) {
  versions[version] = (await validateText(${JSON.stringify(DEPLOYMENT)}, 'deploy.yaml', { kubernetesVersion: version })).ok;
}
const threaded = await validatePaths(['big'], { workers: 2 });
console.log(JSON.stringify({
  valid: valid.ok,
  invalid: formatReport(invalid, 'text', { lang: 'ko' }),
  versions,
  threaded: { ok: threaded.ok, resources: threaded.resources.length },
}));
`;

const TYPED_CONSUMER = `import { formatReport, validateText, type Diagnostic, type ValidationReport } from '${PACKAGE}';
const report: ValidationReport = await validateText('kind: Pod', 'pod.yaml', { strict: true, kubernetesVersion: '1.36' });
const first: Diagnostic | undefined = report.resources[0]?.diagnostics[0] ?? report.fileDiagnostics[0];
const line: number | undefined = first?.line;
// Proves the report type is real (not \`any\` from an unresolved declaration): this assignment must be an error.
// @ts-expect-error kubernetesVersion is a string
const wrongType: number = report.kubernetesVersion;
console.log(formatReport(report, 'json'), line, wrongType);
`;

beforeAll(() => {
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  [packed] = JSON.parse(output.slice(output.indexOf('[')));
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(work, packed.filename)], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  // Over 2 MB of manifests, so validatePaths really starts worker threads (lib/worker.js).
  mkdirSync(join(project, 'big'));
  const manifests = Array.from({ length: 9000 }, (_, i) => VALID.replace('settings', `settings-${i}`)).join('---\n');
  for (const part of [0, 1, 2, 3]) writeFileSync(join(project, 'big', `part-${part}.yaml`), manifests);
  writeFileSync(join(project, 'consumer.mjs'), CONSUMER);
  writeFileSync(join(project, 'ok.yaml'), VALID);
  writeFileSync(join(project, 'bad.yaml'), INVALID);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships the built library, CLI, worker, declarations and schemas, and nothing of the site', () => {
    const files = packed.files.map((file) => file.path);
    for (const needed of ['package.json', 'README.md', 'bin/k8s-validate.mjs', 'lib/index.js', 'lib/index.d.ts', 'lib/types.d.ts', 'lib/cli.js', 'lib/worker.js']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((file) => !/^(package\.json|README\.md|LICENSE|bin\/k8s-validate\.mjs|lib\/.+\.(js|d\.ts))$/.test(file))).toEqual([]);
    expect(files.some((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toBe(false);
    console.log(`tarball ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked`);
  });
});

describe.each(NODES)('installed into an empty project, run by $name', ({ command, env }) => {
  const bin = () => join(project, 'node_modules', '.bin', 'k8s-validate');
  const run = (args: string[], input?: string) => spawnSync(command, [bin(), ...args], { cwd: project, env, encoding: 'utf8', input });

  it('k8s-validate validates files and standard input, with its exit codes and version', () => {
    expect(existsSync(bin())).toBe(true);
    expect(run(['-strict', 'ok.yaml'])).toMatchObject({ status: 0, stderr: '' });
    const bad = run(['-strict', 'bad.yaml']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^bad\.yaml:6:12: error\[schema\]: expected string, got integer 3$/m);
    expect(JSON.parse(run(['-strict', '-output', 'json', '-'], INVALID).stdout).resources[0]).toMatchObject({ filename: '-', status: 'statusInvalid' });
    expect(run(['-v']).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const missing = run(['nope.yaml']);
    expect(missing.status).toBe(1);
    expect(missing.stderr + missing.stdout).toMatch(/nope\.yaml/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('the library works as an ES module: text, every bundled Kubernetes version, worker threads', () => {
    const result = spawnSync(command, ['consumer.mjs'], { cwd: project, env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout);
    expect(out.valid).toBe(true);
    expect(out.invalid).toMatch(/^bad\.yaml:6:12: error\[schema\]: /);
    expect(Object.keys(out.versions)).toEqual([...BUNDLED_KUBERNETES_VERSIONS]);
    expect(Object.values(out.versions).every(Boolean)).toBe(true);
    expect(out.threaded).toEqual({ ok: true, resources: 36_000 });
  });
});

describe('the shipped type declarations', () => {
  const tsc = (file: string) => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, typeRoots: [join(ROOT, 'node_modules', '@types')], types: ['node'] },
        files: [file],
      }),
    );
    return spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
  };

  it('type-check a consumer, and catch its mistakes', () => {
    writeFileSync(join(project, 'typed.ts'), TYPED_CONSUMER);
    const ok = tsc('typed.ts');
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    writeFileSync(join(project, 'wrong.ts'), `import { validateText } from '${PACKAGE}';\nawait validateText(42, 'x.yaml', { strict: 'yes' });\n`);
    const wrong = tsc('wrong.ts');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/wrong\.ts\(2,\d+\): error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'/);
  });
});
