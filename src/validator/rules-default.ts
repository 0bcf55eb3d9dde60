// The API-server rules the validator runs by default (src/validator/rules/).
import { crossResourceRules, ruleApplies, runSingleResourceRules } from './rules/index.ts';
import type { RuleHit, RuleSet } from './rules-adapter.ts';

export const defaultRules: RuleSet = {
  // The cross-resource rules run once over the whole run (`cross`), not file by file.
  single: (resources, context) => runSingleResourceRules(resources, context),
  cross: (resources) =>
    crossResourceRules.flatMap((rule): RuleHit[] =>
      rule.checkAll(resources).map((finding) => ({ ...finding, severity: finding.severity ?? rule.severity, rule: rule.id }))),
  // A cross-resource rule's appliesTo names the kinds it compares; without one, every resource may matter.
  crossCandidate: (resource) => crossResourceRules.some((rule) => !('appliesTo' in rule) || ruleApplies(rule as { appliesTo?: string[] }, resource)),
};
