import type { Rule, RuleFinding } from '../types.ts';
import { SERVICE, serviceView } from './lib/service.ts';
import { finding, isInt, msg, josa } from './lib/util.ts';

/** The default --service-node-port-range; clusters may change it, hence a warning. */
export const NODE_PORT_RANGE = [30000, 32767] as const;

export const serviceNodePortRange: Rule = {
  id: 'service-node-port-range',
  severity: 'warning',
  description: msg(
    'A nodePort outside 30000-32767 (the API server default --service-node-port-range) is rejected unless the cluster changed the range.',
    '30000-32767(API 서버 기본 --service-node-port-range) 밖의 nodePort는 클러스터가 범위를 바꾸지 않았다면 거부된다.',
  ),
  appliesTo: SERVICE,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const { port, path } of serviceView(resource)?.ports ?? []) {
      const nodePort = port.nodePort;
      if (isInt(nodePort) && nodePort !== 0 && (nodePort < NODE_PORT_RANGE[0] || nodePort > NODE_PORT_RANGE[1])) {
        out.push(finding([...path, 'nodePort'], msg(
          `nodePort ${nodePort} is outside the default range ${NODE_PORT_RANGE[0]}-${NODE_PORT_RANGE[1]}; the API server rejects it unless the cluster's --service-node-port-range includes it.`,
          `nodePort ${josa(nodePort, '은/는')} 기본 범위 ${NODE_PORT_RANGE[0]}-${NODE_PORT_RANGE[1]} 밖이다; 클러스터의 --service-node-port-range가 포함하지 않으면 API 서버가 거부한다.`,
        )));
      }
    }
    return out;
  },
};
