// What trying the validator on real projects' manifests found (issue 10): typed Lists, built-in groups,
// undefined aliases, false positives and duplicate reports.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePaths, validateText } from '../../src/validator/index.ts';
import { customResourceSchemas, jsPattern } from '../../src/validator/registry/crd.ts';
import { parseDocuments } from '../../src/validator/parse.ts';
import { fixtures, lines, statuses } from './helpers.ts';

const ROLE = (name: string, extra = '') =>
  `- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata:\n    name: ${name}\n    namespace: monitoring\n  rules:\n  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get"]\n${extra}`;

describe('typed Lists (kind: <Kind>List)', () => {
  it('a RoleList is split into its items, each validated with every rule at its own line; the list needs no name', async () => {
    // As kube-prometheus ships them: apiVersion and kind on the list, items, no metadata.
    const text = `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleList\nitems:\n${ROLE('prometheus-k8s-config')}${ROLE('bad', '    colour: blue\n')}`;
    const report = await validateText(text, 'roles.yaml');
    expect(statuses(report)).toEqual(['Role/prometheus-k8s-config:valid', 'Role/bad:invalid']);
    expect(report.resources.map((r) => r.line)).toEqual([4, 13]);
    expect(lines(report.resources[1])).toEqual(['22:5 error[schema] unknown field "colour"']);
  });

  it('rules run on the items (a ConfigMapList item with a bad name)', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMapList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: Not_Valid\n';
    const report = await validateText(text, 'cms.yaml');
    expect(report.resources).toHaveLength(1);
    expect(lines(report.resources[0])[0]).toMatch(/^7:11 error\[metadata-name\] /);
  });

  it('an item with neither apiVersion nor kind takes them from the typed list, as apimachinery decodes it', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMapList\nitems:\n- metadata:\n    name: a\n  data:\n    k: 1\n';
    const report = await validateText(text, 'cms.yaml');
    expect(statuses(report)).toEqual(['ConfigMap/a:invalid']);
    expect(lines(report.resources[0])).toEqual(['7:8 error[schema] expected string, got integer 1']);
  });
});

describe('built-in API groups cannot hold custom resources', () => {
  it('policy/v1 PodSecurityPolicy and admissionregistration.k8s.io/v1alpha1 InitializerConfiguration are unknown to the version, even with ignoreMissingSchemas', async () => {
    const text = 'apiVersion: policy/v1\nkind: PodSecurityPolicy\nmetadata:\n  name: x\n---\napiVersion: admissionregistration.k8s.io/v1alpha1\nkind: InitializerConfiguration\nmetadata:\n  name: init\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: z\n';
    const report = await validateText(text, 'old.yaml', { ignoreMissingSchemas: true });
    expect(statuses(report)).toEqual(['PodSecurityPolicy/x:invalid', 'InitializerConfiguration/init:invalid', 'ServiceMonitor/z:skipped']);
    expect(lines(report.resources[0])).toEqual([
      '1:1 error[unknown-api] Kubernetes 1.36 has no PodSecurityPolicy in policy/v1: the group "policy" is built into the API server, so it cannot hold custom resources',
    ]);
    const ko = await validateText(text, 'old.yaml', { lang: 'ko' });
    expect(lines(ko.resources[1])).toEqual([
      '6:1 error[unknown-api] 쿠버네티스 1.36의 admissionregistration.k8s.io/v1alpha1에는 InitializerConfiguration 종류가 없다: API 서버에 내장된 그룹 "admissionregistration.k8s.io"에는 커스텀 리소스를 둘 수 없다',
    ]);
  });
});

