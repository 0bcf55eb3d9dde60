// Example manifests: plain files under examples/, embedded on pages with <Manifest> and published under /examples/.
export const EXAMPLES_DIR = 'examples';

/** Public URL of an example: <site><base>examples/<file> (a path when no site is known). */
export function exampleUrl(file: string, site: URL | string | undefined, base: string): string {
  const path = `${base.replace(/\/?$/, '/')}${EXAMPLES_DIR}/${file}`;
  return site ? new URL(path, site).href : path;
}

/** Where the "common mistake" files (src/mistakes/) are published, for the playground to load them. */
export const MISTAKES_DIR = 'mistakes';

/** The playground of a language, opening a published file (e.g. "examples/batch-job/job.yaml"). */
export function playgroundUrl(lang: string, base: string, file?: string): string {
  const page = `${base.replace(/\/?$/, '/')}${lang}/playground/`;
  return file ? `${page}?file=${encodeURI(file)}` : page;
}
