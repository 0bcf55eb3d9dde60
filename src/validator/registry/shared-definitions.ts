// When one process checks several Kubernetes versions (matrix mode, the site's "Accepted by" lines), most
// definitions are the same in every version: ObjectMeta, probes, volume sources... Compiling each of them once per
// version is most of a matrix run's time. So the versions share one ajv instance, and a $ref to a definition that an
// earlier version already has, with the same id and the same content down to every definition it reaches, points at
// that earlier version's copy: ajv compiles it once. The error messages do not change (check.ts resolves a $ref by
// its definition id, and the content behind it is the same). A process that loads one version does none of this.

/** A part of a version's definitions as added to ajv, and the URI each of the version's definitions is compiled from. */
export interface SharedDefinitions {
  definitions: Record<string, unknown>;
  uriOf(definitionId: string): string;
}

/** A version's definitions as shared so far (a version comes whole in Node, chunk by chunk in the browser build). */
interface Version {
  id: string;
  definitions: Record<string, unknown>;
  /** Definition id -> its number (see #number); only definitions already numbered. */
  numbers: Map<string, number | null>;
  /** Definition id -> the URI of an earlier version's copy. */
  redirect: Map<string, string>;
  /** Numbered: done as soon as a second version comes (a process that loads one version does no numbering). */
  registered: boolean;
}

const LOCAL_REF = '#/definitions/';

export class DefinitionSharing {
  readonly #versions = new Map<string, Version>();
  /** Exact text of a definition (children as numbers) -> its number. */
  readonly #numbers = new Map<string, number>();
  /** Number -> the URI of the first loaded definition with that content. */
  readonly #uris = new Map<number, string>();

  /** Shares a part of the version `id`'s definitions (the whole of them, or the next chunk): returns it as to add to ajv. */
  share(id: string, definitions: Record<string, unknown>): SharedDefinitions {
    let version = this.#versions.get(id);
    if (!version) this.#versions.set(id, (version = { id, definitions: {}, numbers: new Map(), redirect: new Map(), registered: false }));
    Object.assign(version.definitions, definitions);
    const { redirect } = version;
    const uriOf = (definitionId: string) => redirect.get(definitionId) ?? `${id}${LOCAL_REF}${definitionId}`;
    if (this.#versions.size === 1) return { definitions, uriOf };
    // The versions loaded before are numbered first (as they were added: their copies come first).
    for (const other of this.#versions.values()) {
      if (other === version || other.registered) continue;
      this.#register(other, Object.keys(other.definitions));
      other.registered = true;
    }
    const before = redirect.size;
    this.#register(version, Object.keys(version.registered ? definitions : version.definitions));
    version.registered = true;
    if (redirect.size === before) return { definitions, uriOf };
    const rewritten = JSON.parse(JSON.stringify(definitions, (key, value: unknown) =>
      key === '$ref' && typeof value === 'string' && value.startsWith(LOCAL_REF) ? (redirect.get(value.slice(LOCAL_REF.length)) ?? value) : value)) as Record<string, unknown>;
    return { definitions: rewritten, uriOf };
  }

  /** Numbers the version's definitions `ids`; those an earlier version already has go into its redirect map. */
  #register(version: Version, ids: string[]): void {
    for (const definitionId of ids) {
      const number = this.#number(version, definitionId);
      if (number === null) continue;
      const earlier = this.#uris.get(number);
      if (earlier === undefined) this.#uris.set(number, `${version.id}${LOCAL_REF}${definitionId}`);
      else if (!earlier.startsWith(`${version.id}#`)) version.redirect.set(definitionId, earlier);
    }
  }

  /**
   * A number per definition that equals another definition's exactly when both have the same id and the same content
   * down to every definition they reach (exact text, no hashing). Definitions on or reaching a cycle (the CRD's
   * JSONSchemaProps), or reaching one not loaded yet, get null: they are not shared.
   */
  #number(version: Version, definitionId: string): number | null {
    const { numbers, definitions } = version;
    const onPath = new Set<string>();
    const visit = (id: string): number | null => {
      if (numbers.has(id)) return numbers.get(id)!;
      if (onPath.has(id) || !(id in definitions)) return null;
      onPath.add(id);
      let shareable = true;
      const text = JSON.stringify(definitions[id], (key, value: unknown) => {
        if (key !== '$ref' || typeof value !== 'string' || !value.startsWith(LOCAL_REF)) return value;
        const child = visit(value.slice(LOCAL_REF.length));
        if (child === null) shareable = false;
        return `#${child}`;
      });
      onPath.delete(id);
      let number: number | null = null;
      if (shareable) {
        const key = `${id}\u0000${text}`;
        number = this.#numbers.get(key) ?? this.#numbers.size;
        this.#numbers.set(key, number);
      }
      numbers.set(id, number);
      return number;
    };
    return visit(definitionId);
  }
}
