import type { Rule } from '../types.ts';
import { SERVICE, serviceView } from './lib/service.ts';
import { entries, finding, msg } from './lib/util.ts';

export const serviceExternalNameSelector: Rule = {
  id: 'service-external-name-selector',
  severity: 'warning',
  description: msg(
    'A selector on an ExternalName Service is ignored: no endpoints are created, DNS only returns the CNAME.',
    'ExternalName Service의 selector는 무시된다: 엔드포인트는 만들어지지 않고 DNS는 CNAME만 돌려준다.',
  ),
  appliesTo: SERVICE,
  check(resource) {
    const view = serviceView(resource);
    if (!view || view.type !== 'ExternalName' || entries(view.spec.selector).length === 0) return [];
    return [finding(['spec', 'selector'], msg(
      'This selector is ignored because the Service is of type ExternalName (DNS returns a CNAME to spec.externalName, no Pods are selected). Remove it, or use a ClusterIP Service to select Pods.',
      '이 Service는 ExternalName 유형이라 selector가 무시된다 (DNS가 spec.externalName의 CNAME을 돌려주고 파드는 선택되지 않는다). selector를 지우거나, 파드를 고르려면 ClusterIP Service를 써야 한다.',
    ), { at: 'key' })];
  },
};
