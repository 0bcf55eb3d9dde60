// API-server behaviour that changed between the bundled Kubernetes versions, in one place: each entry names the
// first minor version whose default API server behaves the new way (a feature GA, or beta and on by default).
import type { RuleContext } from '../../types.ts';

export const SINCE = {
  /** RelaxedEnvironmentVariableValidation (KEP-4369): alpha 1.30 (off), beta 1.32 (on by default), GA 1.34. */
  relaxedEnvVarNames: 32,
  /** PodLevelResources (KEP-2837): Pod spec.resources, alpha 1.32 (off), beta 1.34 (on by default). */
  podLevelResources: 34,
} as const;

/** Whether the run's version (default: the newest bundled) is at least 1.<minor>. */
export function atLeast(context: RuleContext | undefined, minor: number): boolean {
  return context === undefined || Number(context.kubernetesVersion.split('.')[1]) >= minor;
}
