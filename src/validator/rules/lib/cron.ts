// CronJob schedules as the API server parses them: github.com/robfig/cron/v3 ParseStandard (five fields, names for
// months and weekdays, "*" and "?", ranges, lists, steps, and the @-descriptors). Returns null when valid.
import { msg, type Msg, josa } from './util.ts';

interface FieldBounds {
  name: { en: string; ko: string };
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const WEEKDAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const FIELDS: FieldBounds[] = [
  { name: { en: 'minute', ko: '분' }, min: 0, max: 59 },
  { name: { en: 'hour', ko: '시' }, min: 0, max: 23 },
  { name: { en: 'day of month', ko: '일' }, min: 1, max: 31 },
  { name: { en: 'month', ko: '월' }, min: 1, max: 12, names: MONTHS },
  { name: { en: 'day of week', ko: '요일' }, min: 0, max: 6, names: WEEKDAYS },
];

export const CRON_DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
/** Go time.ParseDuration syntax, as used by "@every <duration>". */
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

class CronError extends Error {
  readonly detail: Msg;
  constructor(detail: Msg) {
    super(detail.en);
    this.detail = detail;
  }
}

function parseNumber(text: string, field: FieldBounds): number {
  if (field.names) {
    const named = field.names[text.toLowerCase() as keyof typeof field.names];
    if (named !== undefined) return named;
  }
  // strconv.Atoi: optional sign, decimal digits.
  if (!/^[+-]?\d+$/.test(text)) {
    throw new CronError(
      msg(`${q(text)} is not a number${field.names ? ' or a known name' : ''} in the ${field.name.en} field`, `${field.name.ko} 필드의 ${josa(q(text), '은/는')} 숫자${josa(field.names ? '나 알려진 이름' : '', '이/가')} 아니다`),
    );
  }
  const value = Number(text);
  if (value < 0) throw new CronError(msg(`negative number ${value} is not allowed in the ${field.name.en} field`, `${field.name.ko} 필드에 음수 ${josa(value, '은/는')} 쓸 수 없다`));
  return value;
}

function q(text: string): string {
  return `"${text}"`;
}

function checkRange(expr: string, field: FieldBounds): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const singleValue = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = field.min;
    end = field.max;
  } else {
    start = parseNumber(lowAndHigh[0]!, field);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseNumber(lowAndHigh[1]!, field);
    else throw new CronError(msg(`too many hyphens in ${q(expr)} (${field.name.en} field)`, `${field.name.ko} 필드의 ${q(expr)}에 하이픈이 너무 많다`));
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = parseNumber(rangeAndStep[1]!, { ...field, names: undefined });
    // "N/step" means "from N to the maximum, every step".
    if (singleValue) end = field.max;
  } else if (rangeAndStep.length > 2) {
    throw new CronError(msg(`too many slashes in ${q(expr)} (${field.name.en} field)`, `${field.name.ko} 필드의 ${q(expr)}에 슬래시가 너무 많다`));
  }
  if (start < field.min) {
    throw new CronError(msg(`${start} is below the minimum ${field.min} of the ${field.name.en} field`, `${josa(start, '은/는')} ${field.name.ko} 필드의 최솟값 ${field.min}보다 작다`));
  }
  if (end > field.max) {
    throw new CronError(msg(`${end} is above the maximum ${field.max} of the ${field.name.en} field`, `${josa(end, '은/는')} ${field.name.ko} 필드의 최댓값 ${field.max}보다 크다`));
  }
  if (start > end) {
    throw new CronError(msg(`range ${q(expr)} begins after it ends (${field.name.en} field)`, `${field.name.ko} 필드의 범위 ${josa(q(expr), '은/는')} 시작이 끝보다 크다`));
  }
  if (step === 0) {
    throw new CronError(msg(`step in ${q(expr)} must be a positive number (${field.name.en} field)`, `${field.name.ko} 필드의 ${q(expr)}에서 간격은 양수여야 한다`));
  }
}

/** Why the schedule is not valid cron for the API server, or null when it is. */
export function cronScheduleProblem(schedule: string): Msg | null {
  if (schedule.length === 0) return msg('the schedule is empty', '스케줄이 비어 있다');
  if (schedule.startsWith('@')) {
    if (CRON_DESCRIPTORS.includes(schedule)) return null;
    if (schedule.startsWith('@every ')) {
      const duration = schedule.slice('@every '.length);
      return GO_DURATION.test(duration)
        ? null
        : msg(`${q(duration)} is not a duration such as "1h30m" (after @every)`, `@every 뒤의 ${josa(q(duration), '은/는')} "1h30m" 같은 기간이 아니다`);
    }
    return msg(
      `unknown descriptor ${q(schedule)}: use one of ${CRON_DESCRIPTORS.join(', ')} or "@every <duration>"`,
      `알 수 없는 디스크립터 ${q(schedule)}: ${CRON_DESCRIPTORS.join(', ')} 또는 "@every <기간>" 중 하나를 써야 한다`,
    );
  }
  const fields = schedule.trim().split(/\s+/).filter((f) => f.length > 0);
  if (fields.length !== 5) {
    const hint =
      fields.length === 6 || fields.length === 7
        ? msg(' (a seconds or year field, as in Quartz, is not supported)', ' (Quartz처럼 초나 연도 필드를 쓸 수 없다)')
        : msg('', '');
    return msg(
      `expected exactly 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}${hint.en}`,
      `필드가 정확히 5개(분 시 일 월 요일)여야 하는데 ${fields.length}개다${hint.ko}`,
    );
  }
  try {
    fields.forEach((field, i) => {
      // strings.FieldsFunc on ",": empty list entries are dropped, as the API server's parser does.
      for (const part of field.split(',').filter((p) => p !== '')) checkRange(part, FIELDS[i]!);
    });
  } catch (error) {
    if (error instanceof CronError) return error.detail;
    throw error;
  }
  return null;
}
