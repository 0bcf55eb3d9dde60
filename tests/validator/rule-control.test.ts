// Rule control: -disable-rule/-enable-rule (ids and groups), the project config file, opt-outs for one resource
// (annotation, comment) and -fail-on-warning; with the bad inputs each must refuse clearly.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/validator/command.ts';
import { ConfigError, parseConfig } from '../../src/validator/config.ts';
import { layerRuleLists, ruleFilter } from '../../src/validator/rule-control.ts';
import { formatReport, OUTPUT_FORMATS, RuleControlError, validatePaths, validateText } from '../../src/validator/index.ts';
import type { ValidateOptions, ValidationReport } from '../../src/validator/types.ts';

const work = mkdtempSync(join(tmpdir(), 'k8s-validate-rule-control-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
/** A fresh folder holding the given files. */
function makeFolder(files: Record<string, string>): string {
  const dir = join(work, String(folders++));
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs the CLI in-process with `cwd` as its working folder (manifest names are made absolute, as paths are read from the process's). */
async function run(argv: string[], cwd: string) {
  const args = argv.map((arg) => (/^(pod|cm)\.yaml$/.test(arg) ? join(cwd, arg) : arg));
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, stdinIsTTY: true, cwd });
  return { code, stdout, stderr };
}

/** A Pod with no image tag and no resources: two best-practice warnings, nothing else. */
const pod = (name: string, extra = '', image = 'nginx') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${extra}spec:
  containers:
    - name: web
      image: ${image}
`;

const findings = (report: ValidationReport) => report.resources.flatMap((r) => r.diagnostics.map((d) => `${r.name}:${d.line}:${d.col} ${d.severity}[${d.rule}]`));
const check = (text: string, options: ValidateOptions = {}, file = 'pod.yaml') => validateText(text, file, options);

describe('turning rules off and on (library options)', () => {
  it('every rule runs by default', async () => {
    expect(findings(await check(pod('a')))).toEqual(['a:7:7 warning[best-practice-resources]', 'a:8:14 warning[best-practice-image-tag]']);
  });

  it('disables by id, by group, and an id wins over its group, best-practice over all', async () => {
    expect(findings(await check(pod('a'), { disableRules: ['best-practice-image-tag'] }))).toEqual(['a:7:7 warning[best-practice-resources]']);
    expect(findings(await check(pod('a'), { disableRules: ['best-practice'] }))).toEqual([]);
    expect(findings(await check(pod('a'), { disableRules: ['best-practice'], enableRules: ['best-practice-image-tag'] }))).toEqual(['a:8:14 warning[best-practice-image-tag]']);
    expect(findings(await check(pod('a'), { disableRules: ['all'], enableRules: ['best-practice'] }))).toHaveLength(2);
    expect(findings(await check(pod('a'), { disableRules: ['best-practice-resources'], enableRules: ['best-practice'] }))).toEqual(['a:8:14 warning[best-practice-image-tag]']);
    // API-server errors can be turned off too (kube-linter's exclude works for every check).
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers: [{ name: c, image: "busybox:1.36", resources: { requests: { cpu: 1m }, limits: { cpu: 1m } } }]\n';
    expect((await check(job)).ok).toBe(false);
    const off = await check(job, { disableRules: ['job-restart-policy'] });
    expect(off.ok).toBe(true);
    expect(findings(off)).toEqual([]);
  });

  it('an unknown id or a name in both lists rejects before any work, with "did you mean"', async () => {
    await expect(check(pod('a'), { disableRules: ['best-practice-image-tags'] })).rejects.toThrow('unknown rule "best-practice-image-tags" (did you mean "best-practice-image-tag"?)');
    await expect(check(pod('a'), { enableRules: ['job-restart'] })).rejects.toThrow('did you mean "job-restart-policy"?');
    await expect(check(pod('a'), { disableRules: ['schema'] })).rejects.toBeInstanceOf(RuleControlError);
    await expect(check(pod('a'), { disableRules: ['all'], enableRules: ['all'] })).rejects.toThrow('rule "all" is both disabled and enabled');
    const error = await check(pod('a'), { lang: 'ko', disableRules: ['nope-rule'] }).catch((e: RuleControlError) => e);
    expect((error as RuleControlError).messages.ko).toContain('알 수 없는 규칙 "nope-rule"이다');
  });
});

describe('flags over the config file', () => {
  it('a rule named by a flag leaves the file\'s lists and joins the flag\'s', () => {
    expect(layerRuleLists({ disable: ['best-practice', 'job-indexed'], enable: ['best-practice-image-tag'] }, { disable: ['best-practice-image-tag'], enable: ['job-indexed'] }))
      .toEqual({ disable: ['best-practice', 'best-practice-image-tag'], enable: ['job-indexed'] });
    expect(layerRuleLists({ disable: ['all'] }, {})).toEqual({ disable: ['all'], enable: [] });
  });

  it('a configured kubernetesVersion gives way to -kubernetes-versions on the command line', async () => {
    const dir = makeFolder({ '.k8s-validate.yaml': 'kubernetesVersion: "1.33"\n', 'pod.yaml': pod('web', '', 'nginx:1.27') });
    const matrix = await run(['-disable-rule', 'best-practice', '-kubernetes-versions', '1.35-1.36', 'pod.yaml'], dir);
    expect(matrix.stderr).toBe('');
    expect(matrix.code).toBe(0);
    const both = await run(['-kubernetes-version', '1.33', '-kubernetes-versions', '1.35-1.36', 'pod.yaml'], dir);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('cannot be used together');
  });

  it('the most specific name decides', () => {
    const enabled = ruleFilter(['all', 'best-practice-resources'], ['best-practice']);
    expect(['workload-selector', 'best-practice-image-tag', 'best-practice-resources'].map(enabled)).toEqual([false, true, false]);
  });
});

describe('opting one resource out (annotation, comment)', () => {
  it('an annotation names the rule and gives the reason; the finding is kept as ignored, counted, not a problem', async () => {
    const report = await check(pod('a', '  annotations:\n    ignore-rule.k8s-validate.io/best-practice-resources: "sized by the namespace LimitRange"\n'));
    expect(report.ok).toBe(true);
    expect(findings(report)).toEqual(['a:10:14 warning[best-practice-image-tag]']);
    expect(report.summary).toMatchObject({ warnings: 1, ignored: 1, valid: 1 });
    expect(report.resources[0]!.ignored).toEqual([expect.objectContaining({
      file: 'pod.yaml', line: 9, col: 7, severity: 'warning', rule: 'best-practice-resources',
      reason: 'sized by the namespace LimitRange', optOut: { via: 'annotation', line: 6, col: 5 },
    })]);
  });

  it('a comment anywhere in the document applies to its resource; ids may be listed, groups too', async () => {
    const text = [
      '# k8s-validate-ignore best-practice-image-tag -- a demo image, pinned in production',
      pod('a').trimEnd(),
      '---',
      pod('b', '', 'nginx # k8s-validate-ignore best-practice-image-tag, best-practice-resources -- fragment').trimEnd(),
      '---',
      pod('c').trimEnd(),
      '# k8s-validate-ignore best-practice -- every best-practice warning, for this Pod only',
      '---',
      pod('d').trimEnd(),
    ].join('\n') + '\n';
    const report = await check(text);
    expect(findings(report)).toEqual(['a:8:7 warning[best-practice-resources]', 'd:36:7 warning[best-practice-resources]', 'd:37:14 warning[best-practice-image-tag]']);
    expect(report.summary.ignored).toBe(5);
    expect(report.resources[1]!.ignored!.map((d) => [d.rule, d.reason, d.optOut.via, d.optOut.line])).toEqual([
      ['best-practice-resources', 'fragment', 'comment', 18],
      ['best-practice-image-tag', 'fragment', 'comment', 18],
    ]);
  });

  it('in a kind: List, a comment applies to the item it is in, or to every item when above them', async () => {
    const item = (name: string, note = '') => `  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: ${name}\n    spec:\n      containers:\n        - name: web${note}\n          image: nginx:1.27\n`;
    const list = `apiVersion: v1\nkind: List\nitems:\n${item('a')}${item('b', ' # k8s-validate-ignore best-practice-resources -- batch fragment')}`;
    expect(findings(await check(list))).toEqual(['a:10:11 warning[best-practice-resources]']);
    const above = await check(`# k8s-validate-ignore best-practice-resources -- the whole list\n${list}`);
    // Item b's own comment is now redundant: the one above the items silenced its finding first.
    expect(findings(above)).toEqual(['b:19:43 warning[opt-out-unused]']);
    expect(above.summary.ignored).toBe(2);
  });

  it('a "#" inside a block scalar is text, not an opt-out', async () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: script\ndata:\n  run.sh: |\n    # k8s-validate-ignore nothing -- this is shell, not YAML\n    echo hi\n`;
    const report = await check(text);
    expect(report.ok).toBe(true);
    expect(findings(report)).toEqual([]);
  });

  it('works in Markdown fences, with positions in the page', async () => {
    const page = `# Title\n\n\`\`\`yaml\n${pod('a', '', 'nginx # k8s-validate-ignore best-practice-image-tag -- shown as a mistake')}\`\`\`\n`;
    const report = await check(page, {}, 'page.md');
    expect(findings(report)).toEqual(['a:10:7 warning[best-practice-resources]']);
    expect(report.resources[0]!.ignored![0]).toMatchObject({ line: 11, optOut: { via: 'comment', line: 11 } });
  });

  it('opts out of a cross-resource finding (StatefulSet without its headless Service)', async () => {
    const sts = (annotation: string) => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n${annotation}spec:\n  serviceName: db\n  selector: { matchLabels: { app: db } }\n  template:\n    metadata: { labels: { app: db } }\n    spec:\n      containers: [{ name: db, image: "postgres:17", resources: { requests: { cpu: 1m }, limits: { cpu: 1m } } }]\n`;
    const dir = makeFolder({ 'a.yaml': sts(''), 'b.yaml': sts('  annotations:\n    ignore-rule.k8s-validate.io/statefulset-headless-service: "the Service comes from another chart"\n') });
    const report = await validatePaths([join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(report.resources.map((r) => r.diagnostics.map((d) => d.rule))).toEqual([['statefulset-headless-service'], []]);
    expect(report.resources[1]!.ignored!.map((d) => d.rule)).toEqual(['statefulset-headless-service']);
  });

  it('a malformed opt-out is an error at its line: no rule, no reason, unknown rule, unknown form', async () => {
    const text = [
      pod('a', '', 'nginx:1.27 # k8s-validate-ignore -- no rule named').trimEnd(),
      '---',
      pod('b', '', 'nginx:1.27 # k8s-validate-ignore best-practice-resources').trimEnd(),
      '---',
      pod('c', '', 'nginx:1.27 # k8s-validate-ignore best-practice-resource -- typo').trimEnd(),
      '---',
      pod('d', '', 'nginx:1.27 # k8s-validate-ignored best-practice-resources -- wrong word').trimEnd(),
      '---',
      pod('e', '  annotations:\n    ignore-rule.k8s-validate.io/best-practice-resources: ""\n    ignore-rule.k8s-validate.io/job-restart-polcy: "typo"\n    k8s-validate.io/ignore: "best-practice-resources: guessed form"\n', 'nginx:1.27').trimEnd(),
      '---',
      '# k8s-validate-ignore best-practice-resources -- in a comment-only document',
    ].join('\n') + '\n';
    const report = await check(text);
    expect(report.ok).toBe(false);
    const problems = [...report.fileDiagnostics, ...report.resources.flatMap((r) => r.diagnostics)].filter((d) => d.rule === 'opt-out').map((d) => `${d.line}:${d.col} ${d.message}`);
    expect(problems).toEqual([
      '50:1 this opt-out comment is in no resource (it applies to the resource of the YAML document it is written in)',
      '8:25 this opt-out names no rule; write "# k8s-validate-ignore <rule-id> -- <reason>"',
      '17:25 the opt-out of rule "best-practice-resources" gives no reason; write "# k8s-validate-ignore <rule-id> -- <reason>"',
      '26:47 unknown rule "best-practice-resource" (did you mean "best-practice-resources"?); -list-rules lists the rule ids and groups',
      '35:27 unknown directive "k8s-validate-ignored"; an opt-out comment is written "# k8s-validate-ignore <rule-id> -- <reason>"',
      '42:58 the opt-out of rule "best-practice-resources" gives no reason; write "ignore-rule.k8s-validate.io/<rule-id>: <reason>"',
      '43:5 unknown rule "job-restart-polcy" (did you mean "job-restart-policy"?); -list-rules lists the rule ids and groups',
      '44:5 unknown k8s-validate annotation "k8s-validate.io/ignore"; an opt-out is written "ignore-rule.k8s-validate.io/<rule-id>: <reason>"',
    ]);
    expect(report.resources.map((r) => r.status)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    // The badly written opt-outs silence nothing.
    expect(report.summary.ignored).toBe(0);
    const ko = await check(text, { lang: 'ko' });
    expect(ko.resources[0]!.diagnostics.find((d) => d.rule === 'opt-out')!.message).toBe('규칙 제외에 규칙 id가 없다. "# k8s-validate-ignore <rule-id> -- <reason>" 형식으로 쓴다');
  });

  it('an opt-out that silences nothing is a warning at the opt-out (unless its rule is off, or compares resources)', async () => {
    const text = [
      '# k8s-validate-ignore job-restart-policy -- this is not even a Job',
      pod('a', '  annotations:\n    ignore-rule.k8s-validate.io/best-practice-image-tag: "stale: the image is pinned now"\n    ignore-rule.k8s-validate.io/statefulset-headless-service: "judged only in the run-wide pass"\n', 'nginx:1.27 # k8s-validate-ignore best-practice-resources -- used').trimEnd(),
    ].join('\n') + '\n';
    const report = await check(text);
    expect(report.ok).toBe(true);
    expect(report.resources[0]!.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity}[${d.rule}] ${d.message}`)).toEqual([
      '1:23 warning[opt-out-unused] rule "job-restart-policy" reports nothing in this resource, so this opt-out silences nothing; remove it',
      '7:5 warning[opt-out-unused] rule "best-practice-image-tag" reports nothing in this resource, so this opt-out silences nothing; remove it',
    ]);
    expect(report.summary.ignored).toBe(1);
    expect((await check(text, { disableRules: ['job-restart-policy', 'best-practice-image-tag'] })).resources[0]!.diagnostics).toEqual([]);
    expect((await check(text, { failOnWarning: true })).ok).toBe(false);
  });

  it('a word that only mentions the tool in a comment is left alone', async () => {
    expect((await check(`# checked with k8s-validate on every build\n${pod('a', '', 'nginx:1.27')}`)).ok).toBe(true);
  });
});

