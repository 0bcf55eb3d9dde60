import type { Rule, RuleFinding } from '../types.ts';
import { checkFieldRef, checkResourceFieldRef, ENV_FIELD_PATHS } from './lib/downward.ts';
import { containersOf, POD_TEMPLATE_KINDS, podTemplates } from './lib/pod-templates.ts';
import { arr, isObj, msg, obj } from './lib/util.ts';

/** env[].valueFrom.fieldRef / resourceFieldRef: only what the kubelet can expose as an environment variable. */
export const downwardApiEnv: Rule = {
  id: 'downward-api-env',
  severity: 'error',
  description: msg(
    `Downward API in env: fieldRef.fieldPath must be one of ${ENV_FIELD_PATHS.join(', ')}, metadata.labels['key'] or metadata.annotations['key'] (all labels or annotations at once only work in a volume); resourceFieldRef must name a supported resource (limits/requests of cpu, memory, ephemeral-storage, hugepages-*), and a supported divisor (a containerName naming no container of the pod is a warning: the API server admits it, the Pod then fails).`,
    `env의 다운워드(Downward) API: fieldRef.fieldPath는 ${ENV_FIELD_PATHS.join(', ')}, metadata.labels['key'], metadata.annotations['key'] 중 하나여야 한다(레이블이나 어노테이션 전체는 볼륨에서만 된다). resourceFieldRef는 지원되는 리소스(cpu, memory, ephemeral-storage, hugepages-*의 limits/requests), 지원되는 divisor를 가리켜야 한다(파드에 없는 컨테이너를 가리키는 containerName은 경고다: API 서버는 받아들이지만 파드가 실패한다).`,
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      for (const c of containersOf(pod)) {
        arr(c.container.env).forEach((env, i) => {
          const valueFrom = isObj(env) ? obj(env.valueFrom) : undefined;
          if (!valueFrom) return;
          const path = [...c.path, 'env', i, 'valueFrom'];
          const fieldRef = obj(valueFrom.fieldRef);
          if (fieldRef) out.push(...checkFieldRef(fieldRef, [...path, 'fieldRef'], 'env'));
          const resourceFieldRef = obj(valueFrom.resourceFieldRef);
          if (resourceFieldRef) out.push(...checkResourceFieldRef(resourceFieldRef, [...path, 'resourceFieldRef'], 'env', pod));
        });
      }
    }
    return out;
  },
};
