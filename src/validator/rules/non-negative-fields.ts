import type { Rule, RuleFinding } from '../types.ts';
import { containersOf, INIT_AND_APP_CONTAINERS, getAt, gvk, POD_TEMPLATE_KINDS, podTemplates } from './lib/pod-templates.ts';
import { finding, isInt, josa, msg, obj, type Path } from './lib/util.ts';

/** Counts and durations the API server checks with ValidateNonnegativeField, per kind (relative to the object). */
const JOB_FIELDS = ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'];
const NON_NEGATIVE: Record<string, Path[]> = {
  'batch/v1/Job': JOB_FIELDS.map((f) => ['spec', f]),
  'batch/v1/CronJob': [
    ...['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'].map((f) => ['spec', f]),
    ...JOB_FIELDS.map((f) => ['spec', 'jobTemplate', 'spec', f]),
  ],
  'apps/v1/Deployment': ['replicas', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds'].map((f) => ['spec', f]),
  'apps/v1/ReplicaSet': ['replicas', 'minReadySeconds'].map((f) => ['spec', f]),
  'v1/ReplicationController': ['replicas', 'minReadySeconds'].map((f) => ['spec', f]),
  'apps/v1/StatefulSet': [...['replicas', 'minReadySeconds', 'revisionHistoryLimit'].map((f) => ['spec', f]), ['spec', 'ordinals', 'start']],
  'apps/v1/DaemonSet': ['minReadySeconds', 'revisionHistoryLimit'].map((f) => ['spec', f]),
};
const PROBE_FIELDS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

function negative(path: Path, value: number): RuleFinding {
  const field = String(path[path.length - 1]);
  return finding(path, msg(
    `${field} must be greater than or equal to 0, not ${value}.`,
    `${josa(field, '은/는')} 0 이상이어야 한다 (${josa(value, '은/는')} 안 된다).`,
  ));
}

export const nonNegativeFields: Rule = {
  id: 'non-negative-fields',
  severity: 'error',
  description: msg(
    "Counts and durations must not be negative: replicas, minReadySeconds, revisionHistoryLimit, a Job's parallelism, completions, backoffLimit, activeDeadlineSeconds and ttlSecondsAfterFinished, a CronJob's startingDeadlineSeconds and history limits, probe timings, terminationGracePeriodSeconds; a Pod's activeDeadlineSeconds must be at least 1.",
    '개수와 기간은 음수일 수 없다: replicas, minReadySeconds, revisionHistoryLimit, Job의 parallelism, completions, backoffLimit, activeDeadlineSeconds, ttlSecondsAfterFinished, CronJob의 startingDeadlineSeconds와 이력 한도, 프로브 시간 값, terminationGracePeriodSeconds. 파드의 activeDeadlineSeconds는 1 이상이어야 한다.',
  ),
  appliesTo: [...new Set([...Object.keys(NON_NEGATIVE), ...POD_TEMPLATE_KINDS])],
  check(resource) {
    const out: RuleFinding[] = [];
    for (const path of NON_NEGATIVE[gvk(resource)] ?? []) {
      const value = getAt(resource.object, path);
      if (isInt(value) && value < 0) out.push(negative(path, value));
    }
    for (const pod of podTemplates(resource)) {
      const grace = pod.spec.terminationGracePeriodSeconds;
      if (isInt(grace) && grace < 0) out.push(negative([...pod.specPath, 'terminationGracePeriodSeconds'], grace));
      const deadline = pod.spec.activeDeadlineSeconds;
      if (isInt(deadline) && deadline < 1) {
        out.push(finding([...pod.specPath, 'activeDeadlineSeconds'], msg(
          `A Pod's activeDeadlineSeconds must be at least 1, not ${deadline}.`,
          `파드의 activeDeadlineSeconds는 1 이상이어야 한다 (${josa(deadline, '은/는')} 안 된다).`,
        )));
      }
      for (const c of containersOf(pod, INIT_AND_APP_CONTAINERS)) {
        for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
          const spec = obj(c.container[probe]);
          if (!spec) continue;
          for (const field of PROBE_FIELDS) {
            const value = spec[field];
            if (isInt(value) && value < 0) out.push(negative([...c.path, probe, field], value));
          }
        }
      }
    }
    return out;
  },
};
