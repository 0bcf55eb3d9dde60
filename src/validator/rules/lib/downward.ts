// The downward API checks shared by env (valueFrom) and volumes (downwardAPI, projected downwardAPI sources),
// after validateObjectFieldSelector, validateContainerResourceFieldSelector and validateContainerResourceDivisor
// in pkg/apis/core/validation/validation.go.
import type { RuleFinding } from '../../types.ts';
import { qualifiedName } from './names.ts';
import type { PodTemplate } from './pod-templates.ts';
import { containersOf, INIT_AND_APP_CONTAINERS } from './pod-templates.ts';
import { parseQuantity, quantityEquals, type Quantity } from './quantity.ts';
import { finding, has, missing, msg, q, str, type Obj, type Path, josa } from './util.ts';

export const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
export const VOLUME_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'metadata.labels', 'metadata.annotations'];
export const RESOURCE_FIELD_RESOURCES = [
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
];
const HUGEPAGES_PREFIXES = ['requests.hugepages-', 'limits.hugepages-'];

/** fieldpath.SplitMaybeSubscriptedPath: "metadata.labels['app']" -> ["metadata.labels", "app"]. */
export function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const at = inner.indexOf("['");
  if (at <= 0) return undefined;
  return [inner.slice(0, at), inner.slice(at + 2)];
}

export type DownwardUse = 'env' | 'volume';

/** Problems of an ObjectFieldSelector (`fieldRef`) used in env or in a volume. */
export function checkFieldRef(fieldRef: Obj, path: Path, use: DownwardUse): RuleFinding[] {
  const out: RuleFinding[] = [];
  const apiVersion = str(fieldRef.apiVersion);
  if (apiVersion !== undefined && apiVersion !== '' && apiVersion !== 'v1') {
    out.push(finding([...path, 'apiVersion'], msg(
      `fieldRef.apiVersion ${q(apiVersion)} is not supported: only "v1" (the default) is.`,
      `fieldRef.apiVersion ${josa(q(apiVersion), '은/는')} 지원되지 않는다: "v1"(기본값)만 쓸 수 있다.`,
    )));
  }
  const fieldPath = str(fieldRef.fieldPath);
  if (fieldPath === undefined) return out;
  const at = [...path, 'fieldPath'];
  const subscripted = splitSubscript(fieldPath);
  if (subscripted) {
    const [base, key] = subscripted;
    if (base === 'metadata.labels' || base === 'metadata.annotations') {
      const problem = qualifiedName(base === 'metadata.annotations' ? key.toLowerCase() : key);
      if (problem) {
        out.push(finding(at, msg(`The key ${q(key)} in ${q(fieldPath)} is invalid: ${problem.en}.`, `${q(fieldPath)}의 키 ${josa(q(key), '이/가')} 올바르지 않다: ${problem.ko}.`)));
      }
    } else {
      out.push(finding(at, msg(
        `${q(base)} does not support a subscript; only metadata.labels['key'] and metadata.annotations['key'] do.`,
        `${josa(q(base), '은/는')} 첨자를 쓸 수 없다; metadata.labels['key']와 metadata.annotations['key']만 쓸 수 있다.`,
      )));
    }
    return out;
  }
  if (use === 'env' && !ENV_FIELD_PATHS.includes(fieldPath)) {
    if (fieldPath === 'metadata.labels' || fieldPath === 'metadata.annotations') {
      out.push(finding(at, msg(
        `${q(fieldPath)} (all of them at once) is only available in a downwardAPI volume; in env, select one key with ${fieldPath}['key'].`,
        `${q(fieldPath)} 전체는 downwardAPI 볼륨에서만 쓸 수 있다; env에서는 ${fieldPath}['key']로 키 하나를 골라야 한다.`,
      )));
    } else {
      out.push(finding(at, msg(
        `fieldPath ${q(fieldPath)} is not supported in env: use one of ${ENV_FIELD_PATHS.join(', ')}, metadata.labels['key'], metadata.annotations['key'].`,
        `env에서 fieldPath ${josa(q(fieldPath), '은/는')} 지원되지 않는다: ${ENV_FIELD_PATHS.join(', ')}, metadata.labels['key'], metadata.annotations['key'] 중 하나를 써야 한다.`,
      )));
    }
  } else if (use === 'volume' && !VOLUME_FIELD_PATHS.includes(fieldPath)) {
    if (ENV_FIELD_PATHS.includes(fieldPath)) {
      out.push(finding(at, msg(
        `${q(fieldPath)} is only available as an environment variable (env[].valueFrom.fieldRef), not in a downwardAPI volume.`,
        `${josa(q(fieldPath), '은/는')} downwardAPI 볼륨에서는 쓸 수 없고 환경 변수(env[].valueFrom.fieldRef)로만 쓸 수 있다.`,
      )));
    } else {
      out.push(finding(at, msg(
        `fieldPath ${q(fieldPath)} is not supported in a downwardAPI volume: use one of ${VOLUME_FIELD_PATHS.join(', ')} or their ['key'] forms.`,
        `downwardAPI 볼륨에서 fieldPath ${josa(q(fieldPath), '은/는')} 지원되지 않는다: ${VOLUME_FIELD_PATHS.join(', ')} 또는 그 ['key'] 형태 중 하나를 써야 한다.`,
      )));
    }
  }
  return out;
}

