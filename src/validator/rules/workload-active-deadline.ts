import type { Rule, RuleFinding } from '../types.ts';
import { LONG_RUNNING_WORKLOADS, podTemplates } from './lib/pod-templates.ts';
import { finding, has, msg } from './lib/util.ts';

/** ValidatePodTemplateSpecForReplicaSet and friends: activeDeadlineSeconds would kill long-running Pods. */
export const workloadActiveDeadline: Rule = {
  id: 'workload-active-deadline',
  severity: 'error',
  description: msg(
    'The pod template of a Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController must not set activeDeadlineSeconds (put a deadline on a Job instead).',
    'Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController의 파드 템플릿에는 activeDeadlineSeconds를 쓸 수 없다 (기한은 Job에 둔다).',
  ),
  appliesTo: LONG_RUNNING_WORKLOADS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      if (has(pod.spec, 'activeDeadlineSeconds')) {
        out.push(finding([...pod.specPath, 'activeDeadlineSeconds'], msg(
          `activeDeadlineSeconds is not supported in the pod template of a ${resource.kind}: its Pods are meant to run indefinitely. For work with a deadline use a Job (spec.activeDeadlineSeconds).`,
          `${resource.kind}의 파드 템플릿에는 activeDeadlineSeconds를 쓸 수 없다: 그 파드는 계속 실행되도록 만든 것이다. 기한이 있는 작업은 Job(spec.activeDeadlineSeconds)을 써야 한다.`,
        ), { at: 'key' }));
      }
    }
    return out;
  },
};
