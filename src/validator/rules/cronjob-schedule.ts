import type { Rule } from '../types.ts';
import { cronScheduleProblem } from './lib/cron.ts';
import { finding, msg, obj, q, str, josa } from './lib/util.ts';

/** spec.schedule: standard five-field cron or an @-descriptor; no CRON_TZ=/TZ= prefix (use spec.timeZone). */
export const cronjobSchedule: Rule = {
  id: 'cronjob-schedule',
  severity: 'error',
  description: msg(
    'A CronJob schedule must be standard cron: five fields (minute hour day-of-month month day-of-week) with ranges, lists, steps and month/day names, or @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly. Seconds fields, Quartz syntax and CRON_TZ=/TZ= prefixes (use spec.timeZone) are rejected.',
    'CronJob의 schedule은 표준 cron이어야 한다: 범위, 목록, 간격, 월/요일 이름을 쓰는 다섯 필드(분 시 일 월 요일) 또는 @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly. 초 필드, Quartz 문법, CRON_TZ=/TZ= 접두사(spec.timeZone을 쓴다)는 거부된다.',
  ),
  appliesTo: ['batch/v1/CronJob'],
  check(resource) {
    const schedule = str(obj(resource.object.spec)?.schedule);
    if (schedule === undefined) return [];
    const path = ['spec', 'schedule'];
    if (schedule.includes('TZ')) {
      return [finding(path, msg(
        `The schedule ${q(schedule)} sets a time zone with CRON_TZ= or TZ=, which the API server rejects since Kubernetes 1.29: put the zone in spec.timeZone instead.`,
        `schedule ${josa(q(schedule), '이/가')} CRON_TZ= 또는 TZ=로 시간대를 지정한다. Kubernetes 1.29부터 API 서버가 이를 거부한다: 시간대는 spec.timeZone에 써야 한다.`,
      ))];
    }
    const problem = cronScheduleProblem(schedule);
    return problem
      ? [finding(path, msg(`The schedule ${q(schedule)} is not valid cron: ${problem.en}.`, `schedule ${josa(q(schedule), '은/는')} 올바른 cron이 아니다: ${problem.ko}.`))]
      : [];
  },
};
