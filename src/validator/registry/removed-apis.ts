// Group/version/kinds the Kubernetes API server no longer serves, with the release that stopped serving
// them and what to use instead. Source: the Kubernetes "Deprecated API Migration Guide"
// (kubernetes.io/docs/reference/using-api/deprecation-guide/), sections v1.16, v1.22, v1.25, v1.26, v1.27,
// v1.29 and v1.32. Kinds the guide does not name but whose whole group/version went away in the same
// release (ControllerRevision, Scale, DeploymentRollback, Eviction, SelfSubjectRulesReview, extensions
// PodSecurityPolicy) are listed with that release. No API shipped by kubernetes-models@5.1.0 was removed
// in v1.33-v1.36.
//
// `<Kind>List` of every entry is removed too, except for kinds that never had a list type (subresources and
// create-only reviews, see KINDS_WITHOUT_LIST). The schema generator refuses to run if
// kubernetes-models ships a non-GA version that is neither here nor known to be served, so a dependency
// bump cannot silently turn a removed API into a "valid" one.

export interface RemovedApi {
  apiVersion: string;
  kind: string;
  /** Kubernetes minor release that stopped serving it ('1.25'). */
  removedIn: string;
  /** What to use instead: 'batch/v1 CronJob', or a feature name when there is no replacement API. */
  replacement: string;
}

const POD_SECURITY_ADMISSION = 'Pod Security Admission';
const ROLLBACK = 'kubectl rollout undo (the rollback subresource was removed)';

// [apiVersion, kinds, removedIn, replacement apiVersion or full replacement]
const TABLE: Array<[string, string[], string, string]> = [
  // v1.16
  ['extensions/v1beta1', ['DaemonSet', 'Deployment', 'ReplicaSet'], '1.16', 'apps/v1'],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1'],
  ['extensions/v1beta1', ['PodSecurityPolicy'], '1.16', POD_SECURITY_ADMISSION],
  ['extensions/v1beta1', ['Scale'], '1.16', 'autoscaling/v1'],
  ['extensions/v1beta1', ['DeploymentRollback'], '1.16', ROLLBACK],
  ['apps/v1beta1', ['ControllerRevision', 'Deployment', 'StatefulSet'], '1.16', 'apps/v1'],
  ['apps/v1beta1', ['Scale'], '1.16', 'autoscaling/v1'],
  ['apps/v1beta1', ['DeploymentRollback'], '1.16', ROLLBACK],
  ['apps/v1beta2', ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'], '1.16', 'apps/v1'],
  ['apps/v1beta2', ['Scale'], '1.16', 'autoscaling/v1'],
  // v1.22
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.22', 'admissionregistration.k8s.io/v1'],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.22', 'apiextensions.k8s.io/v1'],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.22', 'apiregistration.k8s.io/v1'],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.22', 'authentication.k8s.io/v1'],
  ['authorization.k8s.io/v1beta1', ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'], '1.22', 'authorization.k8s.io/v1'],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.22', 'certificates.k8s.io/v1'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1'],
  ['extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1'],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.22', 'networking.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.22', 'storage.k8s.io/v1'],
  // v1.25
  ['batch/v1beta1', ['CronJob'], '1.25', 'batch/v1'],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1'],
  ['events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1'],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2'],
  ['policy/v1beta1', ['Eviction', 'PodDisruptionBudget'], '1.25', 'policy/v1'],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.25', POD_SECURITY_ADMISSION],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1'],
  // v1.26
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', 'flowcontrol.apiserver.k8s.io/v1'],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2'],
  // v1.27
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1'],
  // v1.29
  ['flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', 'flowcontrol.apiserver.k8s.io/v1'],
  // v1.32
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.32', 'flowcontrol.apiserver.k8s.io/v1'],
];

/** Request-only kinds: the API never had `<Kind>List` for them. */
const KINDS_WITHOUT_LIST = new Set([
  'DeploymentRollback',
  'Eviction',
  'LocalSubjectAccessReview',
  'Scale',
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'SubjectAccessReview',
  'TokenReview',
]);

function isApiVersion(text: string): boolean {
  return /^([a-z0-9.-]+\/)?v\d+([a-z]+\d+)?$/.test(text);
}

/** Every removed kind, its List kind included, keyed by `apiVersion/Kind`. */
export const REMOVED_APIS: ReadonlyMap<string, RemovedApi> = (() => {
  const map = new Map<string, RemovedApi>();
  for (const [apiVersion, kinds, removedIn, target] of TABLE) {
    for (const kind of kinds) {
      for (const k of KINDS_WITHOUT_LIST.has(kind) ? [kind] : [kind, `${kind}List`]) {
        const replacement = isApiVersion(target) ? `${target} ${k}` : target;
        map.set(`${apiVersion}/${k}`, { apiVersion, kind: k, removedIn, replacement });
      }
    }
  }
  return map;
})();

/** The removal record for a group/version/kind; kind is matched case-insensitively like schema lookup. */
export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_BY_LOWER_KEY.get(`${apiVersion}/${kind}`.toLowerCase());
}

const REMOVED_BY_LOWER_KEY = new Map([...REMOVED_APIS].map(([key, value]) => [key.toLowerCase(), value]));
