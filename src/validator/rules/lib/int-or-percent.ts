// IntOrString fields holding a count or a percentage (maxUnavailable, maxSurge, minAvailable), after
// ValidatePositiveIntOrPercent and IsNotMoreThan100Percent in pkg/apis/apps/validation.
import type { RuleFinding } from '../../types.ts';
import { finding, isInt, msg, q, type Path, josa } from './util.ts';

const PERCENT = /^[0-9]+%$/;

/** The number a count or percentage stands for, or undefined when malformed. */
export function intOrPercentValue(value: unknown): { value: number; percent: boolean } | undefined {
  if (isInt(value)) return { value, percent: false };
  if (typeof value === 'string' && PERCENT.test(value)) return { value: Number(value.slice(0, -1)), percent: true };
  return undefined;
}

export function checkIntOrPercent(value: unknown, path: Path, field: string): RuleFinding[] {
  if (value === undefined || value === null) return [];
  const parsed = intOrPercentValue(value);
  if (typeof value === 'string' && !parsed) {
    return [finding(path, msg(
      `${field} ${q(value)} must be an integer or a percentage such as "25%".`,
      `${field} ${josa(q(value), '은/는')} 정수이거나 "25%" 같은 백분율이어야 한다.`,
    ))];
  }
  if (parsed && !parsed.percent && parsed.value < 0) {
    return [finding(path, msg(`${field} must be greater than or equal to 0, not ${parsed.value}.`, `${josa(field, '은/는')} 0 이상이어야 한다 (${josa(parsed.value, '은/는')} 안 된다).`))];
  }
  if (parsed?.percent && parsed.value > 100) {
    return [finding(path, msg(`${field} must not be greater than 100%, not ${q(value)}.`, `${josa(field, '은/는')} 100%를 넘을 수 없다 (${josa(q(value), '은/는')} 안 된다).`))];
  }
  return [];
}
