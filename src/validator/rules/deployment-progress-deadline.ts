import type { Rule } from '../types.ts';
import { finding, isInt, msg, obj } from './lib/util.ts';

/** apps/v1 defaults progressDeadlineSeconds to 600. */
const DEFAULT_PROGRESS_DEADLINE = 600;

/** ValidateDeploymentSpec: progressDeadlineSeconds must be greater than minReadySeconds (after defaulting). */
export const deploymentProgressDeadline: Rule = {
  id: 'deployment-progress-deadline',
  severity: 'error',
  description: msg(
    'A Deployment progressDeadlineSeconds (600 when unset) must be greater than minReadySeconds: a new Pod only counts as available after minReadySeconds, so a shorter deadline could never see progress.',
    'Deployment의 progressDeadlineSeconds(생략하면 600)는 minReadySeconds보다 커야 한다: 새 파드는 minReadySeconds가 지나야 가용으로 치므로, 그보다 짧은 기한에서는 진행을 볼 수 없다.',
  ),
  appliesTo: ['apps/v1/Deployment'],
  check(resource) {
    const spec = obj(resource.object.spec);
    if (!spec) return [];
    const minReady = isInt(spec.minReadySeconds) ? spec.minReadySeconds : 0;
    const given = isInt(spec.progressDeadlineSeconds);
    const deadline = given ? (spec.progressDeadlineSeconds as number) : DEFAULT_PROGRESS_DEADLINE;
    if (deadline < 0 || deadline > minReady) return [];
    return [finding(given ? ['spec', 'progressDeadlineSeconds'] : ['spec', 'minReadySeconds'], msg(
      given
        ? `progressDeadlineSeconds (${deadline}) must be greater than minReadySeconds (${minReady}).`
        : `minReadySeconds (${minReady}) must be less than progressDeadlineSeconds, which defaults to ${DEFAULT_PROGRESS_DEADLINE}: raise progressDeadlineSeconds too.`,
      given
        ? `progressDeadlineSeconds(${deadline})는 minReadySeconds(${minReady})보다 커야 한다.`
        : `minReadySeconds(${minReady})는 기본값이 ${DEFAULT_PROGRESS_DEADLINE}인 progressDeadlineSeconds보다 작아야 한다: progressDeadlineSeconds도 늘려야 한다.`,
    ))];
  },
};
