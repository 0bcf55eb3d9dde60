import type { Rule, RuleFinding } from '../types.ts';
import { getAt, podTemplates } from './lib/pod-templates.ts';
import { finding, has, missing, msg, obj, q, josa } from './lib/util.ts';

/** Job and CronJob pod templates: restartPolicy OnFailure or Never (Never only, with podFailurePolicy). */
export const jobRestartPolicy: Rule = {
  id: 'job-restart-policy',
  severity: 'error',
  description: msg(
    'A Job (or CronJob jobTemplate) pod template must set restartPolicy to OnFailure or Never; unset means Always, which the API server rejects. With podFailurePolicy only Never is allowed.',
    'Job(또는 CronJob의 jobTemplate)의 파드 템플릿은 restartPolicy가 OnFailure 또는 Never여야 한다. 지정하지 않으면 Always가 되어 API 서버가 거부한다. podFailurePolicy를 쓰면 Never만 허용된다.',
  ),
  appliesTo: ['batch/v1/Job', 'batch/v1/CronJob'],
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      const jobSpec = obj(getAt(resource.object, pod.specPath.slice(0, -2)));
      const withPodFailurePolicy = has(jobSpec, 'podFailurePolicy');
      const policy = pod.spec.restartPolicy;
      const allowed = withPodFailurePolicy ? ['Never'] : ['OnFailure', 'Never'];
      if (policy === undefined || policy === null) {
        out.push(missing(pod.specPath, msg(
          `A Job's pod template must set restartPolicy to ${allowed.join(' or ')}. Unset, it defaults to Always, which the API server rejects for a Job.`,
          `Job의 파드 템플릿은 restartPolicy가 ${allowed.join(' 또는 ')}여야 한다. 지정하지 않으면 Always가 되어 API 서버가 거부한다.`,
        )));
      } else if (typeof policy === 'string' && !allowed.includes(policy)) {
        out.push(finding([...pod.specPath, 'restartPolicy'], withPodFailurePolicy && policy === 'OnFailure'
          ? msg(
              'With podFailurePolicy, a Job\'s pod template must set restartPolicy to Never (OnFailure is rejected).',
              'podFailurePolicy를 쓰는 Job의 파드 템플릿은 restartPolicy가 Never여야 한다 (OnFailure는 거부된다).',
            )
          : msg(
              `restartPolicy ${q(policy)} is not allowed in a Job's pod template: use ${allowed.join(' or ')}.`,
              `Job의 파드 템플릿에는 restartPolicy ${josa(q(policy), '을/를')} 쓸 수 없다: ${josa(allowed.join(' 또는 '), '을/를')} 써야 한다.`,
            )));
      }
    }
    return out;
  },
};
