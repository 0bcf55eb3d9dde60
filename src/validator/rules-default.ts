// The API-server rules the validator runs by default (src/validator/rules/).
import { crossResourceRules, ruleApplies, runRules } from './rules/index.ts';
import type { RuleHit, RuleSet } from './rules-adapter.ts';

const crossIds = new Set(crossResourceRules.map((rule) => rule.id));

export const defaultRules: RuleSet = {
  // runRules also runs the cross-resource rules, over this file only: their run-wide pass replaces those.
  single: (resources, context) => runRules(resources, context).filter((hit) => !crossIds.has(hit.rule)),
  cross: (resources) =>
    crossResourceRules.flatMap((rule): RuleHit[] =>
      rule.checkAll(resources).map((finding) => ({ ...finding, severity: finding.severity ?? rule.severity, rule: rule.id }))),
  // A cross-resource rule's appliesTo names the kinds it compares; without one, every resource may matter.
  crossCandidate: (resource) => crossResourceRules.some((rule) => !('appliesTo' in rule) || ruleApplies(rule as { appliesTo?: string[] }, resource)),
};
