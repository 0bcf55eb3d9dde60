import type { Rule, RuleFinding } from '../types.ts';
import { containersOf, gvk, POD_TEMPLATE_KINDS, podTemplates, volumesOf } from './lib/pod-templates.ts';
import { arr, finding, isObj, msg, obj, q, str, josa } from './lib/util.ts';

/** Every volumeMount names a volume of the pod (or, in a StatefulSet, one of its volumeClaimTemplates). */
export const volumeMounts: Rule = {
  id: 'volume-mounts',
  severity: 'error',
  description: msg(
    "Every volumeMount must name a volume of the pod (for a StatefulSet, also one of its volumeClaimTemplates), and a container's mountPaths must be unique.",
    'volumeMount는 모두 파드의 볼륨(StatefulSet은 volumeClaimTemplates 포함)을 이름으로 가리켜야 하고, 한 컨테이너의 mountPath는 유일해야 한다.',
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      const defined = volumesOf(pod).map((v) => v.name).filter((n): n is string => Boolean(n));
      if (gvk(resource) === 'apps/v1/StatefulSet') {
        for (const t of arr(obj(resource.object.spec)?.volumeClaimTemplates)) {
          const name = isObj(t) ? str(obj(t.metadata)?.name) : undefined;
          if (name) defined.push(name);
        }
      }
      for (const c of containersOf(pod)) {
        const paths = new Set<string>();
        arr(c.container.volumeMounts).forEach((mount, i) => {
          if (!isObj(mount)) return;
          const path = [...c.path, 'volumeMounts', i];
          const name = str(mount.name);
          if (name && !defined.includes(name)) {
            const known = defined.length > 0 ? defined.join(', ') : 'none';
            out.push(finding([...path, 'name'], msg(
              `volumeMount ${q(name)} names no volume of this pod (defined: ${known}). Add it under spec.volumes${gvk(resource) === 'apps/v1/StatefulSet' ? ' or spec.volumeClaimTemplates' : ''}.`,
              `volumeMount ${josa(q(name), '이/가')} 가리키는 볼륨이 이 파드에 없다 (정의된 것: ${defined.length > 0 ? known : '없음'}). spec.volumes${gvk(resource) === 'apps/v1/StatefulSet' ? '나 spec.volumeClaimTemplates' : ''}에 추가해야 한다.`,
            )));
          }
          const mountPath = str(mount.mountPath);
          if (mountPath) {
            if (paths.has(mountPath)) {
              out.push(finding([...path, 'mountPath'], msg(`mountPath ${q(mountPath)} is used twice in this container.`, `mountPath ${josa(q(mountPath), '이/가')} 이 컨테이너에서 두 번 쓰였다.`)));
            }
            paths.add(mountPath);
          }
        });
      }
    }
    return out;
  },
};
