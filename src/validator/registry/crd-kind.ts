// What the validator needs of CustomResourceDefinitions before it meets one: how to recognise one, and the ajv keyword
// its custom resources' schemas use (registered with the bundled schemas' compiler). Reading a CustomResourceDefinition
// (crd.ts) is loaded when the input has one: the playground's worker does not download it otherwise.

export const CRD_API_VERSION = 'apiextensions.k8s.io/v1';
/** The keyword (registered with the compiler, see listMapKeysKeyword) for the keys that identify a list-map's items. */
export const LIST_MAP_KEYS = 'x-kubernetes-list-map-keys';

/**
 * An ajv keyword definition for x-kubernetes-list-type: map: no two items may have the same values for the map's
 * keys (the API server refuses the second as a duplicate). The error points at the second item.
 */
export const listMapKeysKeyword = {
  keyword: LIST_MAP_KEYS,
  type: 'array',
  schemaType: 'array',
  errors: true,
  validate: function listMapKeys(keys: string[], data: unknown[], _parent?: unknown, context?: { instancePath: string }): boolean {
    const seen = new Map<string, number>();
    const errors: object[] = [];
    data.forEach((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
      const fields = item as Record<string, unknown>;
      const identity = JSON.stringify(keys.map((k) => fields[k] ?? null));
      const first = seen.get(identity);
      if (first === undefined) seen.set(identity, index);
      else errors.push({ instancePath: `${context?.instancePath ?? ''}/${index}`, keyword: LIST_MAP_KEYS, params: { keys, values: keys.map((k) => fields[k] ?? null), first }, message: 'duplicate item' });
    });
    (listMapKeysKeyword.validate as { errors?: object[] }).errors = errors;
    return errors.length === 0;
  },
};
export const CRD_KIND = 'CustomResourceDefinition';

/** Whether a resource is a CustomResourceDefinition crd.ts reads. */
export function isCustomResourceDefinition(apiVersion: string, kind: string): boolean {
  return apiVersion === CRD_API_VERSION && kind === CRD_KIND;
}

type CrdReader = typeof import('./crd.ts');
let reader: CrdReader | undefined;

/** Loads (once) crd.ts, which reads CustomResourceDefinitions. */
export async function loadCrdReader(): Promise<CrdReader> {
  return (reader ??= await import('./crd.ts'));
}

/** crd.ts, loaded before (loadCrdReader). */
export function crdReader(): CrdReader {
  if (!reader) throw new Error('registry/crd.ts is not loaded: await loadCrdReader() first');
  return reader;
}
