import type { Rule, RuleFinding } from '../types.ts';
import { portName } from './lib/names.ts';
import { containersOf, POD_TEMPLATE_KINDS, podTemplates } from './lib/pod-templates.ts';
import { arr, finding, isInt, isObj, msg, q, str, josa } from './lib/util.ts';

export function portNumberProblem(value: unknown, field: string): { en: string; ko: string } | null {
  if (!isInt(value)) return null;
  return value >= 1 && value <= 65535
    ? null
    : msg(`${field} ${value} is out of range: it must be between 1 and 65535.`, `${field} ${josa(value, '은/는')} 범위를 벗어났다: 1에서 65535 사이여야 한다.`);
}

/** Container ports: names are IANA_SVC_NAMEs unique within the container; numbers in 1-65535. */
export const containerPorts: Rule = {
  id: 'container-ports',
  severity: 'error',
  description: msg(
    "Container port names must be IANA service names (at most 15 lowercase alphanumerics or '-', at least one letter, no leading, trailing or double '-') and unique within the container; containerPort and hostPort must be 1-65535.",
    "컨테이너 포트 이름은 IANA 서비스 이름(소문자 영숫자와 '-' 15자 이하, 문자 하나 이상, '-'로 시작/끝나거나 연속 불가)이어야 하고 컨테이너 안에서 유일해야 한다. containerPort와 hostPort는 1-65535여야 한다.",
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      for (const c of containersOf(pod)) {
        const seen = new Set<string>();
        arr(c.container.ports).forEach((port, i) => {
          if (!isObj(port)) return;
          const path = [...c.path, 'ports', i];
          const name = str(port.name);
          if (name) {
            const problem = portName(name);
            if (problem) out.push(finding([...path, 'name'], msg(`Port name ${q(name)} ${problem.en}.`, `포트 이름 ${josa(q(name), '은/는')} ${problem.ko}.`)));
            else if (seen.has(name)) {
              out.push(finding([...path, 'name'], msg(`Port name ${q(name)} is used twice in this container.`, `포트 이름 ${josa(q(name), '이/가')} 이 컨테이너에서 두 번 쓰였다.`)));
            }
            seen.add(name);
          }
          for (const field of ['containerPort', 'hostPort']) {
            if (field === 'hostPort' && port.hostPort === 0) continue;
            const problem = portNumberProblem(port[field], field);
            if (problem) out.push(finding([...path, field], problem));
          }
        });
      }
    }
    return out;
  },
};
