// What trying the validator on real projects' manifests found (issue 10): typed Lists, built-in groups,
// undefined aliases, false positives and duplicate reports.
import { describe, expect, it } from 'vitest';
import { validateText } from '../../src/validator/index.ts';
import { lines, statuses } from './helpers.ts';

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
