// Walks an networking.k8s.io/v1 Ingress: every backend (default and per path) and every HTTP path.
import type { Resource } from '../../types.ts';
import { arr, isObj, obj, type Obj, type Path } from './util.ts';

export interface IngressPath {
  path: Path;
  value: Obj;
}

export function ingressHttpPaths(resource: Resource): IngressPath[] {
  const out: IngressPath[] = [];
  arr(obj(resource.object.spec)?.rules).forEach((rule, r) => {
    const http = isObj(rule) ? obj(rule.http) : undefined;
    arr(http?.paths).forEach((p, i) => {
      if (isObj(p)) out.push({ path: ['spec', 'rules', r, 'http', 'paths', i], value: p });
    });
  });
  return out;
}

export function ingressBackends(resource: Resource): IngressPath[] {
  const out: IngressPath[] = [];
  const defaultBackend = obj(obj(resource.object.spec)?.defaultBackend);
  if (defaultBackend) out.push({ path: ['spec', 'defaultBackend'], value: defaultBackend });
  for (const p of ingressHttpPaths(resource)) {
    const backend = obj(p.value.backend);
    if (backend) out.push({ path: [...p.path, 'backend'], value: backend });
  }
  return out;
}

export const INGRESS = ['networking.k8s.io/v1/Ingress'];