function divisorAllowed(resource: string, divisor: Quantity): boolean {
  // The API server compares the canonical string of the divisor with a fixed list, so the notation matters
  // ("1e3" stays "1e3" and is refused, "1000" becomes "1k" and is accepted).
  const isOne = quantityEquals(divisor, 1n);
  if (divisor.format === 'DecimalExponent') return isOne;
  if (resource.endsWith('.cpu')) return isOne || quantityEquals(divisor, 1n, 1000n);
  const decimal = [3n, 6n, 9n, 12n, 15n, 18n].some((e) => quantityEquals(divisor, 10n ** e));
  const binary = [10n, 20n, 30n, 40n, 50n, 60n].some((e) => quantityEquals(divisor, 2n ** e));
  return isOne || decimal || (divisor.format === 'BinarySI' && binary);
}

/** Problems of a ResourceFieldSelector (`resourceFieldRef`) in env or in a volume. */
export function checkResourceFieldRef(ref: Obj, path: Path, use: DownwardUse, pod: PodTemplate): RuleFinding[] {
  const out: RuleFinding[] = [];
  const containerName = str(ref.containerName);
  if (use === 'volume' && !containerName) {
    out.push(missing(path, msg(
      'resourceFieldRef.containerName is required in a downwardAPI volume: name the container whose resources are exposed.',
      'downwardAPI 볼륨의 resourceFieldRef에는 containerName이 필요하다: 리소스를 노출할 컨테이너 이름을 지정해야 한다.',
    )));
  }
  if (containerName) {
    const names = containersOf(pod, INIT_AND_APP_CONTAINERS).map((c) => c.name);
    if (!names.includes(containerName)) {
      // validateContainerResourceFieldSelector only requires a non-empty name: the API server admits the Pod,
      // which then fails on the node. A warning, not an API-server error.
      const listed = names.filter(Boolean).join(', ');
      out.push(finding([...path, 'containerName'], use === 'volume' ? msg(
        `containerName ${q(containerName)} names no container of this pod (${listed || 'none'}). The API server admits it, but the Pod then fails: the kubelet cannot fill in the file, so the volume is not mounted and the Pod does not start.`,
        `containerName ${josa(q(containerName), '은/는')} 이 파드의 컨테이너(${listed || '없음'})가 아니다. API 서버는 받아들이지만 파드는 실패한다: kubelet이 파일 내용을 구할 수 없어 볼륨이 마운트되지 않고 파드가 시작되지 않는다.`,
      ) : msg(
        `containerName ${q(containerName)} names no container of this pod (${listed || 'none'}). The API server admits it, but the Pod then fails: the kubelet cannot resolve the variable, so the container does not start.`,
        `containerName ${josa(q(containerName), '은/는')} 이 파드의 컨테이너(${listed || '없음'})가 아니다. API 서버는 받아들이지만 파드는 실패한다: kubelet이 변수 값을 구할 수 없어 컨테이너가 시작되지 않는다.`,
      ), { severity: 'warning' }));
    }
  }
  const resource = str(ref.resource);
  if (resource === undefined) return out;
  const known = RESOURCE_FIELD_RESOURCES.includes(resource) || HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p));
  if (!known) {
    out.push(finding([...path, 'resource'], msg(
      `resource ${q(resource)} is not supported: use one of ${RESOURCE_FIELD_RESOURCES.join(', ')} or requests/limits.hugepages-<size>.`,
      `resource ${josa(q(resource), '은/는')} 지원되지 않는다: ${RESOURCE_FIELD_RESOURCES.join(', ')} 또는 requests/limits.hugepages-<크기> 중 하나를 써야 한다.`,
    )));
    return out;
  }
  if (has(ref, 'divisor')) {
    const divisor = parseQuantity(ref.divisor);
    const isCpu = resource.endsWith('.cpu');
    const allowed = isCpu ? '1m, 1' : '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';
    if (!divisor) {
      out.push(finding([...path, 'divisor'], msg(`divisor ${q(ref.divisor)} is not a quantity.`, `divisor ${josa(q(ref.divisor), '은/는')} 수량(quantity)이 아니다.`)));
    } else if (!quantityEquals(divisor, 0n) && !divisorAllowed(resource, divisor)) {
      out.push(finding([...path, 'divisor'], msg(
        `divisor ${q(ref.divisor)} is not supported for ${resource}: use one of ${allowed}.`,
        `${resource}에는 divisor ${josa(q(ref.divisor), '을/를')} 쓸 수 없다: ${allowed} 중 하나를 써야 한다.`,
      )));
    }
  }
  return out;
}
