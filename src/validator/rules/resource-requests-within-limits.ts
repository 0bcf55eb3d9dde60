import type { Rule, RuleFinding } from '../types.ts';
import { containersOf, POD_TEMPLATE_KINDS, podTemplates } from './lib/pod-templates.ts';
import { compareQuantities, parseQuantity } from './lib/quantity.ts';
import { entries, finding, msg, obj, q, josa } from './lib/util.ts';

/** helper.IsOvercommitAllowed: native resources other than hugepages may request less than their limit. */
function overcommitAllowed(name: string): boolean {
  const native = !name.includes('/') || name.includes('kubernetes.io/');
  return native && !name.startsWith('hugepages-');
}

/** ValidateContainerResourceRequirements: requests <= limits, exact for hugepages and extended resources. */
export const resourceRequestsWithinLimits: Rule = {
  id: 'resource-requests-within-limits',
  severity: 'error',
  description: msg(
    'A container resource request must not exceed its limit (quantities compared exactly, e.g. 1Gi = 1024Mi, 500m = 0.5); hugepages and extended resources must request exactly their limit.',
    '컨테이너의 리소스 요청(request)은 제한(limit)을 넘을 수 없다 (1Gi = 1024Mi, 500m = 0.5처럼 수량을 정확히 비교한다). hugepages와 확장 리소스는 요청이 제한과 같아야 한다.',
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      for (const c of containersOf(pod)) {
        const resources = obj(c.container.resources);
        if (!resources) continue;
        const limits = obj(resources.limits) ?? {};
        for (const [name, requested] of entries(resources.requests)) {
          const path = [...c.path, 'resources', 'requests', name];
          const request = parseQuantity(requested);
          if (!request) continue;
          const limitValue = limits[name];
          const limit = parseQuantity(limitValue);
          if (!limit) {
            if (!overcommitAllowed(name) && (limitValue === undefined || limitValue === null)) {
              out.push(finding(path, msg(
                `${name} cannot be overcommitted: set resources.limits.${name} equal to the request.`,
                `${josa(name, '은/는')} 오버커밋할 수 없다: resources.limits.${josa(name, '을/를')} 요청과 같게 설정해야 한다.`,
              ), { at: 'key' }));
            }
            continue;
          }
          const cmp = compareQuantities(request, limit);
          if (cmp > 0) {
            out.push(finding(path, msg(
              `The ${name} request ${q(requested)} is greater than the limit ${q(limitValue)}; a request must be less than or equal to its limit.`,
              `${name} 요청 ${josa(q(requested), '이/가')} 제한 ${q(limitValue)}보다 크다; 요청은 제한 이하여야 한다.`,
            )));
          } else if (cmp < 0 && !overcommitAllowed(name)) {
            out.push(finding(path, msg(
              `${name} cannot be overcommitted: the request ${q(requested)} must equal the limit ${q(limitValue)}.`,
              `${josa(name, '은/는')} 오버커밋할 수 없다: 요청 ${josa(q(requested), '이/가')} 제한 ${josa(q(limitValue), '와/과')} 같아야 한다.`,
            )));
          }
        }
      }
    }
    return out;
  },
};
