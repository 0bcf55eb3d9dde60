// "For every pod template in this resource": a Pod itself, the template of a workload, a CronJob's jobTemplate.
// Rules about containers, volumes and the downward API all walk pods through these helpers.
import type { Resource } from '../../types.ts';
import { arr, isObj, obj, str, type Obj, type Path } from './util.ts';

export interface PodTemplate {
  /** Path of the pod's metadata (may be absent in the object). */
  metadataPath: Path;
  metadata: Obj | undefined;
  /** Path of the PodSpec. */
  specPath: Path;
  spec: Obj;
  resource: Resource;
}

/** Where the pod template lives, by 'group/version/Kind' ('v1/Kind' for the core group). */
const TEMPLATE_PATHS: Record<string, Path> = {
  'v1/Pod': [],
  'v1/PodTemplate': ['template'],
  'v1/ReplicationController': ['spec', 'template'],
  'apps/v1/Deployment': ['spec', 'template'],
  'apps/v1/ReplicaSet': ['spec', 'template'],
  'apps/v1/StatefulSet': ['spec', 'template'],
  'apps/v1/DaemonSet': ['spec', 'template'],
  'batch/v1/Job': ['spec', 'template'],
  'batch/v1/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Controllers of long-running Pods (restartPolicy Always, no activeDeadlineSeconds). */
export const LONG_RUNNING_WORKLOADS = [
  'apps/v1/Deployment',
  'apps/v1/ReplicaSet',
  'apps/v1/StatefulSet',
  'apps/v1/DaemonSet',
  'v1/ReplicationController',
];

/** GVKs that carry a pod template, for rules' appliesTo. */
export const POD_TEMPLATE_KINDS = Object.keys(TEMPLATE_PATHS);

export function gvk(resource: Resource): string {
  return `${resource.apiVersion}/${resource.kind}`;
}

export function getAt(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (typeof key === 'number') node = Array.isArray(node) ? node[key] : undefined;
    else node = isObj(node) ? node[key] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

// Most rules walk the same pod template, and the rules run one resource at a time: the templates of the resource
// at hand are located once. (A WeakMap over every resource cost more, in lookups and garbage collection, than it saved.)
let lastResource: Resource | undefined;
let lastObject: unknown;
let lastTemplates: PodTemplate[] = [];

export function podTemplates(resource: Resource): PodTemplate[] {
  if (resource !== lastResource || resource.object !== lastObject) {
    lastTemplates = findPodTemplates(resource);
    lastResource = resource;
    lastObject = resource.object;
  }
  return lastTemplates;
}

function findPodTemplates(resource: Resource): PodTemplate[] {
  const base = TEMPLATE_PATHS[gvk(resource)];
  if (!base) return [];
  const template = base.length === 0 ? resource.object : obj(getAt(resource.object, base));
  if (!template) return [];
  const spec = obj(template.spec);
  if (!spec) return [];
  return [
    {
      metadataPath: [...base, 'metadata'],
      metadata: obj(template.metadata),
      specPath: [...base, 'spec'],
      spec,
      resource,
    },
  ];
}

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerRef {
  container: Obj;
  path: Path;
  list: ContainerList;
  name: string | undefined;
}

/** Every container list of a pod spec; and those whose containers run the workload (for resources, probes...). */
export const ALL_CONTAINERS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];
export const INIT_AND_APP_CONTAINERS: readonly ContainerList[] = ['initContainers', 'containers'];

// A dozen rules list the same pod's containers in turn: the lists of the pod at hand are kept (read-only).
let lastPod: PodTemplate | undefined;
const lastPodContainers = new Map<readonly ContainerList[], ContainerRef[]>();

/** Every container of a pod spec (regular, init and ephemeral), with its path. Do not modify the result. */
export function containersOf(pod: PodTemplate, lists: readonly ContainerList[] = ALL_CONTAINERS): ContainerRef[] {
  if (pod !== lastPod) {
    lastPod = pod;
    lastPodContainers.clear();
  }
  const key = lists;
  let found = lastPodContainers.get(key);
  if (!found) {
    found = findContainers(pod, lists);
    lastPodContainers.set(key, found);
  }
  return found;
}

function findContainers(pod: PodTemplate, lists: readonly ContainerList[]): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of lists) {
    arr(pod.spec[list]).forEach((container, index) => {
      if (isObj(container)) out.push({ container, path: [...pod.specPath, list, index], list, name: str(container.name) });
    });
  }
  return out;
}

export interface VolumeRef {
  volume: Obj;
  path: Path;
  name: string | undefined;
}

export function volumesOf(pod: PodTemplate): VolumeRef[] {
  const out: VolumeRef[] = [];
  arr(pod.spec.volumes).forEach((volume, index) => {
    if (isObj(volume)) out.push({ volume, path: [...pod.specPath, 'volumes', index], name: str(volume.name) });
  });
  return out;
}

/** The longest prefix of `path` that exists in `root`: where to point when the wanted node is missing. */
export function existingPath(root: unknown, path: Path): Path {
  let node: unknown = root;
  const out: Path = [];
  for (const key of path) {
    const next = typeof key === 'number' ? (Array.isArray(node) ? node[key] : undefined) : isObj(node) ? node[key] : undefined;
    if (next === undefined || next === null) break;
    out.push(key);
    node = next;
  }
  return out;
}
