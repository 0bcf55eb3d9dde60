// API groups the Kubernetes API server serves itself. A CustomResourceDefinition cannot add kinds to them (the
// API server serves its own resources there, and a CRD's group must contain a dot, which rules out the core
// group, apps, batch, policy, autoscaling...). So a kind in a built-in group that has no schema is unknown to
// that Kubernetes version, never a custom resource: -ignore-missing-schemas does not skip it.

/** 'rbac.authorization.k8s.io/v1' -> 'rbac.authorization.k8s.io'; 'v1' -> '' (the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/**
 * Built-in groups with no kind in the bundled schemas (alpha-only, or only removed versions left); the others
 * are taken from the schemas and the table of removed APIs.
 */
const GROUPS_WITHOUT_SCHEMAS = ['extensions', 'internal.apiserver.k8s.io', 'storagemigration.k8s.io', 'imagepolicy.k8s.io', 'settings.k8s.io', 'auditregistration.k8s.io'];

/** The built-in groups, from the 'group/version/Kind' keys of a version's schemas and removed APIs. */
export function builtInGroups(gvkKeys: Iterable<string>): Set<string> {
  const groups = new Set(GROUPS_WITHOUT_SCHEMAS);
  for (const key of gvkKeys) groups.add(groupOf(key.slice(0, key.lastIndexOf('/'))));
  return groups;
}

/** Whether no CustomResourceDefinition can define kinds in this apiVersion's group. */
export function cannotHoldCustomResources(apiVersion: string, groups: ReadonlySet<string>): boolean {
  const group = groupOf(apiVersion);
  return groups.has(group) || !group.includes('.');
}
