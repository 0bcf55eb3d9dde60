// Port numbers and IntOrString ports (validatePortNumOrName in pkg/apis/core/validation), shared by container
// ports, probes, lifecycle handlers and Service targetPorts.
import { portName } from './names.ts';
import { isInt, josa, msg, q, type Msg } from './util.ts';

export function portNumberProblem(value: unknown, field: string): Msg | null {
  if (!isInt(value)) return null;
  return value >= 1 && value <= 65535
    ? null
    : msg(`${field} ${value} is out of range: it must be between 1 and 65535.`, `${field} ${josa(value, '은/는')} 범위를 벗어났다: 1에서 65535 사이여야 한다.`);
}

/** A port given as a number or a name; a quoted number is a string, which the API server checks as a name. */
export function portNumOrNameProblem(value: unknown, field: string): Msg | null {
  if (isInt(value)) return portNumberProblem(value, field);
  if (typeof value !== 'string' || value === '') return null;
  if (/^\d+$/.test(value)) {
    return msg(
      `${field} ${q(value)} is quoted, so it is read as a port name (which needs a letter): write the number without quotes.`,
      `${field} ${josa(q(value), '이/가')} 따옴표로 감싸져 포트 이름(문자가 필요하다)으로 읽힌다: 따옴표 없이 숫자로 써야 한다.`,
    );
  }
  const problem = portName(value);
  return problem ? msg(`Port name ${q(value)} in ${field} ${problem.en}.`, `${field}의 포트 이름 ${josa(q(value), '은/는')} ${problem.ko}.`) : null;
}