describe('-fail-on-warning (failOnWarning)', () => {
  it('a warning makes its resource invalid, so every output format and the exit code agree', async () => {
    const report = await check(pod('a', '', 'nginx:1.27'), { failOnWarning: true });
    expect(report.ok).toBe(false);
    expect(report.summary).toMatchObject({ valid: 0, invalid: 1, warnings: 1 });
    expect(formatReport(report, 'tap')).toContain('not ok 1 - pod.yaml (Pod a): Container "web" sets no resources');
    expect(formatReport(report, 'junit')).toContain('<failure message="Container &quot;web&quot; sets no resources');
    const json = JSON.parse(formatReport(report, 'json'));
    expect(json.resources[0]).toMatchObject({ status: 'statusInvalid', validationErrors: [{ msg: expect.stringContaining('sets no resources') }] });
    expect(formatReport(report, 'pretty')).toContain('\u2716');
    expect(formatReport(report, 'github')).toContain('::warning file=pod.yaml,line=7,col=7');
    // An opted-out warning does not fail the run.
    const optedOut = await check(pod('a', '  annotations:\n    ignore-rule.k8s-validate.io/best-practice-resources: "demo"\n', 'nginx:1.27'), { failOnWarning: true });
    expect(optedOut.ok).toBe(true);
  });
});

