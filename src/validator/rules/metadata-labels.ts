import type { Rule, RuleFinding } from '../types.ts';
import { metadataBlocks } from './lib/metadata.ts';
import { labelValue, qualifiedName } from './lib/names.ts';
import { entries, finding, msg, q, josa } from './lib/util.ts';

/** Label keys are qualified names, values at most 63 characters of [A-Za-z0-9-_.]. */
export const metadataLabels: Rule = {
  id: 'metadata-labels',
  severity: 'error',
  description: msg(
    'Label keys must be qualified names (an optional DNS subdomain prefix and "/", then at most 63 characters); values at most 63 alphanumerics, "-", "_" or "." that start and end alphanumeric.',
    '레이블 키는 한정된 이름(선택적 DNS 서브도메인 접두사와 "/", 그 뒤 63자 이하)이어야 하고, 값은 영숫자로 시작하고 끝나는 63자 이하의 영숫자, "-", "_", "."여야 한다.',
  ),
  check(resource) {
    const out: RuleFinding[] = [];
    for (const block of metadataBlocks(resource)) {
      for (const [key, value] of entries(block.metadata.labels)) {
        const path = [...block.path, 'labels', key];
        const keyProblem = qualifiedName(key);
        if (keyProblem) out.push(finding(path, msg(`Label key ${q(key)} is invalid: ${keyProblem.en}.`, `레이블 키 ${josa(q(key), '이/가')} 올바르지 않다: ${keyProblem.ko}.`), { at: 'key' }));
        if (typeof value === 'string') {
          const valueProblem = labelValue(value);
          if (valueProblem) out.push(finding(path, msg(`Label value ${q(value)} ${valueProblem.en}.`, `레이블 값 ${josa(q(value), '은/는')} ${valueProblem.ko}.`)));
        }
      }
    }
    return out;
  },
};
