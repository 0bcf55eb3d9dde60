import type { Rule, RuleFinding } from '../types.ts';
import { containersOf, INIT_AND_APP_CONTAINERS, podTemplates, POD_TEMPLATE_KINDS } from './lib/pod-templates.ts';
import { finding, has, isInt, josa, missing, msg, obj } from './lib/util.ts';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
/** validateLivenessProbe and validateStartupProbe: a restart decision needs a single success. */
const SINGLE_SUCCESS = new Set<string>(['livenessProbe', 'startupProbe']);

/**
 * validateProbe / validateHandler, validateLivenessProbe and validateStartupProbe (pkg/apis/core/validation),
 * for regular containers and sidecars (init containers with restartPolicy Always); other init containers may
 * not have probes at all. successThreshold 0 is defaulted to 1 (SetDefaults_Probe), so only other values fail.
 */
export const containerProbes: Rule = {
  id: 'container-probes',
  severity: 'error',
  description: msg(
    'A probe has exactly one handler (exec, httpGet, tcpSocket or grpc); livenessProbe and startupProbe need successThreshold 1; init containers other than sidecars (restartPolicy Always) may not have probes.',
    '프로브에는 핸들러(exec, httpGet, tcpSocket, grpc)가 정확히 하나 있어야 한다. livenessProbe와 startupProbe의 successThreshold는 1이어야 한다. 사이드카(restartPolicy Always)가 아닌 init 컨테이너에는 프로브를 쓸 수 없다.',
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      for (const { container, path, list } of containersOf(pod, INIT_AND_APP_CONTAINERS)) {
        const sidecar = list === 'initContainers' && container.restartPolicy === 'Always';
        for (const name of PROBES) {
          if (!has(container, name)) continue;
          const probePath = [...path, name];
          if (list === 'initContainers' && !sidecar) {
            out.push(finding(probePath, msg(
              `${name} may not be set for init containers without restartPolicy: Always (an init container runs to completion; only a sidecar is probed).`,
              `restartPolicy: Always가 아닌 init 컨테이너에는 ${josa(name, '을/를')} 쓸 수 없다(init 컨테이너는 끝까지 실행되고, 사이드카만 프로브된다).`,
            ), { at: 'key' }));
            continue;
          }
          const probe = obj(container[name]);
          if (!probe) continue;
          const handlers = HANDLERS.filter((handler) => has(probe, handler));
          if (handlers.length === 0) {
            out.push(missing(probePath, msg(
              `${name} must specify a handler type: one of ${HANDLERS.join(', ')}.`,
              `${josa(name, '은/는')} 핸들러를 하나 지정해야 한다: ${HANDLERS.join(', ')} 중 하나.`,
            )));
          }
          for (const extra of handlers.slice(1)) {
            out.push(finding([...probePath, extra], msg(
              `${name} may not specify more than 1 handler type: it already has ${handlers[0]}, remove ${extra}.`,
              `${josa(name, '은/는')} 핸들러를 둘 이상 가질 수 없다: 이미 ${josa(handlers[0]!, '이/가')} 있으니 ${josa(extra, '을/를')} 지워야 한다.`,
            ), { at: 'key' }));
          }
          const threshold = probe.successThreshold;
          if (SINGLE_SUCCESS.has(name) && isInt(threshold) && threshold !== 0 && threshold !== 1) {
            out.push(finding([...probePath, 'successThreshold'], msg(
              `${name}.successThreshold must be 1, not ${threshold}: one success is enough to stop a restart (use readinessProbe for a stricter check).`,
              `${name}.successThreshold는 1이어야 한다 (${josa(threshold, '은/는')} 안 된다): 재시작 판단에는 한 번의 성공이면 충분하다(더 엄격한 검사는 readinessProbe로 한다).`,
            )));
          }
        }
      }
    }
    return out;
  },
};