describe('the project config file', () => {
  it('reads every setting, in the library option names', () => {
    const text = 'disableRules: [best-practice]\nenableRules:\n  - best-practice-image-tag\nfailOnWarning: true\nstrict: true\nkubernetesVersion: "1.36"\nskip: [ConfigMap]\nreject: [v1/Secret]\nignoreMissingSchemas: false\nschemaLocations: [default]\nignoreFilenamePatterns: ["^vendor/"]\n';
    expect(parseConfig(text, '.k8s-validate.yaml')).toEqual({
      disableRules: ['best-practice'], enableRules: ['best-practice-image-tag'], failOnWarning: true, strict: true, kubernetesVersion: '1.36',
      skip: ['ConfigMap'], reject: ['v1/Secret'], ignoreMissingSchemas: false, schemaLocations: ['default'], ignoreFilenamePatterns: ['^vendor/'],
    });
    expect(parseConfig('', '.k8s-validate.yaml')).toEqual({});
    expect(parseConfig('# nothing set yet\n', '.k8s-validate.yaml')).toEqual({});
  });

  const bad = (text: string) => {
    try {
      parseConfig(text, '.k8s-validate.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message;
    }
    throw new Error('no error');
  };

  it('a malformed file, an unknown key, a wrong type or an unknown rule is an error at file:line:col', () => {
    expect(bad('strict: true\ndisableRules: [best-practice\n')).toMatch(/^\.k8s-validate\.yaml:3:1: YAML syntax error: /);
    expect(bad('strict: true\nstrict: false\n')).toBe('.k8s-validate.yaml:2:1: duplicate key');
    expect(bad('strict: true\nfailOnWarnings: true\n')).toBe('.k8s-validate.yaml:2:1: unknown setting "failOnWarnings" (did you mean "failOnWarning"?); known settings: disableRules, enableRules, failOnWarning, strict, kubernetesVersion, skip, reject, ignoreMissingSchemas, schemaLocations, ignoreFilenamePatterns');
    expect(bad('rules:\n  disable: [x]\n')).toMatch(/^\.k8s-validate\.yaml:1:1: unknown setting "rules"/);
    expect(bad('strict: yes\n')).toBe('.k8s-validate.yaml:1:9: "strict" must be a boolean');
    expect(bad('disableRules: best-practice\n')).toBe('.k8s-validate.yaml:1:15: "disableRules" must be a list of strings');
    expect(bad('kubernetesVersion: 1.30\n')).toBe('.k8s-validate.yaml:1:20: "kubernetesVersion" must be a string: quote it ("1.30"), as unquoted YAML reads 1.30 as the number 1.3');
    expect(bad('kubernetesVersion: [1]\n')).toBe('.k8s-validate.yaml:1:20: "kubernetesVersion" must be a string');
    expect(bad('disableRules:\n  - best-practice-resources\n  - best-practise-image-tag\n')).toBe('.k8s-validate.yaml:3:5: unknown rule "best-practise-image-tag" (did you mean "best-practice-image-tag"?); -list-rules lists the rule ids and groups');
    expect(bad('ignoreFilenamePatterns: ["("]\n')).toMatch(/^\.k8s-validate\.yaml:1:26: not a valid regular expression: /);
    expect(bad('- strict\n')).toBe('.k8s-validate.yaml:1:1: the config file must be a YAML mapping of settings');
  });
});

describe('the command line', () => {
  it('-h lists the rule-control flags', async () => {
    const { stdout } = await run(['-h'], work);
    for (const flag of ['-config file', '-disable-rule ids', '-enable-rule ids', '-fail-on-warning']) expect(stdout).toContain(`  ${flag}\n`);
  });

  it('-disable-rule and -enable-rule are repeatable and comma-separated', async () => {
    const dir = makeFolder({ 'pod.yaml': pod('a') });
    expect((await run(['pod.yaml'], dir)).stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect((await run(['-disable-rule', 'best-practice-image-tag,best-practice-resources', join(dir, 'pod.yaml')], dir)).stdout).toBe('');
    expect((await run(['-disable-rule=best-practice-image-tag', '-disable-rule', 'best-practice-resources', join(dir, 'pod.yaml')], dir)).stdout).toBe('');
    expect((await run(['-disable-rule', 'all', '-enable-rule', 'best-practice-image-tag', join(dir, 'pod.yaml')], dir)).stdout).toMatch(/^\S+pod\.yaml:8:14: warning\[best-practice-image-tag\]/);
  });

  it('an unknown id in a flag: a clear error with "did you mean", exit 1, nothing validated', async () => {
    const dir = makeFolder({ 'pod.yaml': pod('a') });
    const result = await run(['-disable-rule', 'best-practice-resources,best-practise-image-tag', 'pod.yaml'], dir);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'k8s-validate: -disable-rule: unknown rule "best-practise-image-tag" (did you mean "best-practice-image-tag"?); -list-rules lists the rule ids and groups\n' });
    expect((await run(['-enable-rule', 'nope', 'pod.yaml'], dir)).stderr).toContain('-enable-rule: unknown rule "nope"');
    expect((await run(['-lang', 'ko', '-enable-rule', 'nope', 'pod.yaml'], dir)).stderr).toContain('-enable-rule: 알 수 없는 규칙 "nope"이다');
    expect(await run(['-disable-rule', 'best-practice', '-enable-rule', 'best-practice', 'pod.yaml'], dir)).toMatchObject({ code: 1, stderr: 'k8s-validate: rule "best-practice" is both disabled and enabled; name it in only one list\n' });
  });

  it('reads .k8s-validate.yaml from the working folder; flags override it', async () => {
    const dir = makeFolder({ 'pod.yaml': pod('a', '', 'nginx:1.27'), '.k8s-validate.yaml': 'failOnWarning: true\ndisableRules: [best-practice-image-tag]\n' });
    expect(await run(['pod.yaml'], dir)).toMatchObject({ code: 1, stdout: expect.stringContaining('warning[best-practice-resources]') });
    expect((await run(['-fail-on-warning=false', 'pod.yaml'], dir)).code).toBe(0);
    expect(await run(['-disable-rule', 'best-practice-resources', 'pod.yaml'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    // -enable-rule undoes the file's disableRules for that rule.
    const tagless = makeFolder({ 'pod.yaml': pod('a'), '.k8s-validate.yml': 'disableRules: [best-practice-image-tag]\n' });
    expect((await run(['pod.yaml'], tagless)).stdout).not.toContain('best-practice-image-tag');
    expect((await run(['-enable-rule', 'best-practice-image-tag', 'pod.yaml'], tagless)).stdout).toContain('warning[best-practice-image-tag]');
    // -list-rules shows what the file and flags turn off.
    const listed = (await run(['-list-rules'], tagless)).stdout;
    expect(listed).toMatch(/^best-practice-image-tag +warning +\(off\) /m);
    expect(listed).toMatch(/^best-practice-resources +warning +Best practice/m);
    expect(listed).toMatch(/^best-practice +group +the best-practice-\* warnings$/m);
  });

  it('config defaults for kubeconform flags: strict, skip', async () => {
    const extra = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labelz: {}\n';
    const dir = makeFolder({ 'cm.yaml': extra, '.k8s-validate.yaml': 'strict: true\n' });
    expect((await run(['cm.yaml'], dir)).stdout).toContain('unknown field "labelz"');
    expect((await run(['-strict=false', 'cm.yaml'], dir)).code).toBe(0);
    const skipping = makeFolder({ 'cm.yaml': extra, '.k8s-validate.yaml': 'strict: true\nskip: [ConfigMap]\n' });
    expect(await run(['cm.yaml'], skipping)).toMatchObject({ code: 0, stdout: '' });
  });

  it('a malformed or unknown-key config file: file:line:col, exit 1, nothing validated', async () => {
    const dir = makeFolder({ 'pod.yaml': pod('a'), '.k8s-validate.yaml': 'strict: true\ndisabelRules: [best-practice]\n' });
    expect(await run(['pod.yaml'], dir)).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^k8s-validate: \.k8s-validate\.yaml:2:1: unknown setting "disabelRules" \(did you mean "disableRules"\?\)/) });
    const ko = await run(['-lang', 'ko', 'pod.yaml'], dir);
    expect(ko.stderr).toMatch(/^k8s-validate: \.k8s-validate\.yaml:2:1: 알 수 없는 설정 "disabelRules"이다\("disableRules"의 오타로 보인다\)/);
    const broken = makeFolder({ 'pod.yaml': pod('a'), '.k8s-validate.yaml': 'strict: [true\n' });
    expect(await run(['pod.yaml'], broken)).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^k8s-validate: \.k8s-validate\.yaml:\d+:\d+: YAML syntax error: /) });
    const both = makeFolder({ 'pod.yaml': pod('a'), '.k8s-validate.yaml': '', '.k8s-validate.yml': '' });
    expect(await run(['pod.yaml'], both)).toMatchObject({ code: 1, stderr: 'k8s-validate: .k8s-validate.yml:1:1: both .k8s-validate.yaml and .k8s-validate.yml exist; keep one\n' });
  });

  it('-fail-on-warning with -exit-on-error stops after the first file whose warnings fail it', async () => {
    const dir = makeFolder({ 'a.yaml': pod('a', '', 'nginx:1.27'), 'b.yaml': pod('b', '', 'nginx:1.27') });
    const { code, stdout } = await run(['-fail-on-warning', '-exit-on-error', '-summary', join(dir, 'a.yaml'), join(dir, 'b.yaml')], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('Summary: 1 resource found in 1 file - Valid: 0, Invalid: 1,');
  });

  it('-config names another file; a missing one is an error', async () => {
    const dir = makeFolder({ 'pod.yaml': pod('a'), 'ci.yaml': 'disableRules: [best-practice]\n', '.k8s-validate.yaml': 'failOnWarning: true\n' });
    expect(await run(['-config', 'ci.yaml', 'pod.yaml'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await run(['-config', 'missing.yaml', 'pod.yaml'], dir)).toMatchObject({ code: 1, stderr: 'k8s-validate: cannot read config file missing.yaml: ENOENT\n' });
  });

  it('opted-out findings: counted in the summary; listed with -verbose in every format', async () => {
    const text = pod('a', '  annotations:\n    ignore-rule.k8s-validate.io/best-practice-resources: "sized by the LimitRange"\n', 'nginx:1.27');
    const dir = makeFolder({ 'pod.yaml': text });
    const quiet = await run(['-summary', 'pod.yaml'], dir);
    expect(quiet).toEqual({ code: 0, stdout: 'Summary: 1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0, Ignored: 1\n', stderr: '' });
    const verbose = await run(['-summary', '-verbose', 'pod.yaml'], dir);
    expect(verbose.stdout).toContain('pod.yaml:9:7: ignored warning[best-practice-resources]: Container "web" sets no resources');
    expect(verbose.stdout).toContain(`(opted out: sized by the LimitRange; annotation ${join(dir, 'pod.yaml')}:6:5)`);
    expect((await run(['-summary', '-lang', 'ko', 'pod.yaml'], dir)).stdout).toContain('규칙 제외: 1');
    for (const output of OUTPUT_FORMATS) {
      const { code, stdout } = await run(['-verbose', '-summary', '-output', output, 'pod.yaml'], dir);
      expect(code, output).toBe(0);
      expect(stdout, output).toContain('sized by the LimitRange');
    }
    const json = JSON.parse((await run(['-verbose', '-summary', '-output', 'json', 'pod.yaml'], dir)).stdout);
    expect(json.summary.ignored).toBe(1);
    expect(json.resources[0].ignored[0]).toMatchObject({ rule: 'best-practice-resources', reason: 'sized by the LimitRange', optOut: { via: 'annotation', line: 6, col: 5 } });
    expect((await run(['-verbose', '-output', 'github', 'pod.yaml'], dir)).stdout).toContain(`::notice file=${join(dir, 'pod.yaml')},line=9,col=7,title=k8s-validate best-practice-resources (ignored)::`);
    // Without -verbose the text, json, pretty and github outputs do not list them.
    for (const output of ['text', 'json', 'pretty', 'github']) expect((await run(['-output', output, 'pod.yaml'], dir)).stdout, output).not.toContain('sized by the LimitRange');
  });
});
