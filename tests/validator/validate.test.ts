// The library API end to end on fixtures: statuses, messages and exact positions.
import { describe, expect, it } from 'vitest';
import { validatePaths, validateText, UnsupportedKubernetesVersionError } from '../../src/validator/index.ts';
import { crdSchemas, lines, manifest, page, seed, statuses } from './helpers.ts';

describe("the study notes' broken StatefulSet (src/mistakes/stateful-service-notes.yaml)", () => {
  it('reports every mistake at its exact line and column', async () => {
    const report = await validatePaths([seed], { strict: true });
    expect(report.ok).toBe(false);
    expect(report.resources).toHaveLength(1);
    const [resource] = report.resources;
    expect(resource).toMatchObject({ kind: 'StatefulSet', name: 'rg', apiVersion: 'apps/v1', status: 'invalid', line: 1, col: 1 });
    expect(lines(resource)).toEqual([
      // serviceName names a Service that is not in the file: the Pods would get no DNS names (a warning:
      // the API server accepts it). Points at the value `random-generator` (line 6, column 16).
      '6:16 warning[statefulset-headless-service] No Service named "random-generator" in namespace "default" is among the validated resources. A headless Service (clusterIP: None) of that name governs the Pods\' DNS names; without it they get none.',
      // The template has no labels, so spec.selector (app: random-generator) cannot match it: the API server
      // rejects the StatefulSet. Points at the `template` key (line 11, column 3).
      '11:3 error[workload-selector] spec.selector does not match the pod template labels (the template has no labels); the API server rejects the StatefulSet.',
      // `conatainers` is a typo for `containers`, the PodSpec's one required field: unknown field at its key.
      '13:7 error[schema] unknown field "conatainers": did you mean "containers"? (a required field)',
      // The misspelt block is still checked as `containers`: `name:` is empty but a container name is a
      // required string (`image:` is empty too, but image is optional, so null is accepted).
      '15:9 error[schema] "name" has no value: expected string',
      // volumeMounts[0].name is empty: a required string.
      '17:11 error[schema] "name" has no value: expected string',
      // volumeMounts[0].mountPath is empty (only a trailing space): a required string.
      '18:11 error[schema] "mountPath" has no value: expected string',
    ]);
    expect(resource.diagnostics.map((d) => d.path)).toEqual([
      '/spec/serviceName',
      '/spec/template',
      '/spec/template/spec/conatainers',
      '/spec/template/spec/conatainers/0/name',
      '/spec/template/spec/conatainers/0/volumeMounts/0/name',
      '/spec/template/spec/conatainers/0/volumeMounts/0/mountPath',
    ]);
  });

  it('without -strict the typo is not reported, so the missing containers field is', async () => {
    const report = await validatePaths([seed], { strict: false, rules: false });
    expect(lines(report.resources[0])).toEqual(['12:5 error[schema] missing required field "containers"']);
  });

  it('speaks Korean in plain form, field names untranslated', async () => {
    const report = await validatePaths([seed], { strict: true, lang: 'ko' });
    const messages = report.resources[0].diagnostics.map((d) => d.message);
    expect(messages).toContain('"conatainers" 필드는 스키마에 없다: "containers"의 오타로 보인다(필수 필드다)');
    expect(messages).toContain('"name" 값이 비어 있다: string 타입이어야 한다');
    // Plain form: every sentence ends in -다 (possibly before a closing bracket or full stop).
    for (const m of messages) expect(m).toMatch(/다[.)]*$/);
  });
});

