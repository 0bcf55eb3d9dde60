import type { Rule, RuleFinding } from '../types.ts';
import { portName } from './lib/names.ts';
import { containersOf, POD_TEMPLATE_KINDS, podTemplates } from './lib/pod-templates.ts';
import { portNumberProblem, portNumOrNameProblem } from './lib/ports.ts';
import { arr, finding, isObj, josa, msg, obj, q, str, type Obj, type Path } from './lib/util.ts';

/** Probes and lifecycle hooks, whose httpGet/tcpSocket port is a number or a container port name. */
function handlersOf(container: Obj, path: Path): { handler: Obj; path: Path }[] {
  const out: { handler: Obj; path: Path }[] = [];
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const handler = obj(container[probe]);
    if (handler) out.push({ handler, path: [...path, probe] });
  }
  const lifecycle = obj(container.lifecycle);
  for (const hook of ['postStart', 'preStop']) {
    const handler = obj(lifecycle?.[hook]);
    if (handler) out.push({ handler, path: [...path, 'lifecycle', hook] });
  }
  return out;
}

/** Container ports: names are IANA_SVC_NAMEs unique within the container; numbers in 1-65535. */
export const containerPorts: Rule = {
  id: 'container-ports',
  severity: 'error',
  description: msg(
    "Container port names must be IANA service names (at most 15 lowercase alphanumerics or '-', at least one letter, no leading, trailing or double '-') and unique within the container; containerPort and hostPort must be 1-65535; a probe or lifecycle httpGet/tcpSocket port is a number 1-65535 (unquoted) or such a name.",
    "컨테이너 포트 이름은 IANA 서비스 이름(소문자 영숫자와 '-' 15자 이하, 문자 하나 이상, '-'로 시작/끝나거나 연속 불가)이어야 하고 컨테이너 안에서 유일해야 한다. containerPort와 hostPort는 1-65535여야 한다. 프로브나 lifecycle의 httpGet/tcpSocket port는 따옴표 없는 1-65535 숫자이거나 그런 이름이어야 한다.",
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
        for (const { handler, path } of handlersOf(c.container, c.path)) {
          for (const action of ['httpGet', 'tcpSocket']) {
            const target = obj(handler[action]);
            if (!target) continue;
            const problem = portNumOrNameProblem(target.port, `${action}.port`);
            if (problem) out.push(finding([...path, action, 'port'], problem));
          }
        }
      }
    }
    return out;
  },
};
