import type { Rule } from '../types.ts';
import { INGRESS } from './lib/ingress.ts';
import { arr, has, missing, msg, obj } from './lib/util.ts';

export const ingressRulesOrDefaultBackend: Rule = {
  id: 'ingress-rules-or-default-backend',
  severity: 'error',
  description: msg('An Ingress spec needs rules or a defaultBackend.', 'Ingress spec에는 rules나 defaultBackend가 필요하다.'),
  appliesTo: INGRESS,
  check(resource) {
    const spec = obj(resource.object.spec);
    if (arr(spec?.rules).length > 0 || has(spec, 'defaultBackend')) return [];
    return [missing(spec ? ['spec'] : [], msg(
      'An Ingress needs spec.rules or spec.defaultBackend; with neither it routes nothing and the API server rejects it.',
      'Ingress에는 spec.rules나 spec.defaultBackend가 필요하다; 둘 다 없으면 아무것도 라우팅하지 않으며 API 서버가 거부한다.',
    ))];
  },
};
