// The API-server rules: checks a JSON Schema cannot express but the Kubernetes 1.36 API server rejects,
// plus a few clearly-labelled best-practice warnings (ids starting with "best-practice-").
import type { CrossResourceRule, Lang, Resource, Rule, RuleContext, RuleFinding, Severity } from '../types.ts';
import { bestPracticeImageTag } from './best-practice-image-tag.ts';
import { bestPracticeResources } from './best-practice-resources.ts';
import { containerNames } from './container-names.ts';
import { containerPorts } from './container-ports.ts';
import { containerProbes } from './container-probes.ts';
import { cronjobNameLength } from './cronjob-name-length.ts';
import { cronjobSchedule } from './cronjob-schedule.ts';
import { cronjobTimeZone } from './cronjob-time-zone.ts';
import { daemonsetUpdateStrategy } from './daemonset-update-strategy.ts';
import { deploymentProgressDeadline } from './deployment-progress-deadline.ts';
import { deploymentStrategy } from './deployment-strategy.ts';
import { downwardApiEnv } from './downward-api-env.ts';
import { downwardApiVolume } from './downward-api-volume.ts';
import { envNames } from './env-names.ts';
import { ingressBackend } from './ingress-backend.ts';
import { ingressClassAnnotation } from './ingress-class-annotation.ts';
import { ingressPaths } from './ingress-paths.ts';
import { ingressRulesOrDefaultBackend } from './ingress-rules-or-default-backend.ts';
import { jobIndexed } from './job-indexed.ts';
import { jobRestartPolicy } from './job-restart-policy.ts';
import { metadataAnnotations } from './metadata-annotations.ts';
import { metadataLabels } from './metadata-labels.ts';
import { metadataName } from './metadata-name.ts';
import { metadataNamespace } from './metadata-namespace.ts';
import { nonNegativeFields } from './non-negative-fields.ts';
import { pdbMinMax } from './pdb-min-max.ts';
import { rbacRoleRef } from './rbac-role-ref.ts';
import { rbacSubjects } from './rbac-subjects.ts';
import { resourceRequestsWithinLimits } from './resource-requests-within-limits.ts';
import { serviceClusterIpNone } from './service-cluster-ip-none.ts';
import { serviceExternalName } from './service-external-name.ts';
import { serviceExternalNameSelector } from './service-external-name-selector.ts';
import { serviceNodePortRange } from './service-node-port-range.ts';
import { servicePorts } from './service-ports.ts';
import { statefulsetHeadlessService } from './statefulset-headless-service.ts';
import { statefulsetPolicies } from './statefulset-policies.ts';
import { statefulsetUpdateStrategy } from './statefulset-update-strategy.ts';
import { volumeMounts } from './volume-mounts.ts';
import { volumeNames } from './volume-names.ts';
import { workloadActiveDeadline } from './workload-active-deadline.ts';
import { workloadRestartPolicy } from './workload-restart-policy.ts';
import { workloadSelector } from './workload-selector.ts';

/** Single-resource rules: API-server errors first, best-practice warnings last. */
export const rules: Rule[] = [
  metadataName,
  metadataNamespace,
  metadataLabels,
  metadataAnnotations,
  jobRestartPolicy,
  jobIndexed,
  workloadRestartPolicy,
  workloadActiveDeadline,
  workloadSelector,
  containerNames,
  containerPorts,
  containerProbes,
  volumeNames,
  volumeMounts,
  envNames,
  downwardApiEnv,
  downwardApiVolume,
  resourceRequestsWithinLimits,
  nonNegativeFields,
  cronjobSchedule,
  cronjobNameLength,
  cronjobTimeZone,
  deploymentStrategy,
  deploymentProgressDeadline,
  statefulsetUpdateStrategy,
  daemonsetUpdateStrategy,
  statefulsetPolicies,
  pdbMinMax,
  servicePorts,
  serviceExternalName,
  serviceClusterIpNone,
  serviceNodePortRange,
  serviceExternalNameSelector,
  ingressRulesOrDefaultBackend,
  ingressPaths,
  ingressBackend,
  ingressClassAnnotation,
  rbacRoleRef,
  rbacSubjects,
  bestPracticeImageTag,
  bestPracticeResources,
];

export const crossResourceRules: CrossResourceRule[] = [statefulsetHeadlessService];

export type RuleResult = RuleFinding & { resource: Resource; rule: string; severity: Severity };

