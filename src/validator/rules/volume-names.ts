import type { Rule, RuleFinding } from '../types.ts';
import { dns1123Label } from './lib/names.ts';
import { POD_TEMPLATE_KINDS, podTemplates, volumesOf } from './lib/pod-templates.ts';
import { finding, msg, q, josa } from './lib/util.ts';

export const volumeNames: Rule = {
  id: 'volume-names',
  severity: 'error',
  description: msg('Pod volume names must be DNS-1123 labels and unique within the pod.', '파드 볼륨 이름은 DNS-1123 레이블이어야 하고 파드 안에서 유일해야 한다.'),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      const seen = new Set<string>();
      for (const v of volumesOf(pod)) {
        if (!v.name) continue;
        const problem = dns1123Label(v.name);
        if (problem) out.push(finding([...v.path, 'name'], msg(`Volume name ${q(v.name)} ${problem.en}.`, `볼륨 이름 ${josa(q(v.name), '은/는')} ${problem.ko}.`)));
        else if (seen.has(v.name)) {
          out.push(finding([...v.path, 'name'], msg(`Volume name ${q(v.name)} is used twice in this pod.`, `볼륨 이름 ${josa(q(v.name), '이/가')} 이 파드에서 두 번 쓰였다.`)));
        }
        seen.add(v.name);
      }
    }
    return out;
  },
};
