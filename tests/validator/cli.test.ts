// The command line: kubeconform's flags and exit codes, every output format, stdin and the bin script.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { main, parseArgs } from '../../src/validator/command.ts';
import { crdSchemas, fixtures, manifest, page, root, seed } from './helpers.ts';

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, stdinIsTTY: true });
  return { code, stdout, stderr };
}

const node = `${root}node_modules/.bin/node`;
function spawnCli(args: string[], input?: string, command = [`${root}src/validator/cli.ts`]) {
  const result = spawnSync(node, [...command, ...args], { input: input ?? '', encoding: 'utf8', cwd: root, timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('flags', () => {
  it('parses Go flag syntax: -flag, --flag, -flag=value, -flag value, repeated lists', () => {
    const parsed = parseArgs(['-strict', '--summary', '-output=json', '-n', '3', '-schema-location', 'a', '-schema-location=b', 'dir', '-', '-verbose=false']);
    expect(Object.fromEntries(parsed.flags)).toEqual({ strict: true, summary: true, output: 'json', n: '3', 'schema-location': ['a', 'b'], verbose: false });
    expect(parsed.paths).toEqual(['dir', '-']);
  });

  it('-h prints usage with every kubeconform flag and exits 0; -v prints the version', async () => {
    const help = await run(['-h']);
    expect(help.code).toBe(0);
    for (const flag of ['-strict', '-summary', '-verbose', '-output', '-skip', '-reject', '-ignore-missing-schemas', '-schema-location', '-ignore-filename-pattern', '-exit-on-error', '-kubernetes-version', '-n', '-lang', '-v']) {
      expect(help.stdout).toContain(`  ${flag}`);
    }
    const version = await run(['-v']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version);
  });

  it('an unknown flag or bad value fails with a message, exit 1', async () => {
    expect(await run(['-nope', seed])).toMatchObject({ code: 1, stderr: expect.stringContaining('flag provided but not defined: -nope') });
    expect(await run(['-output', 'xml', seed])).toMatchObject({ code: 1, stderr: expect.stringContaining('-output must be one of') });
    expect(await run(['-n', '0', seed])).toMatchObject({ code: 1, stderr: expect.stringContaining('-n must be a positive integer') });
    expect(await run(['-lang', 'fr', seed])).toMatchObject({ code: 1 });
    expect(await run(['-ignore-filename-pattern', '(', seed])).toMatchObject({ code: 1, stderr: expect.stringContaining('not a valid regular expression') });
  });

  it('-kubernetes-version accepts only bundled versions and fails early otherwise', async () => {
    const bad = await run(['-kubernetes-version', '1.20.0', manifest('valid-deployment.yaml')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('k8s-validate: Kubernetes version 1.20.0 is not bundled; supported: 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36\n');
    expect((await run(['-kubernetes-version', '1.36.0', manifest('valid-deployment.yaml')])).code).toBe(0);
    expect((await run(['-kubernetes-version', 'v1.33', manifest('valid-deployment.yaml')])).code).toBe(0);
  });

  it('exit codes: 0 valid, 1 invalid, 1 error', async () => {
    expect((await run([manifest('valid-deployment.yaml')])).code).toBe(0);
    expect((await run([manifest('invalid-deployment.yaml')])).code).toBe(1);
    expect((await run([manifest('missing-kind.yaml')])).code).toBe(1);
  });

  it('-strict, -skip, -reject, -ignore-missing-schemas, -schema-location', async () => {
    expect((await run([manifest('extra-property.yaml')])).code).toBe(0);
    expect((await run(['-strict', manifest('extra-property.yaml')])).code).toBe(1);
    expect((await run(['-skip', 'Deployment', manifest('invalid-deployment.yaml')])).code).toBe(0);
    expect((await run(['-skip', 'ConfigMap,apps/v1/Deployment', manifest('invalid-deployment.yaml')])).code).toBe(0);
    expect((await run(['-reject', 'v1/Service', manifest('multi-document.yaml')])).stdout).toContain('error[rejected-kind]: prohibited resource kind Service');
    expect((await run([manifest('crd-crontab.yaml')])).code).toBe(1);
    expect((await run(['-ignore-missing-schemas', manifest('crd-crontab.yaml')])).code).toBe(0);
    expect((await run(['-schema-location', 'default', '-schema-location', crdSchemas, manifest('crd-crontab.yaml')])).code).toBe(0);
  });

  it('-ignore-filename-pattern drops matching files; -exit-on-error stops after the first failing file', async () => {
    const ignored = await run(['-summary', '-ignore-filename-pattern', 'invalid|missing|empty|crd|dup|extra|scalars|quantities|int-or|list|json', `${fixtures}manifests`]);
    expect(ignored.code).toBe(0);
    const all = await run(['-summary', '-n', '1', `${fixtures}manifests`]);
    const first = await run(['-summary', '-n', '1', '-exit-on-error', `${fixtures}manifests`]);
    const count = (out: string) => Number(/Summary: (\d+) resource/.exec(out)?.[1]);
    expect(first.code).toBe(1);
    expect(count(first.stdout)).toBeLessThan(count(all.stdout));
  });

  it('-lang ko, or a Korean locale in LC_ALL / LC_MESSAGES / LANG', async () => {
    const flag = await run(['-lang', 'ko', '-strict', '-summary', seed]);
    expect(flag.stdout).toContain('"conatainers" 필드는 스키마에 없다');
    expect(flag.stdout).toContain('요약: 파일 1개에서 리소스 1개를 찾았다');
    expect((await run(['-strict', seed], { LANG: 'ko_KR.UTF-8' })).stdout).toContain('필드는 스키마에 없다');
    expect((await run(['-strict', seed], { LC_MESSAGES: 'ko' })).stdout).toContain('필드는 스키마에 없다');
    expect((await run(['-strict', seed], { LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR.UTF-8' })).stdout).toContain('unknown field');
  });

  it('-list-rules prints every rule with its severity, in the chosen language', async () => {
    const en = await run(['-list-rules']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^job-restart-policy +error +A Job/m);
    expect(en.stdout).toMatch(/^statefulset-headless-service +warning /m);
    expect((await run(['-list-rules', '-lang', 'ko'])).stdout).toMatch(/^job-restart-policy +error +Job/m);
  });

  it('no path and a terminal on stdin: usage, exit 1 (rather than waiting forever)', async () => {
    const result = await run([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('standard input is a terminal');
  });
});

describe('output formats', () => {
  const files = [manifest('valid-deployment.yaml'), manifest('invalid-deployment.yaml'), manifest('missing-kind.yaml'), manifest('crd-crontab.yaml')];
  const skipArgs = ['-skip', 'CronTab'];

  it('text: file:line:col: severity[rule]: message, kubeconform summary', async () => {
    const { stdout, code } = await run(['-summary', ...skipArgs, ...files]);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `${manifest('invalid-deployment.yaml')}:6:13: error[schema]: expected integer, got string "two"`,
      `${manifest('invalid-deployment.yaml')}:15:22: error[schema]: must be one of "Always", "Never", "OnFailure"; got "always" (did you mean "Always"?)`,
      `${manifest('missing-kind.yaml')}:1:1: error[missing-kind]: missing 'kind' key`,
      'Summary: 4 resources found in 4 files - Valid: 1, Invalid: 1, Errors: 1, Skipped: 1',
      '',
    ]);
  });

  it('text -verbose lists valid and skipped resources too', async () => {
    const { stdout } = await run(['-verbose', ...skipArgs, ...files]);
    expect(stdout).toContain(`${manifest('valid-deployment.yaml')}:1:1: Deployment web is valid`);
    expect(stdout).toContain(`${manifest('crd-crontab.yaml')}:1:1: CronTab my-crontab skipped (skipped (-skip CronTab))`);
  });

  it('json: kubeconform shape with positions', async () => {
    const { stdout } = await run(['-output', 'json', '-summary', ...skipArgs, ...files]);
    const body = JSON.parse(stdout);
    expect(body.summary).toEqual({ valid: 1, invalid: 1, errors: 1, skipped: 1, warnings: 0, optedOut: 0, ignored: 0, files: 4 });
    expect(body.resources.map((r: { status: string }) => r.status)).toEqual(['statusInvalid', 'statusError']);
    expect(body.resources[0]).toMatchObject({
      filename: manifest('invalid-deployment.yaml'), kind: 'Deployment', name: 'web', version: 'apps/v1', status: 'statusInvalid',
      validationErrors: expect.arrayContaining([{ path: '/spec/replicas', msg: 'expected integer, got string "two"' }]),
    });
    expect(body.resources[0].msg).toContain('expected integer, got string "two" - must be one of');
    expect(body.resources[0].diagnostics[0]).toEqual({ line: 6, col: 13, severity: 'error', rule: 'schema', message: 'expected integer, got string "two"', path: '/spec/replicas' });
    const verbose = JSON.parse((await run(['-output', 'json', '-verbose', ...skipArgs, ...files])).stdout);
    expect(verbose.resources.map((r: { status: string }) => r.status)).toEqual(['statusValid', 'statusInvalid', 'statusError', 'statusSkipped']);
    expect(verbose.summary).toBeUndefined();
  });

  it('tap: TAP 13 with kubeconform lines and a plan', async () => {
    const { stdout } = await run(['-output', 'tap', ...skipArgs, ...files]);
    const tapLines = stdout.trim().split('\n');
    expect(tapLines[0]).toBe('TAP version 13');
    expect(tapLines).toContain(`ok 1 - ${manifest('valid-deployment.yaml')} (Deployment web)`);
    expect(tapLines).toContain(`not ok 3 - ${manifest('missing-kind.yaml')}: missing 'kind' key`);
    expect(tapLines).toContain(`ok 4 - ${manifest('crd-crontab.yaml')} (CronTab my-crontab) # skip`);
    expect(tapLines.find((l) => l.startsWith('not ok 2 - '))).toContain('(Deployment web): expected integer, got string "two"');
    expect(tapLines.at(-1)).toBe('1..4');
  });

  it('junit: valid against the Jenkins JUnit schema, one suite per file', async () => {
    const withPage = [...files, page('chapter.mdx'), seed];
    const { stdout } = await run(['-output', 'junit', '-strict', ...skipArgs, ...withPage]);
    const xsd = readFileSync(`${fixtures}junit/jenkins-junit.xsd`, 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: stdout }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(stdout).toContain('<testsuites name="k8s-validate"');
    expect(stdout).toMatch(/<testsuite name="[^"]*invalid-deployment\.yaml" id="2" tests="1" failures="1" errors="0"/);
    expect(stdout).toContain('<testcase name="web" classname="Deployment@apps/v1">');
    expect(stdout).toContain('<skipped>skipped (-skip CronTab)</skipped>');
    expect(stdout).toContain('unknown field &quot;conatainers&quot;');
  });

  it('junit stays valid with characters XML must escape or cannot carry', async () => {
    const { formatReport, validateText } = await import('../../src/validator/index.ts');
    const report = await validateText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a<&>\\u0001"\ndata:\n  k: 1\n', 'odd <&> "file".yaml');
    const xml = formatReport(report, 'junit');
    const xsd = readFileSync(`${fixtures}junit/jenkins-junit.xsd`, 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
    expect(result.errors).toEqual([]);
  });

  it('pretty: coloured marks and an indented list per resource', async () => {
    const { stdout } = await run(['-output', 'pretty', '-verbose', '-summary', ...skipArgs, ...files]);
    expect(stdout).toContain(`\u001b[32m\u2714\u001b[0m ${manifest('valid-deployment.yaml')}:1:1: \u001b[32mDeployment web is valid\u001b[0m`);
    expect(stdout).toContain(`\u001b[31m\u2716\u001b[0m ${manifest('invalid-deployment.yaml')}:1:1: Deployment web`);
    expect(stdout).toContain('    6:13 \u001b[31merror\u001b[0m expected integer, got string "two"');
    expect(stdout.trim().split('\n').at(-1)).toBe('Summary: 4 resources found in 4 files - Valid: 1, Invalid: 1, Errors: 1, Skipped: 1');
  });

  it('github: workflow annotations with escaped properties and data', async () => {
    const { stdout } = await run(['-output', 'github', '-strict', seed, page('chapter.mdx')]);
    const annotations = stdout.trim().split('\n');
    expect(annotations).toContain(`::error file=${seed},line=13,col=7,title=k8s-validate schema::unknown field "conatainers": did you mean "containers"? (a required field)`);
    expect(annotations).toContain(`::error file=${page('chapter.mdx')},line=30,col=6,title=k8s-validate schema::unknown field "colour"`);
    expect(annotations.some((a) => a.startsWith(`::warning file=${seed},line=6,col=16,title=k8s-validate statefulset-headless-service::`))).toBe(true);
  });
});

describe('as a process', () => {
  it('reads standard input with - (and with no path), exit codes preserved', () => {
    const text = readFileSync(manifest('invalid-deployment.yaml'), 'utf8');
    const dash = spawnCli(['-summary', '-'], text);
    expect(dash.code).toBe(1);
    expect(dash.stdout).toContain('-:6:13: error[schema]: expected integer, got string "two"');
    expect(dash.stdout).toContain('Summary: 1 resource found parsing stdin - Valid: 0, Invalid: 1, Errors: 0, Skipped: 0');
    const implicit = spawnCli(['-summary'], readFileSync(manifest('valid-deployment.yaml'), 'utf8'));
    expect(implicit.code).toBe(0);
    expect(implicit.stdout).toContain('Summary: 1 resource found parsing stdin - Valid: 1');
  });

  it('an empty stdin is an error, not a silent success', () => {
    const empty = spawnCli(['-']);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain('-:1:1: error[empty-input]: standard input is empty: nothing to validate');
  });

  it('bin/k8s-validate.mjs runs the CLI (also under the system Node, through the project Node)', () => {
    const viaBin = spawnCli(['-summary', manifest('valid-deployment.yaml')], undefined, [`${root}bin/k8s-validate.mjs`]);
    expect(viaBin.code).toBe(0);
    expect(viaBin.stdout).toContain('Summary: 1 resource found in 1 file - Valid: 1');
    const system = spawnSync('node', [`${root}bin/k8s-validate.mjs`, manifest('invalid-deployment.yaml')], { encoding: 'utf8', timeout: 20_000 });
    expect(system.status).toBe(1);
    expect(system.stdout).toContain('expected integer, got string "two"');
  });

  it('uses worker threads with -n on big inputs and gives the same report as one thread', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/k8s-validate-n-`);
    try {
      const valid = readFileSync(manifest('valid-deployment.yaml'), 'utf8');
      const invalid = readFileSync(manifest('invalid-deployment.yaml'), 'utf8');
      // ~2.5 MB over 40 files: above the size where threads are used.
      for (let f = 0; f < 40; f++) writeFileSync(`${dir}/m${String(f).padStart(2, '0')}.yaml`, Array.from({ length: 120 }, (_, i) => (i === 7 && f % 9 === 0 ? invalid : valid)).join('---\n'));
      const one = await run(['-output', 'json', '-verbose', '-summary', '-n', '1', dir]);
      const three = await run(['-output', 'json', '-verbose', '-summary', '-n', '3', dir]);
      expect(three.code).toBe(1);
      expect(three.stdout).toBe(one.stdout);
      expect(JSON.parse(three.stdout).summary).toMatchObject({ valid: 4795, invalid: 5 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
