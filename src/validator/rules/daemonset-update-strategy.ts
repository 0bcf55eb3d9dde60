import type { Rule, RuleFinding } from '../types.ts';
import { checkIntOrPercent, intOrPercentValue } from './lib/int-or-percent.ts';
import { finding, has, msg, obj } from './lib/util.ts';

/**
 * ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet (pkg/apis/apps/validation): exactly one of
 * maxUnavailable and maxSurge is non-zero, after SetDefaults_DaemonSet filled in maxUnavailable 1 and maxSurge 0.
 * "0%" counts as zero, as getIntOrPercentValue reads it.
 */
export const daemonsetUpdateStrategy: Rule = {
  id: 'daemonset-update-strategy',
  severity: 'error',
  description: msg(
    'A DaemonSet rolling update needs exactly one of maxUnavailable (default 1) and maxSurge (default 0) to be non-zero; both are non-negative integers or percentages (at most 100%).',
    'DaemonSet의 rolling update에서는 maxUnavailable(기본값 1)과 maxSurge(기본값 0) 중 정확히 하나만 0이 아니어야 한다. 둘 다 0 이상의 정수나 백분율(100% 이하)이다.',
  ),
  appliesTo: ['apps/v1/DaemonSet'],
  check(resource) {
    const strategy = obj(obj(resource.object.spec)?.updateStrategy);
    if (!strategy || strategy.type === 'OnDelete') return [];
    const rollingUpdate = obj(strategy.rollingUpdate);
    if (!rollingUpdate) return [];
    const path = ['spec', 'updateStrategy', 'rollingUpdate'];
    const out: RuleFinding[] = [
      ...checkIntOrPercent(rollingUpdate.maxUnavailable, [...path, 'maxUnavailable'], 'maxUnavailable'),
      ...checkIntOrPercent(rollingUpdate.maxSurge, [...path, 'maxSurge'], 'maxSurge'),
    ];
    const unavailable = has(rollingUpdate, 'maxUnavailable') ? intOrPercentValue(rollingUpdate.maxUnavailable)?.value : 1;
    const surge = has(rollingUpdate, 'maxSurge') ? intOrPercentValue(rollingUpdate.maxSurge)?.value : 0;
    // A malformed value was reported above; the pair cannot be judged then.
    if (unavailable === undefined || surge === undefined) return out;
    if (unavailable !== 0 && surge !== 0) {
      const implicit = has(rollingUpdate, 'maxUnavailable') ? '' : ' (maxUnavailable defaults to 1)';
      const implicitKo = has(rollingUpdate, 'maxUnavailable') ? '' : ' (maxUnavailable의 기본값은 1이다)';
      out.push(finding(has(rollingUpdate, 'maxSurge') ? [...path, 'maxSurge'] : path, msg(
        `maxSurge may not be set when maxUnavailable is non-zero${implicit}: set maxUnavailable: 0 to surge, or drop maxSurge.`,
        `maxUnavailable이 0이 아니면 maxSurge를 쓸 수 없다${implicitKo}: surge하려면 maxUnavailable: 0을 쓰고, 아니면 maxSurge를 지워야 한다.`,
      )));
    } else if (unavailable === 0 && surge === 0) {
      out.push(finding(has(rollingUpdate, 'maxUnavailable') ? [...path, 'maxUnavailable'] : path, msg(
        'maxUnavailable and maxSurge are both 0, so the rollout could never replace a Pod: allow one of them.',
        'maxUnavailable과 maxSurge가 모두 0이라 롤아웃이 Pod를 하나도 교체할 수 없다: 둘 중 하나는 0보다 커야 한다.',
      )));
    }
    return out;
  },
};
