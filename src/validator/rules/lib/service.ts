import type { Resource } from '../../types.ts';
import { arr, isObj, obj, str, type Obj, type Path } from './util.ts';

export const SERVICE = ['v1/Service'];

export interface ServiceView {
  spec: Obj;
  type: string;
  clusterIP: string | undefined;
  headless: boolean;
  ports: { port: Obj; path: Path }[];
}

export function serviceView(resource: Resource): ServiceView | undefined {
  const spec = obj(resource.object.spec);
  if (!spec) return undefined;
  const clusterIP = str(spec.clusterIP);
  const ports: ServiceView['ports'] = [];
  arr(spec.ports).forEach((port, i) => {
    if (isObj(port)) ports.push({ port, path: ['spec', 'ports', i] });
  });
  return { spec, type: str(spec.type) || 'ClusterIP', clusterIP, headless: clusterIP === 'None', ports };
}