describe('undefined aliases', () => {
  it('an alias naming no anchor is reported at the alias, in English and Korean', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: *nope\n';
    const en = await validateText(text, 'a.yaml');
    expect(lines(en.resources[0])).toEqual(['6:6 error[yaml-undefined-alias] undefined alias "*nope": no anchor "&nope" is set before it in this document (anchors do not carry over "---")']);
    const ko = await validateText(text, 'a.yaml', { lang: 'ko' });
    expect(lines(ko.resources[0])).toEqual(['6:6 error[yaml-undefined-alias] 앨리어스 "*nope"의 앵커가 정의되지 않았다: 이 문서에서 그보다 앞에 "&nope" 앵커가 없다(앵커는 "---" 너머로 이어지지 않는다)']);
  });

  it('anchors do not cross "---"; an anchor set after its alias does not count; anchors reused legitimately still work', async () => {
    const text = 'a: &x 1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  b: *x\n---\nb: *y\nc: &y 2\n';
    const report = await validateText(text, 'a.yaml');
    expect(report.resources.map((r) => lines(r)[0])).toEqual([
      "1:1 error[missing-kind] missing 'kind' key",
      '8:6 error[yaml-undefined-alias] undefined alias "*x": no anchor "&x" is set before it in this document (anchors do not carry over "---")',
      '10:4 error[yaml-undefined-alias] undefined alias "*y": no anchor "&y" is set before it in this document (anchors do not carry over "---")',
    ]);
    const reuse = await validateText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: &l\n    a: b\n  annotations: *l\n', 'ok.yaml');
    expect(reuse.ok).toBe(true);
  });
});

