import type { Rule } from '../types.ts';
import { SERVICE, serviceView } from './lib/service.ts';
import { finding, msg } from './lib/util.ts';

export const serviceClusterIpNone: Rule = {
  id: 'service-cluster-ip-none',
  severity: 'error',
  description: msg(
    'clusterIP: None (a headless Service) is only allowed with type ClusterIP, not NodePort or LoadBalancer.',
    'clusterIP: None(헤드리스 Service)은 type이 ClusterIP일 때만 쓸 수 있고 NodePort나 LoadBalancer에서는 안 된다.',
  ),
  appliesTo: SERVICE,
  check(resource) {
    const view = serviceView(resource);
    if (!view || !view.headless || (view.type !== 'NodePort' && view.type !== 'LoadBalancer')) return [];
    return [finding(['spec', 'clusterIP'], msg(
      `clusterIP may not be None for a ${view.type} Service: a headless Service has no virtual IP to expose on nodes. Use type ClusterIP for a headless Service.`,
      `${view.type} Service에는 clusterIP를 None으로 할 수 없다: 헤드리스 Service에는 노드에 노출할 가상 IP가 없다. 헤드리스 Service는 type ClusterIP를 써야 한다.`,
    ))];
  },
};
