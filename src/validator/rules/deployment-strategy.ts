import type { Rule, RuleFinding } from '../types.ts';
import { checkIntOrPercent, intOrPercentValue } from './lib/int-or-percent.ts';
import { finding, has, msg, obj } from './lib/util.ts';

/** ValidateDeploymentStrategy and ValidateRollingUpdateDeployment. */
export const deploymentStrategy: Rule = {
  id: 'deployment-strategy',
  severity: 'error',
  description: msg(
    'A Deployment with strategy Recreate must not set strategy.rollingUpdate; with RollingUpdate, maxUnavailable and maxSurge must be non-negative integers or percentages (at most 100%) and not both 0.',
    'strategy가 Recreate인 Deployment에는 strategy.rollingUpdate를 쓸 수 없다. RollingUpdate이면 maxUnavailable과 maxSurge는 0 이상의 정수나 백분율(100% 이하)이어야 하고 둘 다 0일 수는 없다.',
  ),
  appliesTo: ['apps/v1/Deployment'],
  check(resource) {
    const strategy = obj(obj(resource.object.spec)?.strategy);
    if (!strategy) return [];
    const out: RuleFinding[] = [];
    const path = ['spec', 'strategy'];
    if (strategy.type === 'Recreate') {
      if (has(strategy, 'rollingUpdate')) {
        out.push(finding([...path, 'rollingUpdate'], msg(
          'strategy.rollingUpdate may not be specified when strategy type is Recreate: remove it, or use type RollingUpdate.',
          'strategy type이 Recreate이면 strategy.rollingUpdate를 쓸 수 없다: 지우거나 type을 RollingUpdate로 해야 한다.',
        ), { at: 'key' }));
      }
      return out;
    }
    const rollingUpdate = obj(strategy.rollingUpdate);
    if (!rollingUpdate) return out;
    const ruPath = [...path, 'rollingUpdate'];
    out.push(...checkIntOrPercent(rollingUpdate.maxUnavailable, [...ruPath, 'maxUnavailable'], 'maxUnavailable'));
    out.push(...checkIntOrPercent(rollingUpdate.maxSurge, [...ruPath, 'maxSurge'], 'maxSurge'));
    const unavailable = intOrPercentValue(rollingUpdate.maxUnavailable);
    const surge = intOrPercentValue(rollingUpdate.maxSurge);
    if (unavailable?.value === 0 && surge?.value === 0) {
      out.push(finding([...ruPath, 'maxUnavailable'], msg(
        'maxUnavailable and maxSurge are both 0, so a rollout could never make progress: allow at least one of them.',
        'maxUnavailable과 maxSurge가 모두 0이라 롤아웃이 진행될 수 없다: 둘 중 하나는 0보다 커야 한다.',
      )));
    }
    return out;
  },
};
