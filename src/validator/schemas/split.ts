// Splits one version's bundled schemas into an index and chunks of definitions, so a browser loads only the
// definitions of the kinds in its input (kubeconform's registry is per kind too). Pure and deterministic: the site's
// build (src/integrations/schema-chunks.ts) runs it on the generated JSON, which stays the one source of truth.
//
// Definitions that the same kinds reach go in one chunk: ObjectMeta and its friends (every kind: these go in the index
// itself), PodSpec's closure (the workloads), a kind's own definitions. That gives ~165 groups for 1.36, most of them
// tiny, and a StatefulSet would need 15 requests; so groups are then merged while that lowers the cost summed over all
// kinds, counting each chunk a kind loads as CHUNK_COST plus its size. Measured for 1.36 (gzip, index included): a
// StatefulSet loads 2 chunks, 9.0 KB; a ConfigMap 1 chunk, 3.4 KB; Deployment + Service + ConfigMap 4 chunks, 10.0 KB;
// the whole version as one file was 21.2 KB. CHUNK_COST was chosen by measuring 100 to 6400 (3200 is lowest for
// workloads and within 0.1 KB of the lowest for the small kinds).
import type { BundledSchemas } from './index.ts';

/**
 * What a version's index holds: everything but the definitions, plus the chunks each kind's schema needs. It is the
 * first thing the browser loads, so it is kept compact: kinds as a list, their definition ids as `<prefix>.<version>.<Kind>`
 * with a prefix per API group (the generator's naming; any id that does not follow it is listed as it is).
 */
export interface SchemaIndex extends Omit<BundledSchemas, 'definitions' | 'kinds'> {
  /** Kind keys ('apps/v1/Deployment'), in the order of BundledSchemas.kinds. */
  kinds: string[];
  /** API group ('' for core) -> the prefix of its kinds' definition ids ('io.k8s.api.apps'). */
  definitionPrefixes: Record<string, string>;
  /** Kind key -> definition id, for kinds whose id is not derived from a prefix. */
  otherDefinitionIds: Record<string, string>;
  /** For each kind (same order as `kinds`): the chunks holding the other definitions its schema reaches. */
  kindChunks: number[][];
  /** The definitions every kind reaches (ObjectMeta and its friends): in the index itself, one file fewer to fetch. */
  commonDefinitions: Record<string, unknown>;
}

/** 'apps/v1/Deployment' -> its group, and the tail of its definition id ('v1.Deployment'). */
function kindParts(key: string): { group: string; tail: string } {
  const parts = key.split('/');
  return { group: parts.length === 3 ? parts[0] : '', tail: `${parts[parts.length - 2]}.${parts[parts.length - 1]}` };
}

/** The kind key -> definition id map of an index (BundledSchemas.kinds). */
export function indexedKinds(index: SchemaIndex): Record<string, string> {
  return Object.fromEntries(
    index.kinds.map((key) => {
      const { group, tail } = kindParts(key);
      return [key, index.otherDefinitionIds[key] ?? `${index.definitionPrefixes[group]}.${tail}`];
    }),
  );
}

export interface SplitSchemas {
  index: SchemaIndex;
  /** Each definition not in index.commonDefinitions in exactly one chunk. */
  chunks: Array<Record<string, unknown>>;
}

/** The cost of one more chunk for a kind, in gzip bytes (a request, and the compression context a chunk starts anew). */
const CHUNK_COST = 3200;
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
  const { definitions, kinds: _kinds, ...rest } = schemas;
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
  // The chunks most kinds need first: small numbers, repeated, compress best.
  groups.sort((a, b) => b.users.size - a.users.size || (a.ids[0] < b.ids[0] ? -1 : 1));
  const common = groups[0]?.users.size === kindKeys.length ? groups.shift()!.ids : [];
  const pick = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, definitions[id]]));
  const definitionPrefixes: Record<string, string> = {};
  const otherDefinitionIds: Record<string, string> = {};
  for (const [key, id] of Object.entries(schemas.kinds)) {
    const { group, tail } = kindParts(key);
    const prefix = id.endsWith(`.${tail}`) ? id.slice(0, -tail.length - 1) : undefined;
    if (prefix !== undefined && (definitionPrefixes[group] ?? prefix) === prefix) definitionPrefixes[group] = prefix;
    else otherDefinitionIds[key] = id;
  }
  const kindChunks = Object.keys(schemas.kinds).map((key) => {
    const kindIndex = kindKeys.indexOf(key);
    return groups.flatMap((group, chunk) => (group.users.has(kindIndex) ? [chunk] : []));
  });
  return {
    index: { ...rest, kinds: Object.keys(schemas.kinds), definitionPrefixes, otherDefinitionIds, kindChunks, commonDefinitions: pick(common) },
    chunks: groups.map((group) => pick(group.ids)),
  };
}
