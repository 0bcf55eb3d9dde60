// metav1.LabelSelector: validation (ValidateLabelSelector, ValidateLabelSelectorRequirement) and matching
// (LabelSelectorAsSelector + Matches) as the API server applies them to workloads.
import { labelValue, qualifiedName } from './names.ts';
import { arr, entries, finding, isObj, msg, q, str, type Obj, type Path, josa } from './util.ts';
import type { RuleFinding } from '../../types.ts';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Validation problems of a selector; each finding points into the selector. */
export function validateLabelSelector(selector: Obj, path: Path): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const [key, value] of entries(selector.matchLabels)) {
    const keyProblem = qualifiedName(key);
    if (keyProblem) {
      out.push(finding([...path, 'matchLabels', key], msg(`Label key ${q(key)} is invalid: ${keyProblem.en}.`, `레이블 키 ${josa(q(key), '이/가')} 올바르지 않다: ${keyProblem.ko}.`), { at: 'key' }));
    }
    if (typeof value === 'string') {
      const valueProblem = labelValue(value);
      if (valueProblem) {
        out.push(finding([...path, 'matchLabels', key], msg(`Label value ${q(value)} ${valueProblem.en}.`, `레이블 값 ${josa(q(value), '은/는')} ${valueProblem.ko}.`)));
      }
    }
  }
  arr(selector.matchExpressions).forEach((expression, index) => {
    const exprPath = [...path, 'matchExpressions', index];
    if (!isObj(expression)) return;
    const key = str(expression.key);
    if (key !== undefined) {
      const keyProblem = qualifiedName(key);
      if (keyProblem) {
        out.push(finding([...exprPath, 'key'], msg(`Label key ${q(key)} is invalid: ${keyProblem.en}.`, `레이블 키 ${josa(q(key), '이/가')} 올바르지 않다: ${keyProblem.ko}.`)));
      }
    }
    const operator = str(expression.operator);
    const values = arr(expression.values);
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) {
        out.push(
          finding(expression.values === undefined || expression.values === null ? exprPath : [...exprPath, 'values'], msg(
            `values must be non-empty when operator is ${operator}.`,
            `operator가 ${operator}이면 values가 비어 있으면 안 된다.`,
          ), { at: expression.values === undefined || expression.values === null ? 'key' : 'value' }),
        );
      }
      values.forEach((v, i) => {
        if (typeof v !== 'string') return;
        const problem = labelValue(v);
        if (problem) out.push(finding([...exprPath, 'values', i], msg(`Label value ${q(v)} ${problem.en}.`, `레이블 값 ${josa(q(v), '은/는')} ${problem.ko}.`)));
      });
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) {
        out.push(
          finding([...exprPath, 'values'], msg(
            `values must be empty when operator is ${operator}.`,
            `operator가 ${operator}이면 values를 지정할 수 없다.`,
          )),
        );
      }
    } else if (operator !== undefined) {
      out.push(
        finding([...exprPath, 'operator'], msg(
          `operator ${q(operator)} is not supported: use one of ${OPERATORS.join(', ')}.`,
          `operator ${josa(q(operator), '은/는')} 지원되지 않는다: ${OPERATORS.join(', ')} 중 하나를 써야 한다.`,
        )),
      );
    }
  });
  return out;
}

export function isEmptySelector(selector: Obj): boolean {
  return entries(selector.matchLabels).length === 0 && arr(selector.matchExpressions).length === 0;
}

/** Whether the selector selects a pod with these labels. Malformed requirements never match. */
export function selectorMatches(selector: Obj, labels: Record<string, unknown>): boolean {
  const has = (key: string) => typeof labels[key] === 'string';
  for (const [key, value] of entries(selector.matchLabels)) {
    if (labels[key] !== value) return false;
  }
  for (const expression of arr(selector.matchExpressions)) {
    if (!isObj(expression)) return false;
    const key = str(expression.key);
    if (key === undefined) return false;
    const values = arr(expression.values).filter((v): v is string => typeof v === 'string');
    switch (expression.operator) {
      case 'In':
        if (!has(key) || !values.includes(labels[key] as string)) return false;
        break;
      case 'NotIn':
        if (has(key) && values.includes(labels[key] as string)) return false;
        break;
      case 'Exists':
        if (!has(key)) return false;
        break;
      case 'DoesNotExist':
        if (has(key)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
