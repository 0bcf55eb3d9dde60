import type { Rule, RuleFinding } from '../types.ts';
import { dns1123Subdomain } from './lib/names.ts';
import { SERVICE, serviceView } from './lib/service.ts';
import { arr, finding, missing, msg, q, str, josa } from './lib/util.ts';

/** type ExternalName: externalName required (a DNS-1123 subdomain, one trailing dot allowed), no clusterIP(s). */
export const serviceExternalName: Rule = {
  id: 'service-external-name',
  severity: 'error',
  description: msg(
    'A Service of type ExternalName needs spec.externalName (a DNS-1123 subdomain, optionally with a trailing dot) and must not set clusterIP or clusterIPs, not even None.',
    'ExternalName 유형 Service에는 spec.externalName(DNS-1123 서브도메인, 끝의 점 하나 허용)이 필요하고 clusterIP나 clusterIPs를 지정할 수 없다(None도 안 된다).',
  ),
  appliesTo: SERVICE,
  check(resource) {
    const view = serviceView(resource);
    if (!view || view.type !== 'ExternalName') return [];
    const out: RuleFinding[] = [];
    const externalName = str(view.spec.externalName);
    const cname = externalName?.endsWith('.') ? externalName.slice(0, -1) : externalName;
    if (!cname) {
      out.push(missing(['spec'], msg(
        'type ExternalName requires spec.externalName, the DNS name the Service is an alias (CNAME) for.',
        'ExternalName 유형에는 Service가 별칭(CNAME)으로 가리킬 DNS 이름인 spec.externalName이 필요하다.',
      )));
    } else {
      const problem = dns1123Subdomain(cname);
      if (problem) out.push(finding(['spec', 'externalName'], msg(`externalName ${q(externalName)} ${problem.en}.`, `externalName ${josa(q(externalName), '은/는')} ${problem.ko}.`)));
    }
    if (view.clusterIP) {
      out.push(finding(['spec', 'clusterIP'], msg(
        `clusterIP ${q(view.clusterIP)} may not be set for an ExternalName Service (it has no cluster IP, not even None).`,
        `ExternalName Service에는 clusterIP ${josa(q(view.clusterIP), '을/를')} 지정할 수 없다 (클러스터 IP가 없으며 None도 안 된다).`,
      )));
    }
    if (arr(view.spec.clusterIPs).length > 0) {
      out.push(finding(['spec', 'clusterIPs'], msg('clusterIPs may not be set for an ExternalName Service.', 'ExternalName Service에는 clusterIPs를 지정할 수 없다.')));
    }
    return out;
  },
};
