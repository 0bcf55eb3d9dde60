import type { Rule, RuleFinding } from '../types.ts';
import { RBAC_BINDINGS, RBAC_GROUP } from './lib/rbac.ts';
import { dns1123Subdomain } from './lib/names.ts';
import { arr, finding, isObj, missing, msg, q, str, josa } from './lib/util.ts';

const KINDS = ['ServiceAccount', 'User', 'Group'];

/** ValidateRoleBindingSubject (after defaulting, which fills apiGroup for User and Group). */
export const rbacSubjects: Rule = {
  id: 'rbac-subjects',
  severity: 'error',
  description: msg(
    `Binding subjects: kind ServiceAccount (apiGroup "", a valid ServiceAccount name, and a namespace in a ClusterRoleBinding), User or Group (apiGroup ${RBAC_GROUP}).`,
    `바인딩의 subjects: kind는 ServiceAccount(apiGroup "", 올바른 ServiceAccount 이름, ClusterRoleBinding에서는 namespace 필요), User 또는 Group(apiGroup ${RBAC_GROUP})이어야 한다.`,
  ),
  appliesTo: RBAC_BINDINGS,
  check(resource) {
    const out: RuleFinding[] = [];
    arr(resource.object.subjects).forEach((subject, i) => {
      if (!isObj(subject)) return;
      const path = ['subjects', i];
      const kind = str(subject.kind);
      const apiGroup = str(subject.apiGroup) ?? '';
      const name = str(subject.name);
      if (kind === 'ServiceAccount') {
        if (apiGroup !== '') {
          out.push(finding([...path, 'apiGroup'], msg(
            `A ServiceAccount subject belongs to the core group: apiGroup must be "" (or omitted), not ${q(apiGroup)}.`,
            `ServiceAccount subject는 코어 그룹에 속한다: apiGroup은 ""이거나 생략해야 한다 (${josa(q(apiGroup), '은/는')} 안 된다).`,
          )));
        }
        if (name) {
          const problem = dns1123Subdomain(name);
          if (problem) out.push(finding([...path, 'name'], msg(`ServiceAccount name ${q(name)} ${problem.en}.`, `ServiceAccount 이름 ${josa(q(name), '은/는')} ${problem.ko}.`)));
        }
        if (resource.kind === 'ClusterRoleBinding' && !str(subject.namespace)) {
          out.push(missing(path, msg(
            'A ServiceAccount subject of a ClusterRoleBinding needs a namespace.',
            'ClusterRoleBinding의 ServiceAccount subject에는 namespace가 필요하다.',
          )));
        }
      } else if (kind === 'User' || kind === 'Group') {
        if (apiGroup !== '' && apiGroup !== RBAC_GROUP) {
          out.push(finding([...path, 'apiGroup'], msg(
            `A ${kind} subject needs apiGroup ${q(RBAC_GROUP)}, not ${q(apiGroup)}.`,
            `${kind} subject의 apiGroup은 ${q(RBAC_GROUP)}여야 한다 (${josa(q(apiGroup), '은/는')} 안 된다).`,
          )));
        }
      } else if (kind !== undefined) {
        out.push(finding([...path, 'kind'], msg(
          `Subject kind ${q(kind)} is not supported: use ${KINDS.join(', ')}.`,
          `subject kind ${josa(q(kind), '은/는')} 지원되지 않는다: ${KINDS.join(', ')} 중 하나를 써야 한다.`,
        )));
      }
    });
    return out;
  },
};