describe('custom resources checked against the CustomResourceDefinitions of the same run', () => {
  const crds = `${fixtures}crds/`;

  it('structural schemas: types, enums, bounds, int-or-string, nullable, sets, maps, preserved and embedded objects; -strict rejects exactly what the API server prunes', async () => {
    const report = await validatePaths([`${crds}widgets.yaml`, `${crds}widget-resources.yaml`], { strict: true });
    expect(statuses(report)).toEqual([
      'CustomResourceDefinition/widgets.shop.example.com:valid',
      'Widget/good:valid',
      'Widget/bad:invalid',
      'Widget/no-spec:invalid',
      'Widget/not-served:error',
      'Gadget/from-a-refused-crd:error',
    ]);
    expect(lines(report.resources[2])).toEqual([
      '31:3 error[schema] unknown field "colour"',
      '33:9 error[schema] must be <= 10; got 11',
      '34:10 error[schema] must be one of "red", "green", "blue"; got "purple"',
      '35:9 error[schema] expected integer or string, got number 1.5',
      '36:9 error[schema] items must be unique',
      '38:11 error[schema] expected string, got integer 3',
      '39:3 error[schema] unknown field "sise"',
      '40:9 error[schema] "medium" does not match the pattern ^(?i:(fast|slow)$)',
    ]);
    expect(lines(report.resources[3])).toEqual(['42:1 error[schema] missing required field "spec"']);
    // A version the CRD does not serve is named as such; a kind no CRD defines keeps today's behaviour.
    expect(lines(report.resources[4])).toEqual(['47:1 error[missing-schema] Widget is not served in shop.example.com/v1beta1: its CustomResourceDefinition "widgets.shop.example.com" serves shop.example.com/v1']);
    expect(lines(report.resources[5])).toEqual(['54:1 error[missing-schema] could not find schema for Gadget (shop.example.com/v1)']);
  });

  it('null: kept where nullable, pruned elsewhere (so only a required field then goes missing)', async () => {
    const crd = readFileSync(`${crds}widgets.yaml`, 'utf8');
    const text = `${crd}---\napiVersion: shop.example.com/v1\nkind: Widget\nmetadata:\n  name: nulls\nspec:\n  size: null\n  color: null\n  note: null\n  tags: null\n`;
    const report = await validateText(text, 'nulls.yaml');
    const start = crd.split('\n').length;
    expect(lines(report.resources[1])).toEqual([`${start + 6}:9 error[schema] "size" has no value: expected integer`]);
  });

  it('an embedded resource must say what it is, and its metadata is an ObjectMeta', async () => {
    const crd = readFileSync(`${crds}widgets.yaml`, 'utf8');
    const text = `${crd}---\napiVersion: shop.example.com/v1\nkind: Widget\nmetadata:\n  name: emb\nspec:\n  size: 1\n  template:\n    metadata:\n      name: inner\n      bogus: 1\n`;
    const report = await validateText(text, 'emb.yaml');
    const start = crd.split('\n').length;
    expect(lines(report.resources[1])).toEqual([
      `${start + 7}:3 error[schema] missing required field "apiVersion"`,
      `${start + 7}:3 error[schema] missing required field "kind"`,
      `${start + 10}:7 error[schema] unknown field "bogus"`,
    ]);
  });

  it('without -strict, fields the API server would prune pass; everything else is still checked', async () => {
    const report = await validatePaths([`${crds}widget-resources.yaml`, `${crds}widgets.yaml`], { strict: false });
    const bad = report.resources.find((r) => r.name === 'bad')!;
    expect(lines(bad).some((l) => l.includes('unknown field'))).toBe(false);
    expect(lines(bad)).toHaveLength(6);
  });

  it('the CRD may come after its resources, in another file; with ignoreMissingSchemas only kinds no CRD defines are skipped (an unserved version is not)', async () => {
    const report = await validatePaths([`${crds}widget-resources.yaml`, `${crds}widgets.yaml`], { ignoreMissingSchemas: true });
    expect(statuses(report)).toEqual([
      'Widget/good:valid',
      'Widget/bad:invalid',
      'Widget/no-spec:invalid',
      'Widget/not-served:error',
      'Gadget/from-a-refused-crd:skipped',
      'CustomResourceDefinition/widgets.shop.example.com:valid',
    ]);
  });

  it('a CRD the API server would refuse is reported and not used', async () => {
    const report = await validatePaths([`${crds}widgets-unstructural.yaml`, `${crds}widget-resources.yaml`]);
    const crd = report.resources[0];
    expect(crd.status).toBe('invalid');
    expect(lines(crd)).toEqual([
      '23:15 error[crd-schema] type is required in a structural schema (unless x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields is true); the API server would refuse this CustomResourceDefinition (its custom resources are not checked against it)',
      '30:17 error[crd-schema] properties and additionalProperties cannot both be set; the API server would refuse this CustomResourceDefinition (its custom resources are not checked against it)',
    ]);
    expect(report.resources.find((r) => r.kind === 'Gadget')!.diagnostics[0].rule).toBe('missing-schema');
  });

  it('a real CRD: the Prometheus Operator\'s PrometheusRule (Apache-2.0, see tests/fixtures/validator/crds/README.md)', async () => {
    const report = await validatePaths([`${crds}monitoring.coreos.com_prometheusrules.yaml`, `${crds}prometheusrule-resources.yaml`], { strict: true });
    expect(statuses(report)).toEqual(['CustomResourceDefinition/prometheusrules.monitoring.coreos.com:valid', 'PrometheusRule/node-rules:valid', 'PrometheusRule/broken-rules:invalid']);
    expect(lines(report.resources[2])).toEqual([
      '32:15 error[schema] "30 seconds" does not match the pattern ^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$',
      // Go's (?i) is read as case-insensitive: "WARN" above passes, "ignore" does not.
      '33:32 error[schema] "ignore" does not match the pattern ^(?i:(abort|warn)?$)',
      '35:7 error[schema] missing required field "expr"',
      '39:7 error[schema] unknown field "severity"',
    ]);
  });

  it('x-kubernetes-list-type: map: two items with the same keys are refused, at the second', async () => {
    const crd = readFileSync(`${crds}monitoring.coreos.com_prometheusrules.yaml`, 'utf8');
    const text = `${crd}---\napiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: dup\nspec:\n  groups:\n  - name: a\n    rules: []\n  - name: b\n    rules: []\n  - name: a\n    rules: []\n`;
    const report = await validateText(text, 'rules.yaml');
    const start = crd.split('\n').length;
    expect(lines(report.resources[1])).toEqual([`${start + 11}:5 error[schema] duplicate item: item 0 already has name="a" (the list is a map keyed by name)`]);
  });

  it('the library API: a CRD and its resource in one text (validateText), in Korean too', async () => {
    const crd = readFileSync(`${crds}widgets.yaml`, 'utf8');
    const text = `${crd}---\napiVersion: shop.example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 0\n`;
    const report = await validateText(text, 'all.yaml', { lang: 'ko' });
    expect(report.resources.map((r) => r.status)).toEqual(['valid', 'invalid']);
    expect(report.resources[1].diagnostics.map((d) => `${d.line}:${d.col} ${d.rule}`)).toEqual(['77:9 schema']);
    expect(report.resources[1].diagnostics[0].message).toMatch(/[가-힣]/);
  });

  it('Go patterns: (?i) runs to the end of its group; a pattern JavaScript cannot read is left out', () => {
    expect(jsPattern('^(?i)(abort|warn)?$')).toBe('^(?i:(abort|warn)?$)');
    expect(jsPattern('(x(?i)[a-z)]y)z')).toBe('(x(?i:[a-z)]y))z');
    expect(jsPattern('^(?i)a\\)b$')).toBe('^(?i:a\\)b$)');
    expect(jsPattern('^[a-z]+$')).toBe('^[a-z]+$');
    expect(jsPattern('(?P<name>x)')).toBeUndefined();
  });

  it('metadata is the API server\'s ObjectMeta; the CRD\'s restrictions on metadata.name apply', () => {
    const { schemas, problems } = customResourceSchemas(
      {
        metadata: { name: 'things.example.org' },
        spec: { group: 'example.org', names: { kind: 'Thing', plural: 'things' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 5 } } } } } } }] },
      },
      { strict: true, objectMeta: { $ref: 'meta' } },
    );
    expect(problems).toEqual([]);
    expect(schemas[0].schema).toMatchObject({ type: 'object', additionalProperties: false, properties: { metadata: { allOf: [{ $ref: 'meta' }, { properties: { name: { type: ['string', 'null'], maxLength: 5 } } }] } } });
  });
});

