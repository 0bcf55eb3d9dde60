import type { CrossResourceRule, Resource, RuleFinding } from '../types.ts';
import { gvk } from './lib/pod-templates.ts';
import { msg, obj, q, str, finding, josa } from './lib/util.ts';

function namespaceOf(resource: Resource): string {
  return str(obj(resource.object.metadata)?.namespace) || 'default';
}

/**
 * A StatefulSet's serviceName should name a headless Service (clusterIP: None) in the same namespace, which
 * gives its Pods stable DNS names. The Service may live in another file of the run; only resources of the same
 * run are considered, so this is a warning, not an API error.
 */
export const statefulsetHeadlessService: CrossResourceRule & { appliesTo: string[] } = {
  id: 'statefulset-headless-service',
  severity: 'warning',
  description: msg(
    "A StatefulSet's serviceName should name a headless Service (clusterIP: None) in the same namespace among the validated resources: that Service governs the Pods' DNS names (pod-0.service.namespace.svc).",
    'StatefulSet의 serviceName은 검증 대상 리소스 중 같은 네임스페이스의 헤드리스 Service(clusterIP: None)를 가리켜야 한다: 그 Service가 파드의 DNS 이름(pod-0.service.namespace.svc)을 관장한다.',
  ),
  /** Documentation only (cross-resource rules see every resource): the kinds it compares. */
  appliesTo: ['apps/v1/StatefulSet', 'v1/Service'],
  checkAll(resources) {
    const out: Array<RuleFinding & { resource: Resource }> = [];
    // Indexed by namespace/name: a run may hold thousands of StatefulSets and Services.
    const services = new Map<string, Resource>();
    for (const r of resources) {
      if (gvk(r) !== 'v1/Service') continue;
      const key = `${namespaceOf(r)}/${str(obj(r.object.metadata)?.name)}`;
      if (!services.has(key)) services.set(key, r);
    }
    for (const resource of resources) {
      if (gvk(resource) !== 'apps/v1/StatefulSet') continue;
      const serviceName = str(obj(resource.object.spec)?.serviceName);
      if (!serviceName) continue;
      const namespace = namespaceOf(resource);
      const match = services.get(`${namespace}/${serviceName}`);
      const path = ['spec', 'serviceName'];
      if (!match) {
        out.push({ resource, ...finding(path, msg(
          `No Service named ${q(serviceName)} in namespace ${q(namespace)} is among the validated resources. A headless Service (clusterIP: None) of that name governs the Pods' DNS names; without it they get none.`,
          `검증한 리소스 중에 네임스페이스 ${q(namespace)}의 ${q(serviceName)} Service가 없다. 그 이름의 헤드리스 Service(clusterIP: None)가 파드의 DNS 이름을 관장하며, 없으면 파드에 DNS 이름이 생기지 않는다.`,
        )) });
      } else if (str(obj(match.object.spec)?.clusterIP) !== 'None') {
        out.push({ resource, ...finding(path, msg(
          `The Service ${q(serviceName)} is not headless: set clusterIP: None so that it governs the Pods' DNS names (pod-0.${serviceName}.${namespace}.svc).`,
          `Service ${josa(q(serviceName), '이/가')} 헤드리스가 아니다: 파드의 DNS 이름(pod-0.${serviceName}.${namespace}.svc)을 관장하도록 clusterIP: None으로 설정해야 한다.`,
        )) });
      }
    }
    return out;
  },
};
