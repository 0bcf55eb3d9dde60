import type { Rule } from '../types.ts';
import { timeZoneProblem } from './lib/timezone.ts';
import { finding, msg, obj } from './lib/util.ts';

export const cronjobTimeZone: Rule = {
  id: 'cronjob-time-zone',
  severity: 'error',
  description: msg(
    'A CronJob spec.timeZone must be an IANA time zone name (such as Etc/UTC or Asia/Seoul); the API server rejects unknown zones and "Local". Zone names come from the IANA database bundled with Node.js (Intl).',
    'CronJob의 spec.timeZone은 IANA 시간대 이름(Etc/UTC, Asia/Seoul 등)이어야 한다; API 서버는 알 수 없는 시간대와 "Local"을 거부한다. 시간대 이름은 Node.js(Intl)에 포함된 IANA 데이터베이스를 기준으로 한다.',
  ),
  appliesTo: ['batch/v1/CronJob'],
  check(resource) {
    const zone = obj(resource.object.spec)?.timeZone;
    if (typeof zone !== 'string') return [];
    const problem = timeZoneProblem(zone);
    return problem ? [finding(['spec', 'timeZone'], msg(`${problem.en}.`, `${problem.ko}.`))] : [];
  },
};
