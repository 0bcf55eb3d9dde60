// Every ObjectMeta inside a resource: its own, its pod template's, a CronJob's jobTemplate's and a StatefulSet's
// volumeClaimTemplates'. Labels and annotations are validated the same way in each of them.
import type { Resource } from '../../types.ts';
import { getAt, gvk, podTemplates } from './pod-templates.ts';
import { arr, isObj, obj, type Obj, type Path } from './util.ts';

export interface MetadataBlock {
  path: Path;
  metadata: Obj;
}

// metadata-labels and metadata-annotations ask for the same resource's blocks one after the other.
let lastResource: Resource | undefined;
let lastBlocks: MetadataBlock[] = [];

export function metadataBlocks(resource: Resource): MetadataBlock[] {
  if (resource !== lastResource) {
    lastBlocks = findMetadataBlocks(resource);
    lastResource = resource;
  }
  return lastBlocks;
}

function findMetadataBlocks(resource: Resource): MetadataBlock[] {
  const out: MetadataBlock[] = [];
  const push = (path: Path) => {
    const metadata = obj(getAt(resource.object, path));
    if (metadata && !out.some((b) => b.metadata === metadata)) out.push({ path, metadata }); // a Pod's template is itself
  };
  push(['metadata']);
  if (gvk(resource) === 'batch/v1/CronJob') push(['spec', 'jobTemplate', 'metadata']);
  for (const pod of podTemplates(resource)) push(pod.metadataPath);
  if (gvk(resource) === 'apps/v1/StatefulSet') {
    arr(obj(resource.object.spec)?.volumeClaimTemplates).forEach((t, i) => {
      if (isObj(t)) push(['spec', 'volumeClaimTemplates', i, 'metadata']);
    });
  }
  return out;
}