describe('false positives found on real manifests', () => {
  const pod = (volumeOrEnv: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests: {cpu: 50m, memory: 32Mi}\n      limits:\n        memory: 64Mi\n        cpu: 100m\n${volumeOrEnv}`;

  it('downwardAPI volume: resourceFieldRef.containerName naming no container is a warning (the API server admits it, the Pod then fails)', async () => {
    const text = pod('  volumes:\n  - name: info\n    downwardAPI:\n      items:\n      - path: limit\n        resourceFieldRef:\n          containerName: sidecar\n          resource: limits.memory\n');
    const report = await validateText(text, 'pod.yaml');
    expect(report.ok).toBe(true);
    expect(lines(report.resources[0])).toEqual([
      '20:26 warning[downward-api-volume] containerName "sidecar" names no container of this pod (app). The API server admits it, but the Pod then fails: the kubelet cannot fill in the file, so the volume is not mounted and the Pod does not start.',
    ]);
    const ko = await validateText(text, 'pod.yaml', { lang: 'ko' });
    expect(ko.resources[0].diagnostics[0].message).toContain('API 서버는 받아들이지만 파드는 실패한다');
  });

  it('env resourceFieldRef: the same warning', async () => {
    const text = pod('    env:\n    - name: LIMIT\n      valueFrom:\n        resourceFieldRef:\n          containerName: sidecar\n          resource: limits.cpu\n');
    const report = await validateText(text, 'pod.yaml');
    expect(report.ok).toBe(true);
    expect(lines(report.resources[0])).toEqual([
      '18:26 warning[downward-api-env] containerName "sidecar" names no container of this pod (app). The API server admits it, but the Pod then fails: the kubelet cannot resolve the variable, so the container does not start.',
    ]);
  });

  // The shape of kubernetes/dashboard's hack/test-resources/init-container-error-pod.yaml: a single-quoted scalar
  // over several lines whose closing `]'` sits at its key's indentation. go-yaml v2 (kubectl) reads it.
  const dashboardPod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: init-container-error\n  annotations:\n    pod.beta.kubernetes.io/init-containers: '[\n        {\n            "name": "install",\n            "image": "alpine:3.4"\n        }\n    ]'\nspec:\n  containers:\n    - name: alpine\n      image: alpine:3.4\n      command: ["/bin/sh", "-c", "echo Succeeded"]\n      resources:\n        requests: {cpu: 50m, memory: 32Mi}\n        limits: {cpu: 100m, memory: 32Mi}\n  restartPolicy: OnFailure\n`;

  it('a quoted scalar whose continuation lines sit at its key\'s indentation is read as go-yaml v2 reads it', async () => {
    const report = await validateText(dashboardPod, 'pod.yaml');
    expect(report.ok).toBe(true);
    expect(report.resources[0].diagnostics).toEqual([]);
    const [doc] = parseDocuments(dashboardPod);
    expect((doc.value as { metadata: { annotations: Record<string, string> } }).metadata.annotations['pod.beta.kubernetes.io/init-containers']).toBe('[ { "name": "install", "image": "alpine:3.4" } ]');
    // Positions after the scalar are unchanged.
    const broken = await validateText(dashboardPod.replace('image: alpine:3.4\n      command', 'image: 3\n      command'), 'pod.yaml');
    expect(lines(broken.resources[0])).toEqual(['15:14 error[schema] expected string, got integer 3']);
  });

  it('mends every such scalar of a document, single- and double-quoted, escaped quotes included', async () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: 'it''s\n  one'\n  b: "say \\"hi\\"\n  two"\n  c: plain\n`;
    const [doc] = parseDocuments(text);
    expect(doc.problem).toBeUndefined();
    expect((doc.value as { data: Record<string, string> }).data).toEqual({ a: "it's one", b: 'say "hi" two', c: 'plain' });
    const report = await validateText(text.replace('c: plain', 'c: 3'), 'cm.yaml');
    expect(lines(report.resources[0])).toEqual(['10:6 error[schema] expected string, got integer 3']);
  });

  it('a quote that is really missing is still an error', async () => {
    const report = await validateText("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: 'abc\n", 'cm.yaml');
    expect(report.ok).toBe(false);
    expect(report.resources[0].diagnostics[0].rule).toBe('yaml-syntax');
  });
});

