import type { Rule, RuleFinding } from '../types.ts';
import { dns1123Label } from './lib/names.ts';
import { portNumberProblem, portNumOrNameProblem } from './lib/ports.ts';
import { SERVICE, serviceView } from './lib/service.ts';
import { finding, isInt, missing, msg, q, str, josa } from './lib/util.ts';

/** ValidateService / validateServicePort: port names, numbers, targetPorts and duplicates. */
export const servicePorts: Rule = {
  id: 'service-ports',
  severity: 'error',
  description: msg(
    'Service ports: at least one unless headless or ExternalName; names required and unique when there is more than one port, and DNS-1123 labels; port and numeric targetPort 1-65535, named targetPort an IANA service name; no duplicate port/protocol or nodePort/protocol pairs; no nodePort on a ClusterIP Service.',
    'Service 포트: 헤드리스나 ExternalName이 아니면 하나 이상 필요하다. 포트가 둘 이상이면 이름이 필수이고 유일해야 하며 DNS-1123 레이블이어야 한다. port와 숫자 targetPort는 1-65535, 이름 targetPort는 IANA 서비스 이름이어야 한다. port/protocol, nodePort/protocol 쌍은 중복될 수 없고, ClusterIP Service에는 nodePort를 쓸 수 없다.',
  ),
  appliesTo: SERVICE,
  check(resource) {
    const view = serviceView(resource);
    if (!view) return [];
    const out: RuleFinding[] = [];
    if (view.ports.length === 0 && !view.headless && view.type !== 'ExternalName') {
      out.push(missing(['spec'], msg(
        'A Service needs at least one entry in spec.ports (unless it is headless, clusterIP: None, or of type ExternalName).',
        'Service에는 spec.ports 항목이 하나 이상 필요하다 (헤드리스(clusterIP: None)나 ExternalName 유형은 예외).',
      )));
    }
    const names = new Set<string>();
    const portKeys = new Set<string>();
    const nodePortKeys = new Set<string>();
    for (const { port, path } of view.ports) {
      const name = str(port.name);
      if (view.ports.length > 1 && !name) {
        out.push(missing(path, msg(
          'Every port needs a name when a Service has more than one port.',
          'Service에 포트가 둘 이상이면 모든 포트에 name이 필요하다.',
        )));
      } else if (name) {
        const problem = dns1123Label(name);
        if (problem) out.push(finding([...path, 'name'], msg(`Port name ${q(name)} ${problem.en}.`, `포트 이름 ${josa(q(name), '은/는')} ${problem.ko}.`)));
        else if (names.has(name)) out.push(finding([...path, 'name'], msg(`Port name ${q(name)} is used twice.`, `포트 이름 ${josa(q(name), '이/가')} 두 번 쓰였다.`)));
        names.add(name);
      }
      const portProblem = portNumberProblem(port.port, 'port');
      if (portProblem) out.push(finding([...path, 'port'], portProblem));
      const protocol = str(port.protocol) || 'TCP'; // "" is defaulted like an omitted protocol
      if (isInt(port.port)) {
        const key = `${port.port}/${protocol}`;
        if (portKeys.has(key)) out.push(finding(path, msg(`Port ${key} is listed twice.`, `포트 ${josa(key, '이/가')} 두 번 나온다.`), { at: 'key' }));
        portKeys.add(key);
      }
      // targetPort 0 or "" is defaulted to port.
      if (port.targetPort !== 0) {
        const problem = portNumOrNameProblem(port.targetPort, 'targetPort');
        if (problem) out.push(finding([...path, 'targetPort'], problem));
      }
      if (isInt(port.nodePort) && port.nodePort !== 0) {
        if (view.type === 'ClusterIP') {
          out.push(finding([...path, 'nodePort'], msg(
            'nodePort may not be used when type is ClusterIP: use type NodePort or LoadBalancer, or remove nodePort.',
            'type이 ClusterIP이면 nodePort를 쓸 수 없다: type을 NodePort나 LoadBalancer로 하거나 nodePort를 지워야 한다.',
          )));
        }
        const key = `${port.nodePort}/${protocol}`;
        if (nodePortKeys.has(key)) out.push(finding([...path, 'nodePort'], msg(`nodePort ${key} is used twice.`, `nodePort ${josa(key, '이/가')} 두 번 쓰였다.`)));
        nodePortKeys.add(key);
      }
    }
    return out;
  },
};
