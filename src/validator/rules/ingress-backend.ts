import type { Rule, RuleFinding } from '../types.ts';
import { dns1035Label, portName } from './lib/names.ts';
import { INGRESS, ingressBackends } from './lib/ingress.ts';
import { finding, has, isInt, missing, msg, obj, q, str, josa } from './lib/util.ts';

/** validateIngressBackend: exactly one of service/resource; a service port by exactly one of name/number. */
export const ingressBackend: Rule = {
  id: 'ingress-backend',
  severity: 'error',
  description: msg(
    'An Ingress backend needs exactly one of service or resource; a service backend needs a valid Service name and exactly one of port.name or port.number (1-65535).',
    'Ingress 백엔드에는 service와 resource 중 정확히 하나가 있어야 한다. service 백엔드에는 올바른 Service 이름과, port.name과 port.number(1-65535) 중 정확히 하나가 필요하다.',
  ),
  appliesTo: INGRESS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const { path, value } of ingressBackends(resource)) {
      const hasService = has(value, 'service');
      const hasResource = has(value, 'resource');
      if (hasService && hasResource) {
        out.push(finding(path, msg('A backend cannot set both service and resource.', '백엔드에 service와 resource를 함께 쓸 수 없다.'), { at: 'key' }));
        continue;
      }
      if (!hasService && !hasResource) {
        out.push(missing(path, msg('A backend needs a service (or a resource).', '백엔드에는 service(또는 resource)가 필요하다.')));
        continue;
      }
      const service = obj(value.service);
      if (!service) continue;
      const servicePath = [...path, 'service'];
      const name = str(service.name);
      if (name) {
        const problem = dns1035Label(name);
        if (problem) out.push(finding([...servicePath, 'name'], msg(`Service name ${q(name)} ${problem.en}.`, `Service 이름 ${josa(q(name), '은/는')} ${problem.ko}.`)));
      }
      const port = obj(service.port);
      const portNameValue = str(port?.name);
      const hasName = Boolean(portNameValue);
      const hasNumber = port !== undefined && port.number !== undefined && port.number !== null && port.number !== 0;
      if (hasName && hasNumber) {
        out.push(finding([...servicePath, 'port'], msg(
          'A service backend port sets both name and number: keep exactly one.',
          'service 백엔드 port에 name과 number가 모두 있다: 하나만 남겨야 한다.',
        ), { at: 'key' }));
      } else if (!hasName && !hasNumber) {
        out.push(missing(port ? [...servicePath, 'port'] : servicePath, msg(
          'A service backend needs port.name or port.number.',
          'service 백엔드에는 port.name이나 port.number가 필요하다.',
        )));
      } else if (portNameValue) {
        const problem = portName(portNameValue);
        if (problem) out.push(finding([...servicePath, 'port', 'name'], msg(`Port name ${q(portNameValue)} ${problem.en}.`, `포트 이름 ${josa(q(portNameValue), '은/는')} ${problem.ko}.`)));
      } else if (isInt(port?.number) && (port.number < 1 || port.number > 65535)) {
        out.push(finding([...servicePath, 'port', 'number'], msg(
          `Port number ${port.number} is out of range: it must be between 1 and 65535.`,
          `포트 번호 ${josa(port.number, '은/는')} 범위를 벗어났다: 1에서 65535 사이여야 한다.`,
        )));
      }
    }
    return out;
  },
};
