export const RBAC_GROUP = 'rbac.authorization.k8s.io';
export const RBAC_BINDINGS = [`${RBAC_GROUP}/v1/RoleBinding`, `${RBAC_GROUP}/v1/ClusterRoleBinding`];
