// Splits one version's bundled schemas into an index and chunks of definitions, so a browser loads only the
// definitions of the kinds in its input (kubeconform's registry is per kind too). Pure and deterministic: the site's
// build (src/integrations/schema-chunks.ts) runs it on the generated JSON, which stays the one source of truth.
//
// Definitions that the same kinds reach go in one chunk: ObjectMeta and its friends (every kind), PodSpec's closure
// (the workloads), a kind's own definitions. That gives ~165 chunks for 1.36, most of them tiny, and a StatefulSet
// would need 15 requests; so chunks are then merged while that lowers the cost summed over all kinds, counting each
// chunk a kind loads as CHUNK_COST plus its size (measured: a StatefulSet then loads 7 chunks, 7.6 KB gzip, against
// 5.9 KB for its closure as one file and 21.7 KB for the whole version).
import type { BundledSchemas } from './index.ts';

/** What a version's index holds: everything but the definitions, plus the chunks each kind's schema needs. */
export interface SchemaIndex extends Omit<BundledSchemas, 'definitions'> {
  /** Kind key ('apps/v1/Deployment') -> the chunks holding every definition its schema reaches. */
  kindChunks: Record<string, number[]>;
}

export interface SplitSchemas {
  index: SchemaIndex;
  /** Each definition in exactly one chunk. */
  chunks: Array<Record<string, unknown>>;
}

/** The cost of one more chunk for a kind, in gzip bytes (a request, and the compression context a chunk starts anew). */
const CHUNK_COST = 100;
/** JSON characters per gzip byte, roughly, for definitions (a size estimate good enough to weigh merges). */
const CHARACTERS_PER_GZIP_BYTE = 6;
const LOCAL_REF = '#/definitions/';

/** The definition ids a definition refers to. */
export function referencedDefinitions(definition: unknown): string[] {
  const ids: string[] = [];
  JSON.stringify(definition, (key, value: unknown) => {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(LOCAL_REF)) ids.push(value.slice(LOCAL_REF.length));
    return value;
  });
  return ids;
}

/** The definitions a definition reaches, itself included. */
export function definitionClosure(definitionId: string, definitions: Record<string, unknown>): Set<string> {
  const reached = new Set<string>();
  const stack = [definitionId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id) || !(id in definitions)) continue;
    reached.add(id);
    stack.push(...referencedDefinitions(definitions[id]));
  }
  return reached;
}

interface Group {
  /** Indexes of the kinds that need the group. */
  users: Set<number>;
  ids: string[];
  size: number;
}

export function splitSchemas(schemas: BundledSchemas): SplitSchemas {
  const { definitions, ...rest } = schemas;
  const kindKeys = Object.keys(schemas.kinds).sort();
  const usersOf = new Map<string, number[]>();
  kindKeys.forEach((key, kindIndex) => {
    for (const id of definitionClosure(schemas.kinds[key], definitions)) usersOf.set(id, [...(usersOf.get(id) ?? []), kindIndex]);
  });
  // Definitions no kind reaches still get a chunk (none is dropped), needed by no kind.
  const bySignature = new Map<string, Group>();
  for (const id of Object.keys(definitions).sort()) {
    const users = usersOf.get(id) ?? [];
    const signature = users.join(',');
    let group = bySignature.get(signature);
    if (!group) bySignature.set(signature, (group = { users: new Set(users), ids: [], size: 0 }));
    group.ids.push(id);
    group.size += JSON.stringify(definitions[id]).length / CHARACTERS_PER_GZIP_BYTE;
  }
  const groups = [...bySignature.values()];
  // Greedy: merge the pair that lowers the total cost most, until no merge lowers it. Merging A and B saves a chunk
  // for the kinds needing both, and costs B's bytes to the kinds needing only A, and A's to those needing only B.
  for (;;) {
    let best: { i: number; j: number; gain: number } | undefined;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i];
        const b = groups[j];
        let both = 0;
        for (const user of a.users) if (b.users.has(user)) both++;
        if (both === 0) continue;
        const gain = both * CHUNK_COST - (a.users.size - both) * b.size - (b.users.size - both) * a.size;
        if (gain > 0 && (!best || gain > best.gain)) best = { i, j, gain };
      }
    }
    if (!best) break;
    const a = groups[best.i];
    const b = groups[best.j];
    groups[best.i] = { users: new Set([...a.users, ...b.users]), ids: [...a.ids, ...b.ids].sort(), size: a.size + b.size };
    groups.splice(best.j, 1);
  }
  groups.sort((a, b) => (a.ids[0] < b.ids[0] ? -1 : 1));
  const kindChunks: Record<string, number[]> = {};
  for (const key of Object.keys(schemas.kinds)) {
    const kindIndex = kindKeys.indexOf(key);
    kindChunks[key] = groups.flatMap((group, chunk) => (group.users.has(kindIndex) ? [chunk] : []));
  }
  return {
    index: { ...rest, kindChunks },
    chunks: groups.map((group) => Object.fromEntries(group.ids.map((id) => [id, definitions[id]]))),
  };
}
