import type { Rule, RuleFinding } from '../types.ts';
import { dns1123Label } from './lib/names.ts';
import { containersOf, POD_TEMPLATE_KINDS, podTemplates } from './lib/pod-templates.ts';
import { finding, msg, q, josa } from './lib/util.ts';

/** Container names (regular, init, ephemeral): DNS-1123 labels, unique within the pod. */
export const containerNames: Rule = {
  id: 'container-names',
  severity: 'error',
  description: msg(
    'Container and init container names must be DNS-1123 labels and unique within the pod.',
    '컨테이너와 초기화 컨테이너 이름은 DNS-1123 레이블이어야 하고 파드 안에서 유일해야 한다.',
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      const seen = new Set<string>();
      for (const c of containersOf(pod)) {
        if (!c.name) continue;
        const problem = dns1123Label(c.name);
        if (problem) {
          out.push(finding([...c.path, 'name'], msg(`Container name ${q(c.name)} ${problem.en}.`, `컨테이너 이름 ${josa(q(c.name), '은/는')} ${problem.ko}.`)));
        } else if (seen.has(c.name)) {
          out.push(finding([...c.path, 'name'], msg(
            `Container name ${q(c.name)} is used twice in this pod; names must be unique across containers and init containers.`,
            `컨테이너 이름 ${josa(q(c.name), '이/가')} 이 파드에서 두 번 쓰였다; 이름은 컨테이너와 초기화 컨테이너 전체에서 유일해야 한다.`,
          )));
        }
        seen.add(c.name);
      }
    }
    return out;
  },
};