describe('statuses like kubeconform', () => {
  it('valid Deployment', async () => {
    const report = await validatePaths([manifest('valid-deployment.yaml')]);
    expect(statuses(report)).toEqual(['Deployment/web:valid']);
    expect(report.ok).toBe(true);
    expect(report.resources[0].diagnostics).toEqual([]);
  });

  it('invalid Deployment: wrong type, enum with a suggestion (the API rule on the same value is not said twice)', async () => {
    const report = await validatePaths([manifest('invalid-deployment.yaml')]);
    expect(statuses(report)).toEqual(['Deployment/web:invalid']);
    expect(lines(report.resources[0])).toEqual([
      '6:13 error[schema] expected integer, got string "two"',
      '15:22 error[schema] must be one of "Always", "Never", "OnFailure"; got "always" (did you mean "Always"?)',
    ]);
  });

  it('multi-document file: empty and comment-only documents are not counted', async () => {
    const report = await validatePaths([manifest('multi-document.yaml')]);
    expect(statuses(report)).toEqual(['Service/web:valid', 'ConfigMap/settings:valid']);
    expect(report.resources.map((r) => [r.line, r.col])).toEqual([[2, 1], [13, 1]]);
    expect(report.summary).toMatchObject({ valid: 2, invalid: 0, errors: 0, skipped: 0, files: 1 });
  });

  it('kind: List is split into its items, each validated on its own', async () => {
    const report = await validatePaths([manifest('list.yaml')]);
    expect(statuses(report)).toEqual(['ConfigMap/first:valid', 'ConfigMap/second:invalid']);
    expect(report.resources.map((r) => [r.line, r.col])).toEqual([[4, 3], [10, 3]]);
    expect(lines(report.resources[1])).toEqual(['15:8 error[schema] expected string, got integer 2']);
  });

  it('List items need their own apiVersion and kind (as in kubeconform); null items are not counted', async () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- kind: ConfigMap\n  metadata:\n    name: a\n-\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n';
    const report = await validateText(text, 'list.yaml');
    expect(statuses(report)).toEqual(['ConfigMap/a:error', 'ConfigMap/b:valid']);
    expect(lines(report.resources[0])).toEqual(["4:3 error[missing-apiversion] missing 'apiVersion' key"]);
  });

  it('blank and comment-only files hold no resource', async () => {
    const report = await validatePaths([manifest('blank.yaml'), manifest('comment-only.yaml')]);
    expect(report.resources).toEqual([]);
    expect(report.summary.files).toBe(2);
    expect(report.ok).toBe(true);
  });

  it('missing kind, missing apiVersion and an empty kind are errors', async () => {
    const report = await validatePaths([manifest('missing-kind.yaml'), manifest('missing-api-version.yaml'), manifest('empty-kind.yaml')]);
    expect(report.resources.map((r) => r.status)).toEqual(['error', 'error', 'error']);
    expect(report.resources.map((r) => lines(r)[0])).toEqual([
      "1:1 error[missing-kind] missing 'kind' key",
      "1:1 error[missing-apiversion] missing 'apiVersion' key",
      "2:1 error[missing-kind] 'kind' has no value",
    ]);
    expect(report.summary.errors).toBe(3);
  });

  it('a kind without a schema is an error, skipped with ignoreMissingSchemas', async () => {
    const missing = await validatePaths([manifest('crd-crontab.yaml')]);
    expect(statuses(missing)).toEqual(['CronTab/my-crontab:error']);
    expect(lines(missing.resources[0])).toEqual(['2:1 error[missing-schema] could not find schema for CronTab (stable.example.com/v1)']);
    const ignored = await validatePaths([manifest('crd-crontab.yaml')], { ignoreMissingSchemas: true });
    expect(statuses(ignored)).toEqual(['CronTab/my-crontab:skipped']);
    expect(ignored.ok).toBe(true);
  });

  it('a CRD is checked against a schema found through a schema location', async () => {
    const report = await validatePaths([manifest('crd-crontab.yaml'), manifest('crd-crontab-invalid.yaml')], {
      schemaLocations: ['default', crdSchemas],
    });
    expect(statuses(report)).toEqual(['CronTab/my-crontab:valid', 'CronTab/bad-crontab:invalid']);
    expect(lines(report.resources[1])).toEqual(['6:13 error[schema] expected string, got integer 5']);
  });

  it("anyOf/oneOf failures become one clear message each (a CRD schema using them)", async () => {
    const report = await validatePaths([manifest('crd-widget.yaml')], { schemaLocations: ['default', crdSchemas] });
    expect(lines(report.resources[0])).toEqual([
      // anyOf [integer, string]: one message naming both types instead of two type errors and an anyOf error.
      '6:9 error[schema] expected integer or string, got boolean true',
      // oneOf of two object forms: the form whose shape fits ({name}) says what is wrong inside it.
      '8:11 error[schema] expected string, got integer 5',
      '9:9 error[schema] must be one of "fast", "safe"; got "Fast" (did you mean "fast"?)',
    ]);
  });

  it('JSON files are read as YAML (tab-indented JSON too), with positions', async () => {
    const report = await validatePaths([manifest('configmap.json')]);
    expect(statuses(report)).toEqual(['ConfigMap/from-json:invalid']);
    expect(lines(report.resources[0])).toEqual(['8:8 error[schema] expected string, got integer 1']);
  });

  it('an extra property fails with strict, passes without', async () => {
    const strict = await validatePaths([manifest('extra-property.yaml')], { strict: true });
    expect(lines(strict.resources[0])).toEqual(['5:3 error[schema] unknown field "colour"']);
    const loose = await validatePaths([manifest('extra-property.yaml')], { strict: false });
    expect(statuses(loose)).toEqual(['ConfigMap/extra:valid']);
  });

  it('duplicate keys are errors, at the second key', async () => {
    const report = await validatePaths([manifest('duplicate-keys.yaml')]);
    expect(report.resources.map((r) => r.status)).toEqual(['error']);
    expect(lines(report.resources[0])).toEqual(['7:3 error[yaml-duplicate-key] duplicate key "a"']);
  });

  it('int-or-string accepts numbers and names, and says so in one message otherwise', async () => {
    const report = await validatePaths([manifest('int-or-string.yaml')], { rules: false });
    expect(statuses(report)).toEqual(['Service/ports:valid', 'Service/bad-port:invalid']);
    expect(lines(report.resources[1])).toEqual(['25:17 error[schema] expected integer or string, got boolean true']);
  });

  it('quantities may be strings or numbers; a word is not a quantity', async () => {
    const report = await validatePaths([manifest('quantities.yaml')], { rules: false });
    expect(statuses(report)).toEqual(['Pod/quantities:valid', 'Pod/bad-quantity:invalid']);
    expect(lines(report.resources[1])).toEqual(['27:17 error[schema] "lots" is not a Kubernetes quantity (like 500m, 1.5, 64Mi or 2Gi)']);
  });

  it('optional fields accept null (arrays, strings, maps)', async () => {
    const report = await validatePaths([manifest('nulls.yaml')], { rules: false });
    expect(statuses(report)).toEqual(['Pod/nulls:valid']);
  });

  it('generateName stands in for a name, shown as kubeconform shows it', async () => {
    const report = await validatePaths([manifest('generate-name.yaml')], { rules: false });
    expect(statuses(report)).toEqual(['Job/migrate-{{ generateName }}:valid']);
  });

  it('reads YAML like go-yaml v2: `yes` is a boolean, so a ConfigMap value `yes` is not a string', async () => {
    const report = await validatePaths([manifest('go-yaml-scalars.yaml')]);
    expect(lines(report.resources[0])).toEqual(['6:12 error[schema] expected string, got boolean true']);
  });

  it('skips and rejects by kind and by group/version/kind', async () => {
    const files = [manifest('multi-document.yaml')];
    expect(statuses(await validatePaths(files, { skip: ['ConfigMap'] }))).toEqual(['Service/web:valid', 'ConfigMap/settings:skipped']);
    expect(statuses(await validatePaths(files, { skip: ['v1/Service'] }))).toEqual(['Service/web:skipped', 'ConfigMap/settings:valid']);
    expect(statuses(await validatePaths(files, { skip: ['apps/v1/Service'] }))).toEqual(['Service/web:valid', 'ConfigMap/settings:valid']);
    const rejected = await validatePaths(files, { reject: ['v1/ConfigMap'] });
    expect(statuses(rejected)).toEqual(['Service/web:valid', 'ConfigMap/settings:error']);
    expect(lines(rejected.resources[1])).toEqual(['14:1 error[rejected-kind] prohibited resource kind ConfigMap']);
    expect(statuses(await validatePaths(files, { reject: ['Service'] }))[0]).toBe('Service/web:error');
  });

  it('refuses a Kubernetes version it does not bundle, before any work', async () => {
    await expect(validatePaths([seed], { kubernetesVersion: '1.20' })).rejects.toBeInstanceOf(UnsupportedKubernetesVersionError);
    const ok = await validatePaths([manifest('valid-deployment.yaml')], { kubernetesVersion: '1.36' });
    expect(ok.kubernetesVersion).toBe('1.36');
  });

  it('a removed API version names its replacement', async () => {
    const report = await validateText('apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: old\n', 'old.yaml');
    expect(report.resources[0].status).toBe('invalid');
    expect(report.resources[0].diagnostics[0]).toMatchObject({ rule: 'removed-api', line: 1, col: 1 });
    expect(report.resources[0].diagnostics[0].message).toMatch(/batch\/v1beta1 CronJob was removed in Kubernetes 1\.\d+; use batch\/v1/);
  });

  it('positions follow escaped paths (~1 for "/") and aliases', async () => {
    const escaped = await validateText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    app.kubernetes.io/name: 5\n', 'cm.yaml', { rules: false });
    expect(escaped.resources[0].diagnostics.map((d) => [d.line, d.col, d.path])).toEqual([[6, 29, '/metadata/labels/app.kubernetes.io~1name']]);
    const aliased = await validateText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: &l\n    tier: 1\n  annotations: *l\n', 'cm.yaml', { rules: false });
    // Both errors (labels.tier and annotations.tier, through the alias) sit on the anchored node: reported once.
    expect(lines(aliased.resources[0])).toEqual(['6:11 error[schema] expected string, got integer 1']);
  });

  it('a misspelt block is checked against the suggested field: errors inside it are reported too', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: busybox\n    resoures:\n      limits:\n        memory: plenty\n';
    const report = await validateText(text, 'pod.yaml', { rules: false });
    expect(lines(report.resources[0])).toEqual([
      '9:5 error[schema] unknown field "resoures": did you mean "resources"?',
      '11:17 error[schema] "plenty" is not a Kubernetes quantity (like 500m, 1.5, 64Mi or 2Gi)',
    ]);
  });
});

