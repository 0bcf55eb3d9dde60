import type { Rule, RuleFinding } from '../types.ts';
import { envVarName } from './lib/names.ts';
import { atLeast, SINCE } from './lib/versions.ts';
import { containersOf, podTemplates, POD_TEMPLATE_KINDS } from './lib/pod-templates.ts';
import { arr, finding, josa, msg, obj, q, str, type Path } from './lib/util.ts';

/**
 * validateEnv and validateEnvFrom (pkg/apis/core/validation) with RelaxedEnvironmentVariableValidation (on by default
 * since 1.32, GA in 1.34): env[].name and a non-empty envFrom[].prefix are printable ASCII without "=". Against 1.30
 * and 1.31 the former IsEnvVarName applies.
 */
export const envNames: Rule = {
  id: 'env-names',
  severity: 'error',
  description: msg(
    'Environment variable names (env[].name) and envFrom prefixes must be printable ASCII characters other than "="; a name may not be empty.',
    '환경 변수 이름(env[].name)과 envFrom의 prefix는 "="를 뺀 출력 가능한 ASCII 문자여야 한다. 이름은 비어 있을 수 없다.',
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource, context) {
    const out: RuleFinding[] = [];
    const relaxed = atLeast(context, SINCE.relaxedEnvVarNames);
    const report = (value: string, path: Path, field: string) => {
      const problem = envVarName(value, relaxed);
      if (problem) {
        // Control characters are shown escaped (\t, \n), as JSON writes them.
        const shown = JSON.stringify(value).slice(1, -1);
        out.push(finding(path, msg(`${field} ${q(shown)} ${problem.en}.`, `${field} ${josa(q(shown), '은/는')} ${problem.ko}.`)));
      }
    };
    for (const pod of podTemplates(resource)) {
      for (const c of containersOf(pod)) {
        arr(c.container.env).forEach((env, i) => {
          const name = str(obj(env)?.name);
          if (name !== undefined) report(name, [...c.path, 'env', i, 'name'], 'env name');
        });
        arr(c.container.envFrom).forEach((source, i) => {
          const prefix = str(obj(source)?.prefix);
          // An empty prefix means "no prefix".
          if (prefix) report(prefix, [...c.path, 'envFrom', i, 'prefix'], 'envFrom prefix');
        });
      }
    }
    return out;
  },
};