describe('each mistake is reported once', () => {
  const backend = '        backend:\n          service:\n            name: web\n            port:\n              number: 80\n';
  const ingress = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefx\n${backend}      - path: /b\n${backend}`;
  const deployment = (selector: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${selector}  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        resources:\n          requests: {cpu: 50m, memory: 32Mi}\n          limits: {memory: 64Mi}\n`;

  it('a bad or missing pathType: the schema error only, not ingress-paths as well', async () => {
    const report = await validateText(ingress, 'ingress.yaml');
    expect(lines(report.resources[0])).toEqual([
      '10:19 error[schema] must be one of "Exact", "ImplementationSpecific", "Prefix"; got "Prefx" (did you mean "Prefix"?)',
      '16:9 error[schema] missing required field "pathType"',
    ]);
  });

  it('a missing, null or mistyped selector: one error', async () => {
    for (const [selector, expected] of [
      ['', ['5:1 error[schema] missing required field "selector"']],
      ['  selector:\n', ['6:3 error[schema] "selector" has no value: expected object']],
      ['  selector: app=web\n', ['6:13 error[schema] expected object, got string "app=web"']],
    ] as const) {
      const report = await validateText(deployment(selector), 'deployment.yaml');
      expect(lines(report.resources[0])).toEqual(expected);
    }
  });

  it('a misspelt selector: the "did you mean" only, not "needs spec.selector" as well', async () => {
    const report = await validateText(deployment('  selectr:\n    matchLabels: {app: web}\n'), 'deployment.yaml');
    expect(lines(report.resources[0])).toEqual(['6:3 error[schema] unknown field "selectr": did you mean "selector"? (a required field)']);
  });

  it('a rule\'s error about another field at the same place is kept (no metadata: metadata-name at the top, as a schema error would be)', async () => {
    const report = await validateText('apiVersion: v1\nkind: Service\nspec:\n  ports: [{port: 80}]\n  type: Nowhere\n', 'service.yaml');
    expect(lines(report.resources[0]).map((l) => l.split(']')[0])).toEqual(['1:1 error[metadata-name', '5:9 error[schema']);
  });

  it('a rule\'s finding the schema cannot see is still reported (selector not matching the labels)', async () => {
    const report = await validateText(deployment('  selector:\n    matchLabels: {app: other}\n'), 'deployment.yaml');
    expect(lines(report.resources[0])).toEqual([expect.stringMatching(/^11:9 error\[workload-selector\] spec.selector does not match/)]);
  });
});

describe('hostile CustomResourceDefinitions', () => {
  it('never throw: any value anywhere in a CRD, its resource checked against what is left', async () => {
    const crd = parseDocuments(readFileSync(`${fixtures}crds/widgets.yaml`, 'utf8'))[0].value as Record<string, unknown>;
    const resource = parseDocuments(readFileSync(`${fixtures}crds/widget-resources.yaml`, 'utf8'))[0].value;
    const paths = (value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> => {
      const out = [prefix];
      if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
      return out;
    };
    const all = paths(crd).filter((p) => p.length > 0);
    const replaced = (root: unknown, path: Array<string | number>, value: unknown): unknown => {
      if (path.length === 0) return value;
      const [head, ...rest] = path;
      const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
      copy[head] = replaced(copy[head], rest, value);
      return copy;
    };
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.anything({ maxDepth: 2, withNullPrototype: false }), async (index, value) => {
        const broken = replaced(crd, all[index % all.length], value);
        const text = `${JSON.stringify(broken)}\n---\n${JSON.stringify(resource)}\n`;
        const report = await validateText(text, 'crd.yaml');
        expect(report.resources).toHaveLength(2);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
