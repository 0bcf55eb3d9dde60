import type { Rule } from '../types.ts';
import { finding, msg, obj, q, str, josa } from './lib/util.ts';

/** 63 (DNS-1035 label) minus 11 characters the controller appends for Job names. */
export const CRONJOB_NAME_MAX = 52;

export const cronjobNameLength: Rule = {
  id: 'cronjob-name-length',
  severity: 'error',
  description: msg(
    'A CronJob name must be at most 52 characters: the controller appends 11 characters to name each Job.',
    'CronJob 이름은 52자 이하여야 한다: 컨트롤러가 Job 이름을 만들 때 11자를 덧붙인다.',
  ),
  appliesTo: ['batch/v1/CronJob'],
  check(resource) {
    const name = str(obj(resource.object.metadata)?.name);
    if (!name || name.length <= CRONJOB_NAME_MAX) return [];
    return [finding(['metadata', 'name'], msg(
      `The CronJob name ${q(name)} is ${name.length} characters long; the limit is ${CRONJOB_NAME_MAX} because each Job's name adds an 11-character suffix.`,
      `CronJob 이름 ${josa(q(name), '은/는')} ${name.length}자다; 각 Job 이름에 11자 접미사가 붙으므로 한도는 ${CRONJOB_NAME_MAX}자다.`,
    ))];
  },
};
