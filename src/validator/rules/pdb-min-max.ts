import type { Rule, RuleFinding } from '../types.ts';
import { checkIntOrPercent } from './lib/int-or-percent.ts';
import { finding, has, msg, obj } from './lib/util.ts';

export const pdbMinMax: Rule = {
  id: 'pdb-min-max',
  severity: 'error',
  description: msg(
    'A PodDisruptionBudget sets at most one of minAvailable and maxUnavailable, each a non-negative integer or a percentage of at most 100%.',
    'PodDisruptionBudget에는 minAvailable과 maxUnavailable 중 하나만 쓸 수 있고, 각각 0 이상의 정수나 100% 이하의 백분율이어야 한다.',
  ),
  appliesTo: ['policy/v1/PodDisruptionBudget'],
  check(resource) {
    const spec = obj(resource.object.spec);
    if (!spec) return [];
    const out: RuleFinding[] = [];
    if (has(spec, 'minAvailable') && has(spec, 'maxUnavailable')) {
      out.push(finding(['spec', 'maxUnavailable'], msg(
        'minAvailable and maxUnavailable cannot both be set: keep the one that expresses the budget.',
        'minAvailable과 maxUnavailable을 함께 쓸 수 없다: 예산을 표현하는 하나만 남겨야 한다.',
      ), { at: 'key' }));
    }
    out.push(...checkIntOrPercent(spec.minAvailable, ['spec', 'minAvailable'], 'minAvailable'));
    out.push(...checkIntOrPercent(spec.maxUnavailable, ['spec', 'maxUnavailable'], 'maxUnavailable'));
    return out;
  },
};
