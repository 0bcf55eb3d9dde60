import type { Rule, RuleFinding } from '../types.ts';
import { getAt, gvk } from './lib/pod-templates.ts';
import { finding, has, isInt, josa, missing, msg, obj, type Path } from './lib/util.ts';

/** The API server's cap on parallelism for Indexed Jobs. */
const MAX_INDEXED_PARALLELISM = 100_000;

/** validateJobSpec / the JobSpec declarative rules for completionMode Indexed and its per-index fields. */
export const jobIndexed: Rule = {
  id: 'job-indexed',
  severity: 'error',
  description: msg(
    'An Indexed Job (completionMode: Indexed) needs completions and at most 100000 parallelism; backoffLimitPerIndex and successPolicy require Indexed mode, maxFailedIndexes requires backoffLimitPerIndex and may not exceed completions.',
    'Indexed Job(completionMode: Indexed)에는 completions가 필요하고 parallelism은 100000 이하여야 한다. backoffLimitPerIndex와 successPolicy는 Indexed 모드에서만 쓸 수 있고, maxFailedIndexes는 backoffLimitPerIndex가 있어야 하며 completions를 넘을 수 없다.',
  ),
  appliesTo: ['batch/v1/Job', 'batch/v1/CronJob'],
  check(resource) {
    const specPath: Path = gvk(resource) === 'batch/v1/CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    const spec = obj(getAt(resource.object, specPath));
    if (!spec) return [];
    const out: RuleFinding[] = [];
    const indexed = spec.completionMode === 'Indexed';
    if (indexed) {
      if (!has(spec, 'completions')) {
        out.push(missing(specPath, msg(
          'completionMode Indexed requires completions: the number of indexes (0 to completions-1) to run.',
          'completionMode가 Indexed이면 completions가 필요하다: 실행할 인덱스(0부터 completions-1까지)의 수다.',
        )));
      }
      if (isInt(spec.parallelism) && spec.parallelism > MAX_INDEXED_PARALLELISM) {
        out.push(finding([...specPath, 'parallelism'], msg(
          `parallelism must be at most ${MAX_INDEXED_PARALLELISM} for an Indexed Job, not ${spec.parallelism}.`,
          `Indexed Job의 parallelism은 ${MAX_INDEXED_PARALLELISM} 이하여야 한다 (${josa(spec.parallelism, '은/는')} 안 된다).`,
        )));
      }
    } else {
      for (const field of ['backoffLimitPerIndex', 'successPolicy']) {
        if (has(spec, field)) {
          out.push(finding([...specPath, field], msg(
            `${field} requires completionMode: Indexed.`,
            `${josa(field, '은/는')} completionMode: Indexed에서만 쓸 수 있다.`,
          ), { at: 'key' }));
        }
      }
    }
    if (has(spec, 'maxFailedIndexes')) {
      if (!has(spec, 'backoffLimitPerIndex')) {
        out.push(finding([...specPath, 'maxFailedIndexes'], msg(
          'maxFailedIndexes requires backoffLimitPerIndex.',
          'maxFailedIndexes를 쓰려면 backoffLimitPerIndex가 필요하다.',
        ), { at: 'key' }));
      }
      if (indexed && isInt(spec.maxFailedIndexes) && isInt(spec.completions) && spec.maxFailedIndexes > spec.completions) {
        out.push(finding([...specPath, 'maxFailedIndexes'], msg(
          `maxFailedIndexes (${spec.maxFailedIndexes}) must be less than or equal to completions (${spec.completions}).`,
          `maxFailedIndexes(${spec.maxFailedIndexes})는 completions(${spec.completions}) 이하여야 한다.`,
        )));
      }
    }
    return out;
  },
};
