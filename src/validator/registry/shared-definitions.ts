// When one process checks several Kubernetes versions (matrix mode, the site's "Accepted by" lines), most
// definitions are the same in every version: ObjectMeta, probes, volume sources... Compiling each of them once per
// version is most of a matrix run's time. So the versions share one ajv instance, and a $ref to a definition that an
// earlier version already has, with the same id and the same content down to every definition it reaches, points at
// that earlier version's copy: ajv compiles it once. The error messages do not change (check.ts resolves a $ref by
// its definition id, and the content behind it is the same). A process that loads one version does none of this.

/** Definitions as added to ajv under one version's $id, and the URI each definition id is compiled from. */
export interface SharedDefinitions {
  definitions: Record<string, unknown>;
  uriOf(definitionId: string): string;
}

interface Loaded {
  id: string;
  definitions: Record<string, unknown>;
}

const LOCAL_REF = '#/definitions/';

export class DefinitionSharing {
  /** The first version loaded, kept unprocessed until a second one comes. */
  #first: Loaded | undefined;
  /** Exact text of a definition (children as numbers) -> its number. */
  readonly #numbers = new Map<string, number>();
  /** Number -> the URI of the first loaded definition with that content. */
  readonly #uris = new Map<number, string>();

  share(id: string, definitions: Record<string, unknown>): SharedDefinitions {
    if (!this.#first) {
      this.#first = { id, definitions };
      return { definitions, uriOf: (definitionId) => `${id}${LOCAL_REF}${definitionId}` };
    }
    if (this.#uris.size === 0) this.#register(this.#first);
    const redirect = this.#register({ id, definitions });
    const uriOf = (definitionId: string) => redirect.get(definitionId) ?? `${id}${LOCAL_REF}${definitionId}`;
    if (redirect.size === 0) return { definitions, uriOf };
    const rewritten = JSON.parse(JSON.stringify(definitions, (key, value: unknown) =>
      key === '$ref' && typeof value === 'string' && value.startsWith(LOCAL_REF) ? (redirect.get(value.slice(LOCAL_REF.length)) ?? value) : value)) as Record<string, unknown>;
    return { definitions: rewritten, uriOf };
  }

  /** Numbers the version's definitions; returns those an earlier version already has (id -> that version's URI). */
  #register(loaded: Loaded): Map<string, string> {
    const numberOf = this.#number(loaded.definitions);
    const redirect = new Map<string, string>();
    for (const [definitionId, number] of numberOf) {
      if (number === null) continue;
      const earlier = this.#uris.get(number);
      if (earlier) redirect.set(definitionId, earlier);
      else this.#uris.set(number, `${loaded.id}${LOCAL_REF}${definitionId}`);
    }
    return redirect;
  }

  /**
   * A number per definition that equals another definition's exactly when both have the same id and the same content
   * down to every definition they reach (exact text, no hashing). Definitions on or reaching a cycle (the CRD's
   * JSONSchemaProps) get null: they are not shared.
   */
  #number(definitions: Record<string, unknown>): Map<string, number | null> {
    const numbers = new Map<string, number | null>();
    const onPath = new Set<string>();
    const visit = (definitionId: string): number | null => {
      if (numbers.has(definitionId)) return numbers.get(definitionId)!;
      if (onPath.has(definitionId) || !(definitionId in definitions)) return null;
      onPath.add(definitionId);
      let shareable = true;
      const text = JSON.stringify(definitions[definitionId], (key, value: unknown) => {
        if (key !== '$ref' || typeof value !== 'string' || !value.startsWith(LOCAL_REF)) return value;
        const child = visit(value.slice(LOCAL_REF.length));
        if (child === null) shareable = false;
        return `#${child}`;
      });
      onPath.delete(definitionId);
      let number: number | null = null;
      if (shareable) {
        const key = `${definitionId}\u0000${text}`;
        number = this.#numbers.get(key) ?? this.#numbers.size;
        this.#numbers.set(key, number);
      }
      numbers.set(definitionId, number);
      return number;
    };
    for (const definitionId of Object.keys(definitions)) visit(definitionId);
    return numbers;
  }
}
