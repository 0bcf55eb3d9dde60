import type { Rule, RuleFinding } from '../types.ts';
import { RBAC_BINDINGS, RBAC_GROUP } from './lib/rbac.ts';
import { pathSegmentName } from './lib/names.ts';
import { finding, missing, msg, obj, q, str, josa } from './lib/util.ts';


/** ValidateRoleBinding / ValidateClusterRoleBinding: roleRef. */
export const rbacRoleRef: Rule = {
  id: 'rbac-role-ref',
  severity: 'error',
  description: msg(
    `A RoleBinding roleRef needs apiGroup ${RBAC_GROUP}, kind Role or ClusterRole, and a name; a ClusterRoleBinding can only refer to a ClusterRole.`,
    `RoleBinding의 roleRef에는 apiGroup ${RBAC_GROUP}, kind Role 또는 ClusterRole, 그리고 name이 필요하다. ClusterRoleBinding은 ClusterRole만 가리킬 수 있다.`,
  ),
  appliesTo: RBAC_BINDINGS,
  check(resource) {
    const roleRef = obj(resource.object.roleRef);
    if (!roleRef) return [];
    const out: RuleFinding[] = [];
    const path = ['roleRef'];
    const apiGroup = str(roleRef.apiGroup);
    if (apiGroup !== undefined && apiGroup !== RBAC_GROUP) {
      out.push(finding([...path, 'apiGroup'], msg(
        `roleRef.apiGroup must be ${q(RBAC_GROUP)}, not ${q(apiGroup)}.`,
        `roleRef.apiGroup은 ${q(RBAC_GROUP)}여야 한다 (${josa(q(apiGroup), '은/는')} 안 된다).`,
      )));
    }
    const kind = str(roleRef.kind);
    const allowed = resource.kind === 'ClusterRoleBinding' ? ['ClusterRole'] : ['Role', 'ClusterRole'];
    if (kind !== undefined && !allowed.includes(kind)) {
      out.push(finding([...path, 'kind'], resource.kind === 'ClusterRoleBinding'
        ? msg(`A ClusterRoleBinding can only refer to a ClusterRole, not ${q(kind)}.`, `ClusterRoleBinding은 ClusterRole만 가리킬 수 있다 (${josa(q(kind), '은/는')} 안 된다).`)
        : msg(`roleRef.kind must be Role or ClusterRole, not ${q(kind)}.`, `roleRef.kind는 Role이나 ClusterRole이어야 한다 (${josa(q(kind), '은/는')} 안 된다).`)));
    }
    const name = str(roleRef.name);
    if (!name) {
      out.push(missing(path, msg('roleRef.name is required.', 'roleRef.name이 필요하다.')));
    } else {
      const problem = pathSegmentName(name);
      if (problem) out.push(finding([...path, 'name'], msg(`roleRef.name ${q(name)} ${problem.en}.`, `roleRef.name ${josa(q(name), '은/는')} ${problem.ko}.`)));
    }
    return out;
  },
};