const appliesToSets = new WeakMap<readonly string[], Set<string>>();

function appliesToSet(appliesTo: readonly string[]): Set<string> {
  let set = appliesToSets.get(appliesTo);
  if (!set) appliesToSets.set(appliesTo, (set = new Set(appliesTo)));
  return set;
}

/** Whether an appliesTo entry ('Kind' or 'group/version/Kind', core group as 'v1/Kind') matches the resource. */
export function ruleApplies(rule: Pick<Rule, 'appliesTo'>, resource: Resource, gvk = `${resource.apiVersion}/${resource.kind}`): boolean {
  if (!rule.appliesTo) return true;
  const set = appliesToSet(rule.appliesTo);
  return set.has(resource.kind) || set.has(gvk);
}

/** A rule that throws is a bug in the rule, not in the manifest: report it rather than crash the run. */
function crashFinding(ruleId: string, error: unknown): RuleFinding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    path: [],
    at: 'key',
    message: {
      en: `internal error in rule ${ruleId} (please report it): ${detail}`,
      ko: `규칙 ${ruleId} 내부 오류(보고 바람): ${detail}`,
    },
  };
}

// The rules that apply to a group/version/kind, worked out once per kind rather than once per resource (and
// again whenever the list of rules changes: tests add rules of their own).
const rulesByGvk = new Map<string, Rule[]>();
let rulesSeen: Rule[] = [];

function forgetChangedRules(): void {
  if (rulesSeen.length === rules.length && rulesSeen.every((rule, i) => rule === rules[i])) return;
  rulesByGvk.clear();
  rulesSeen = [...rules];
}

function rulesFor(resource: Resource, gvk: string): Rule[] {
  let list = rulesByGvk.get(gvk);
  if (!list) {
    list = rules.filter((rule) => ruleApplies(rule, resource, gvk));
    if (rulesByGvk.size < 1024) rulesByGvk.set(gvk, list); // bounded: kinds come from the input
  }
  return list;
}

/** Runs every applicable rule on every resource, then the cross-resource rules over the whole run. */
export function runRules(resources: Resource[], context?: RuleContext): RuleResult[] {
  const out = runSingleResourceRules(resources, context);
  for (const rule of crossResourceRules) {
    let findings: Array<RuleFinding & { resource: Resource }>;
    try {
      findings = rule.checkAll(resources);
    } catch (error) {
      findings = resources.length > 0 ? [{ ...crashFinding(rule.id, error), severity: 'error', resource: resources[0]! }] : [];
    }
    for (const f of findings) out.push({ ...f, severity: f.severity ?? rule.severity, rule: rule.id });
  }
  return out;
}

/** Runs every applicable single-resource rule on every resource (the cross-resource rules are left out). */
export function runSingleResourceRules(resources: Resource[], context?: RuleContext): RuleResult[] {
  const out: RuleResult[] = [];
  forgetChangedRules();
  for (const resource of resources) {
    const gvk = `${resource.apiVersion}/${resource.kind}`;
    for (const rule of rulesFor(resource, gvk)) {
      let findings: RuleFinding[];
      try {
        findings = rule.check(resource, context);
      } catch (error) {
        findings = [{ ...crashFinding(rule.id, error), severity: 'error' }];
      }
      for (const f of findings) out.push({ ...f, severity: f.severity ?? rule.severity, resource, rule: rule.id });
    }
  }
  return out;
}

export interface RuleDescription {
  id: string;
  severity: Severity;
  description: Record<Lang, string>;
  /** Kinds the rule looks at; undefined means every resource. */
  appliesTo?: string[];
  /** True for rules that compare resources of one run with each other. */
  crossResource: boolean;
  /** True for best-practice warnings, which are not API-server errors. */
  bestPractice: boolean;
}

/** Every rule, for documentation (the site's "How every example is validated" page) and `--list-rules`. */
export function describeRules(): RuleDescription[] {
  const describe = (r: Rule | CrossResourceRule, crossResource: boolean): RuleDescription => {
    const d: RuleDescription = {
      id: r.id,
      severity: r.severity,
      description: { ...r.description },
      crossResource,
      bestPractice: r.id.startsWith('best-practice-'),
    };
    if ('appliesTo' in r && r.appliesTo) d.appliesTo = [...r.appliesTo];
    return d;
  };
  return [...rules.map((r) => describe(r, false)), ...crossResourceRules.map((r) => describe(r, true))];
}
