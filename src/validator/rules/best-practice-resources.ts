import type { Rule, RuleFinding } from '../types.ts';
import { containersOf, INIT_AND_APP_CONTAINERS, POD_TEMPLATE_KINDS, podTemplates } from './lib/pod-templates.ts';
import { entries, missing, msg, obj, josa } from './lib/util.ts';
import { atLeast, SINCE } from './lib/versions.ts';

export const bestPracticeResources: Rule = {
  id: 'best-practice-resources',
  severity: 'warning',
  description: msg(
    'Best practice (not an API error): give every container resources.requests and resources.limits, so the scheduler can place it and it cannot starve its neighbours.',
    '모범 사례(API 오류 아님): 모든 컨테이너에 resources.requests와 resources.limits를 지정해, 스케줄러가 배치할 수 있고 이웃 파드의 자원을 빼앗지 않게 한다.',
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource, context) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      // Pod-level spec.resources (on by default since 1.34) covers its containers: what it sets, they need not.
      const podResources = atLeast(context, SINCE.podLevelResources) ? obj(obj(pod.spec)?.resources) : undefined;
      for (const c of containersOf(pod, INIT_AND_APP_CONTAINERS)) {
        const resources = obj(c.container.resources);
        const lacks = (['requests', 'limits'] as const).filter((k) => entries(resources?.[k]).length === 0 && entries(podResources?.[k]).length === 0);
        if (lacks.length === 0) continue;
        const what = lacks.map((k) => `resources.${k}`).join(' / ');
        out.push(missing(resources ? [...c.path, 'resources'] : c.path, msg(
          `Container ${c.name ? `"${c.name}" ` : ''}sets no ${what}: without requests the scheduler cannot reserve room for it, without limits it can use up the node.`,
          `컨테이너 ${c.name ? `"${c.name}"` : ''}에 ${josa(what, '이/가')} 없다: requests가 없으면 스케줄러가 자리를 확보할 수 없고, limits가 없으면 노드 자원을 다 써 버릴 수 있다.`,
        )));
      }
    }
    return out;
  },
};
