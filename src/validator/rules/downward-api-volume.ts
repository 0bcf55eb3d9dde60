import type { Rule, RuleFinding } from '../types.ts';
import { checkFieldRef, checkResourceFieldRef, VOLUME_FIELD_PATHS } from './lib/downward.ts';
import { POD_TEMPLATE_KINDS, podTemplates, volumesOf, type PodTemplate } from './lib/pod-templates.ts';
import { arr, isObj, msg, obj, type Path } from './lib/util.ts';

function checkItems(items: unknown, path: Path, pod: PodTemplate): RuleFinding[] {
  const out: RuleFinding[] = [];
  arr(items).forEach((item, i) => {
    if (!isObj(item)) return;
    const itemPath = [...path, i];
    const fieldRef = obj(item.fieldRef);
    if (fieldRef) out.push(...checkFieldRef(fieldRef, [...itemPath, 'fieldRef'], 'volume'));
    const resourceFieldRef = obj(item.resourceFieldRef);
    if (resourceFieldRef) out.push(...checkResourceFieldRef(resourceFieldRef, [...itemPath, 'resourceFieldRef'], 'volume', pod));
  });
  return out;
}

/** downwardAPI volumes and projected downwardAPI sources: only what the kubelet can write as files. */
export const downwardApiVolume: Rule = {
  id: 'downward-api-volume',
  severity: 'error',
  description: msg(
    `Downward API in a downwardAPI (or projected) volume: fieldRef.fieldPath must be one of ${VOLUME_FIELD_PATHS.join(', ')} or their ['key'] forms (spec.nodeName, status.podIP and the like only work in env); resourceFieldRef needs containerName, a supported resource and divisor (a containerName naming no container of the pod is a warning: the API server admits it, the Pod then fails).`,
    `downwardAPI(또는 projected) 볼륨의 다운워드(Downward) API: fieldRef.fieldPath는 ${VOLUME_FIELD_PATHS.join(', ')} 또는 그 ['key'] 형태여야 한다(spec.nodeName, status.podIP 등은 env에서만 된다). resourceFieldRef에는 containerName, 지원되는 리소스와 divisor가 필요하다(파드에 없는 컨테이너를 가리키는 containerName은 경고다: API 서버는 받아들이지만 파드가 실패한다).`,
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      for (const v of volumesOf(pod)) {
        const downwardAPI = obj(v.volume.downwardAPI);
        if (downwardAPI) out.push(...checkItems(downwardAPI.items, [...v.path, 'downwardAPI', 'items'], pod));
        arr(obj(v.volume.projected)?.sources).forEach((source, s) => {
          const projectedDownward = isObj(source) ? obj(source.downwardAPI) : undefined;
          if (projectedDownward) {
            out.push(...checkItems(projectedDownward.items, [...v.path, 'projected', 'sources', s, 'downwardAPI', 'items'], pod));
          }
        });
      }
    }
    return out;
  },
};
