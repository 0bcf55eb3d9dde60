// Rule control: which API rules run (by id, or by group: `best-practice`, `all`), and the warnings-fail switch.
// Node-free like the rest of the core: the CLI, the site build and the in-browser playground share it.
// Opt-outs for one resource (annotation, comment) are in opt-outs.ts; the project config file in config.ts.
import { closest } from './check.ts';
import { msg, type Localized } from './messages.ts';
import type { RuleSet } from './rules-adapter.ts';
import { describeRules } from './rules/index.ts';
import type { Diagnostic, ResourceResult } from './types.ts';

/** Names that stand for several rules, from the widest to the narrowest. */
export const RULE_GROUPS = ['all', 'best-practice'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

let known: { ids: Set<string>; bestPractice: Set<string>; cross: string[] } | undefined;
function knownRules() {
  if (!known) {
    const rules = describeRules();
    known = { ids: new Set(rules.map((r) => r.id)), bestPractice: new Set(rules.filter((r) => r.bestPractice).map((r) => r.id)), cross: rules.filter((r) => r.crossResource).map((r) => r.id) };
  }
  return known;
}

/** A bad rule id or a contradiction in rule control; thrown before any file is read. */
export class RuleControlError extends Error {
  readonly messages: Localized;
  constructor(messages: Localized) {
    super(messages.en);
    this.name = 'RuleControlError';
    this.messages = messages;
  }
}

/** Why `id` names no rule or group (with a "did you mean"), or undefined when it does. */
export function unknownRuleMessage(id: string): Localized | undefined {
  const { ids } = knownRules();
  if (ids.has(id) || (RULE_GROUPS as readonly string[]).includes(id)) return undefined;
  const names = [...ids, ...RULE_GROUPS];
  // A misspelling, or a shortened id ("best-practice-image" for "best-practice-image-tag").
  const partial = names.filter((name) => name.startsWith(id) || name.includes(id));
  return msg.unknownRule(id, closest(id, names) ?? (partial.length === 1 ? partial[0] : undefined));
}

/** Whether an opt-out or list entry naming `name` (a rule id or a group) covers the rule `rule`. */
export function covers(name: string, rule: string): boolean {
  return name === rule || name === 'all' || (name === 'best-practice' && knownRules().bestPractice.has(rule));
}

/** Whether `name` covers a rule that compares resources (its findings come in the run-wide pass, after the file's). */
export function coversCrossRule(name: string): boolean {
  return knownRules().cross.some((rule) => covers(name, rule));
}

/** Whether `name` covers at least one rule that runs. */
export function coversEnabledRule(name: string, enabled: (rule: string) => boolean): boolean {
  return [...knownRules().ids].some((rule) => covers(name, rule) && enabled(rule));
}

/** How specifically `name` designates `rule`: 3 by id, 2 by `best-practice`, 1 by `all`, 0 not at all. */
function specificity(name: string, rule: string): number {
  if (name === rule) return 3;
  if (!covers(name, rule)) return 0;
  return name === 'all' ? 1 : 2;
}

const everyRule = () => true;

/**
 * Whether each rule runs: on unless a list names it; when both lists name it, the more specific name wins
 * (`-disable-rule best-practice -enable-rule best-practice-image-tag` keeps that one warning).
 * Throws RuleControlError on an unknown id or a name in both lists.
 */
export function ruleFilter(disable: readonly string[] = [], enable: readonly string[] = []): (rule: string) => boolean {
  for (const name of [...disable, ...enable]) {
    const unknown = unknownRuleMessage(name);
    if (unknown) throw new RuleControlError(unknown);
  }
  const both = disable.find((name) => enable.includes(name));
  if (both) throw new RuleControlError(msg.ruleBothWays(both));
  if (disable.length === 0) return everyRule;
  return (rule) => {
    const off = Math.max(0, ...disable.map((name) => specificity(name, rule)));
    const on = Math.max(0, ...enable.map((name) => specificity(name, rule)));
    return off === 0 || on > off;
  };
}

/** The rule set reduced to the rules `enabled` (from ruleFilter) lets run. */
export function selectRules(rules: RuleSet | undefined, enabled: (rule: string) => boolean): RuleSet | undefined {
  if (!rules || enabled === everyRule) return rules;
  // 'rules-failed' (a rule that crashed) is not a rule of its own: it is always reported.
  const keep = (hit: { rule: string }) => hit.rule === 'rules-failed' || enabled(hit.rule);
  return {
    single: (resources, context) => rules.single(resources, context).filter(keep),
    cross: (resources, context) => rules.cross(resources, context).filter(keep),
    crossCandidate: (resource) => rules.crossCandidate(resource),
  };
}

/**
 * Flags over the config file: a rule named on the command line leaves the file's lists, then joins the flag's
 * list, so `-enable-rule x` undoes the file's `disable: [x]`.
 */
export function layerRuleLists(base: { disable?: string[]; enable?: string[] }, over: { disable?: string[]; enable?: string[] }): { disable: string[]; enable: string[] } {
  const named = new Set([...(over.disable ?? []), ...(over.enable ?? [])]);
  const keep = (list: string[] | undefined) => (list ?? []).filter((name) => !named.has(name));
  return { disable: [...new Set([...keep(base.disable), ...(over.disable ?? [])])], enable: [...new Set([...keep(base.enable), ...(over.enable ?? [])])] };
}

/** -fail-on-warning: a resource with a warning is invalid, so every output format and the exit code agree. */
export function failOnWarnings(resources: ResourceResult[], fileDiagnostics: Diagnostic[]): boolean {
  for (const r of resources) if (r.status === 'valid' && r.diagnostics.some((d) => d.severity === 'warning')) r.status = 'invalid';
  return fileDiagnostics.some((d) => d.severity === 'warning');
}
