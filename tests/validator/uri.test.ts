// The bundled schemas' URI resolver (src/validator/registry/uri.ts) gives what ajv's default, fast-uri, gives for
// every id and reference form the bundled schemas and custom resources' schemas use.
import ajvDefaultUri from 'ajv/dist/runtime/uri.js';
import { describe, expect, it } from 'vitest';
import { bundledUriResolver } from '../../src/validator/registry/uri.ts';
import { BUNDLED_KUBERNETES_VERSIONS, bundledSchemas, loadKubernetesVersion } from '../../src/validator/registry.ts';

const ids = BUNDLED_KUBERNETES_VERSIONS.flatMap((version) => [`https://kubernetes-validator.invalid/kubernetes-${version}.json`, `https://kubernetes-validator.invalid/kubernetes-${version}-strict.json`]);
await loadKubernetesVersion('1.36');
const definitionIds = Object.keys(bundledSchemas('1.36').definitions);

describe('the bundled schemas’ URI resolver', () => {
  it('resolves ids and references as fast-uri does', () => {
    const bases = ['', '#', ...ids, ...ids.map((id) => `${id}#`), `${ids[0]}#/definitions/${definitionIds[0]}`];
    const references = ['', '#', '#/definitions', ...definitionIds.map((id) => `#/definitions/${id}`), ...ids, ...ids.map((id) => `${id}#/definitions/${definitionIds[1]}`), 'other.json#/definitions/x'];
    let compared = 0;
    for (const base of bases) {
      for (const reference of references) {
        if (!base && reference === 'other.json#/definitions/x') continue; // a relative path against no base: not used
        expect(bundledUriResolver.resolve(base, reference), `${base} + ${reference}`).toBe(ajvDefaultUri.resolve(base, reference));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('parses and serializes them as fast-uri does (what ajv reads: the fragment, and the URI without it)', () => {
    const uris = ['', '#', ...ids, ...definitionIds.flatMap((id) => [`#/definitions/${id}`, `${ids[0]}#/definitions/${id}`])];
    for (const uri of uris) {
      const ours = bundledUriResolver.parse(uri);
      const theirs = ajvDefaultUri.parse(uri);
      expect(ours.fragment, uri).toBe(theirs.fragment);
      expect(bundledUriResolver.serialize(ours), uri).toBe(ajvDefaultUri.serialize(theirs));
      expect(bundledUriResolver.serialize({ ...ours, fragment: undefined }), uri).toBe(ajvDefaultUri.serialize({ ...theirs, fragment: undefined }));
    }
  });
});
