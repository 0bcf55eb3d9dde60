import type { Rule, RuleFinding } from '../types.ts';
import { checkIntOrPercent, intOrPercentValue } from './lib/int-or-percent.ts';
import { finding, has, isInt, msg, obj, q, josa } from './lib/util.ts';

/** ValidateStatefulSetSpec: updateStrategy and validateRollingUpdateStatefulSet. */
export const statefulsetUpdateStrategy: Rule = {
  id: 'statefulset-update-strategy',
  severity: 'error',
  description: msg(
    'A StatefulSet updateStrategy.rollingUpdate is only allowed with type RollingUpdate; its partition must be >= 0 and maxUnavailable a positive integer or percentage (at most 100%).',
    'StatefulSet의 updateStrategy.rollingUpdate는 type이 RollingUpdate일 때만 쓸 수 있다. partition은 0 이상, maxUnavailable은 양의 정수나 백분율(100% 이하)이어야 한다.',
  ),
  appliesTo: ['apps/v1/StatefulSet'],
  check(resource) {
    const strategy = obj(obj(resource.object.spec)?.updateStrategy);
    if (!strategy) return [];
    const out: RuleFinding[] = [];
    const path = ['spec', 'updateStrategy'];
    if (strategy.type === 'OnDelete' && has(strategy, 'rollingUpdate')) {
      out.push(finding([...path, 'rollingUpdate'], msg(
        "updateStrategy.rollingUpdate is only allowed for type RollingUpdate, not OnDelete.",
        'updateStrategy.rollingUpdate는 type이 RollingUpdate일 때만 쓸 수 있고 OnDelete에서는 안 된다.',
      ), { at: 'key' }));
      return out;
    }
    const rollingUpdate = obj(strategy.rollingUpdate);
    if (!rollingUpdate) return out;
    const ruPath = [...path, 'rollingUpdate'];
    if (isInt(rollingUpdate.partition) && rollingUpdate.partition < 0) {
      out.push(finding([...ruPath, 'partition'], msg(
        `partition must be greater than or equal to 0, not ${rollingUpdate.partition}.`,
        `partition은 0 이상이어야 한다 (${josa(rollingUpdate.partition, '은/는')} 안 된다).`,
      )));
    }
    out.push(...checkIntOrPercent(rollingUpdate.maxUnavailable, [...ruPath, 'maxUnavailable'], 'maxUnavailable'));
    if (intOrPercentValue(rollingUpdate.maxUnavailable)?.value === 0) {
      out.push(finding([...ruPath, 'maxUnavailable'], msg(
        `maxUnavailable cannot be 0 (${q(rollingUpdate.maxUnavailable)}).`,
        `maxUnavailable은 0일 수 없다 (${q(rollingUpdate.maxUnavailable)}).`,
      )));
    }
    return out;
  },
};
