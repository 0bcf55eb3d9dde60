import type { Rule, RuleFinding } from '../types.ts';
import { checkName, nameFormatFor } from './lib/names.ts';
import { finding, missing, msg, obj, q, str, josa } from './lib/util.ts';

/** metadata.name (or generateName) present and in the format the kind requires. */
export const metadataName: Rule = {
  id: 'metadata-name',
  severity: 'error',
  description: msg(
    'metadata.name (or generateName) is required and must have the format of its kind: a DNS-1123 subdomain for most kinds, a DNS-1035 label for a Service, a DNS-1123 label for a Namespace or StatefulSet, a path segment for RBAC kinds.',
    'metadata.name(또는 generateName)은 필수이며 종류에 맞는 형식이어야 한다: 대부분 DNS-1123 서브도메인, Service는 DNS-1035 레이블, Namespace와 StatefulSet은 DNS-1123 레이블, RBAC 종류는 경로 세그먼트 이름이다.',
  ),
  check(resource) {
    const out: RuleFinding[] = [];
    const metadata = obj(resource.object.metadata);
    const name = str(metadata?.name);
    const generateName = str(metadata?.generateName);
    const format = nameFormatFor(resource.apiVersion, resource.kind);
    if (!name && !generateName) {
      out.push(missing(metadata ? ['metadata'] : [], msg(
        `metadata.name is required (or metadata.generateName, to let the API server add a random suffix).`,
        `metadata.name이 필요하다 (또는 API 서버가 임의의 접미사를 붙이도록 metadata.generateName을 쓴다).`,
      )));
      return out;
    }
    if (name) {
      const problem = checkName(format, name);
      if (problem) {
        out.push(finding(['metadata', 'name'], msg(
          `The name ${q(name)} of a ${resource.kind} ${problem.en}.`,
          `${resource.kind}의 이름 ${josa(q(name), '은/는')} ${problem.ko}.`,
        )));
      }
    } else if (generateName) {
      // The API server checks the prefix as if the random suffix followed it, so a trailing "-" is fine.
      const masked = generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName;
      const problem = checkName(format, masked);
      if (problem) {
        out.push(finding(['metadata', 'generateName'], msg(
          `generateName ${q(generateName)} (the API server appends a random suffix to it) ${problem.en}.`,
          `generateName ${josa(q(generateName), '은/는')} (API 서버가 뒤에 임의의 접미사를 붙인다) ${problem.ko}.`,
        )));
      }
    }
    return out;
  },
};
