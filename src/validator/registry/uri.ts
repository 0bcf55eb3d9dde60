// ajv's URI resolver for the bundled schemas. They use absolute ids (`https://kubernetes-validator.invalid/...json`,
// registry.ts) and `#/definitions/<id>` references, local or after such an id; CustomResourceDefinitions may use
// neither `$ref` nor `id` (registry/crd.ts). That needs no RFC 3986 parser: ajv's default, fast-uri (~6 KB gzip),
// stays for external schema files (Node), and the playground's worker build leaves it out (integrations/schema-chunks.ts, leanAjv).
import type { Options } from 'ajv';

type UriResolver = NonNullable<Options['uriResolver']>;
type UriComponents = ReturnType<UriResolver['parse']>;

const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;

const withoutFragment = (uri: string) => (uri.includes('#') ? uri.slice(0, uri.indexOf('#')) : uri);

export const bundledUriResolver: UriResolver = {
  parse(uri: string): UriComponents {
    const hash = uri.indexOf('#');
    return hash === -1 ? { path: uri } : { path: uri.slice(0, hash), fragment: uri.slice(hash + 1) };
  },
  serialize(components: UriComponents): string {
    return components.fragment === undefined ? (components.path ?? '') : `${components.path ?? ''}#${components.fragment}`;
  },
  resolve(base: string, reference: string): string {
    if (ABSOLUTE.test(reference)) return reference;
    if (reference === '' || reference.startsWith('#')) return withoutFragment(base) + reference;
    return ABSOLUTE.test(base) ? new URL(reference, base).href : reference;
  },
};

export default bundledUriResolver;
