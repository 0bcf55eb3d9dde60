import type { Rule } from '../types.ts';
import { dns1123Label } from './lib/names.ts';
import { finding, msg, obj, q, str, josa } from './lib/util.ts';

export const metadataNamespace: Rule = {
  id: 'metadata-namespace',
  severity: 'error',
  description: msg('metadata.namespace, when given, must be a DNS-1123 label.', 'metadata.namespace를 지정하면 DNS-1123 레이블이어야 한다.'),
  check(resource) {
    const namespace = str(obj(resource.object.metadata)?.namespace);
    if (!namespace) return [];
    const problem = dns1123Label(namespace);
    return problem
      ? [finding(['metadata', 'namespace'], msg(`The namespace ${q(namespace)} ${problem.en}.`, `네임스페이스 ${josa(q(namespace), '은/는')} ${problem.ko}.`))]
      : [];
  },
};
