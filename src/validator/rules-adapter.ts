// The seam between the check stage and the API-server rules (src/validator/rules/, built separately):
// whatever the rules report becomes positioned diagnostics through one shape.
import type { Localized } from './messages.ts';
import type { PathSegment } from './locate.ts';
import type { Resource, RuleContext, Severity } from './types.ts';

export interface RuleHit {
  resource: Resource;
  rule: string;
  severity: Severity;
  path: PathSegment[];
  at?: 'key' | 'value';
  message: Localized;
  /** See RuleFinding.field. */
  field?: string;
}

export type RulesRunner = (resources: Resource[], context: RuleContext) => RuleHit[];

/**
 * The rules in two parts: those that look at one resource at a time (run file by file, in whichever thread
 * reads the file), and those that compare resources (run once over the whole run, on the resources they
 * may concern).
 */
export interface RuleSet {
  single: RulesRunner;
  cross: RulesRunner;
  /** Whether a resource may concern a cross-resource rule (only those are kept for the run-wide pass). */
  crossCandidate(resource: Resource): boolean;
}

/** Runs the rules; a rule that throws is reported on every resource rather than crashing the run. */
export function runRuleSet(runner: RulesRunner, resources: Resource[], context: RuleContext): RuleHit[] {
  try {
    return runner(resources, context);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return resources.map((resource) => ({
      resource,
      rule: 'rules-failed',
      severity: 'warning' as const,
      path: [],
      message: { en: `the API rules could not run: ${detail}`, ko: `API 규칙을 실행하지 못했다: ${detail}` },
    }));
  }
}