describe('cross-resource rules look at the whole run', () => {
  const statefulSet = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: postgres:17\n        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n          limits: {memory: 128Mi}\n';
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector: {app: db}\n  ports:\n  - port: 5432\n';

  it('a StatefulSet and its headless Service in two files: no warning; the StatefulSet alone: a warning at serviceName', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/k8s-validate-cross-`);
    try {
      writeFileSync(`${dir}/a-statefulset.yaml`, statefulSet);
      writeFileSync(`${dir}/b-service.yaml`, service);
      const together = await validatePaths([dir]);
      expect(together.resources.flatMap((r) => r.diagnostics)).toEqual([]);
      const alone = await validatePaths([`${dir}/a-statefulset.yaml`]);
      expect(lines(alone.resources[0])).toEqual([expect.stringMatching(/^6:16 warning\[statefulset-headless-service\] No Service named "db"/)]);
      // The same through worker threads (big enough input), where the finding is located by reading the file again.
      writeFileSync(`${dir}/c-padding.yaml`, Array.from({ length: 4000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: "${'v'.repeat(500)}"\n`).join('---\n'));
      writeFileSync(`${dir}/d-statefulset.yaml`, statefulSet.replaceAll('db', 'other'));
      const threaded = await validatePaths([dir], { workers: 2 });
      const single = await validatePaths([dir], { workers: 1 });
      expect(threaded.resources.flatMap((r) => r.diagnostics.map((d) => `${d.file.slice(dir.length)}:${d.line}:${d.col} ${d.rule}`))).toEqual(['/d-statefulset.yaml:6:16 statefulset-headless-service']);
      expect(JSON.stringify(threaded)).toBe(JSON.stringify(single));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Markdown and MDX pages', () => {
  it('validates every yaml/yml fence with positions in the page and counts opt-outs', async () => {
    const report = await validatePaths([page('chapter.mdx')], { strict: true });
    expect(statuses(report)).toEqual(['ConfigMap/plain:valid', 'ConfigMap/in-a-list:invalid', 'Job/in-a-tab:valid']);
    expect(report.resources.map((r) => [r.line, r.col])).toEqual([[15, 1], [26, 4], [36, 5]]);
    // Line 30 of the page is `     colour: blue`, inside a fence indented by 3 in a list item.
    expect(lines(report.resources[1])).toEqual(['30:6 error[schema] unknown field "colour"']);
    expect(report.summary.optedOut).toBe(1);
    expect(report.summary.files).toBe(1);
  });

  it('validateText decides Markdown vs YAML by the file name', async () => {
    const text = '# Title\n\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: 1\n```\n';
    const asPage = await validateText(text, 'page.md');
    expect(lines(asPage.resources[0])).toEqual(['9:6 error[schema] expected string, got integer 1']);
    const asYaml = await validateText(text, 'page.yaml');
    expect(asYaml.resources[0].status).toBe('error');
  });

  it('keeps positions right with CRLF line endings', async () => {
    const text = '# Title\r\n\r\n```yaml\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: x\r\ndata:\r\n  a: 1\r\n```\r\n';
    const report = await validateText(text, 'page.mdx');
    expect(lines(report.resources[0])).toEqual(['9:6 error[schema] expected string, got integer 1']);
  });
});
