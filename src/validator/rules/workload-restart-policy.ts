import type { Rule, RuleFinding } from '../types.ts';
import { LONG_RUNNING_WORKLOADS, podTemplates } from './lib/pod-templates.ts';
import { finding, msg, q, josa } from './lib/util.ts';

/** Controllers of long-running pods accept only restartPolicy Always (the default). */
export const workloadRestartPolicy: Rule = {
  id: 'workload-restart-policy',
  severity: 'error',
  description: msg(
    'The pod template of a Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController must use restartPolicy Always (the default).',
    'Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController의 파드 템플릿은 restartPolicy가 Always(기본값)여야 한다.',
  ),
  appliesTo: LONG_RUNNING_WORKLOADS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      const policy = pod.spec.restartPolicy;
      if (typeof policy === 'string' && policy !== 'Always' && policy !== '') { // "" is defaulted to Always
        out.push(finding([...pod.specPath, 'restartPolicy'], msg(
          `A ${resource.kind} keeps its Pods running, so its pod template only accepts restartPolicy Always (or leave it unset), not ${q(policy)}. For run-to-completion work use a Job.`,
          `${josa(resource.kind, '은/는')} 파드를 계속 실행하므로 파드 템플릿의 restartPolicy는 Always만 허용된다(생략해도 된다). ${josa(q(policy), '은/는')} 쓸 수 없다. 완료까지 실행하는 작업은 Job을 써야 한다.`,
        )));
      }
    }
    return out;
  },
};
