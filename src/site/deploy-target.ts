// Where the site is published. GitHub Pages sets SITE_URL (https://owner.github.io) and BASE_PATH (/repo);
// locally both default to the `astro preview` address, so absolute links (sitemap, hreflang, kubectl URLs) work there.
type Env = Record<string, string | undefined>;

export const LOCAL_SITE_URL = 'http://127.0.0.1:4321';

export function siteUrl(env: Env): string {
  const raw = env.SITE_URL?.trim() || LOCAL_SITE_URL;
  const url = new URL(raw); // throws a clear "Invalid URL" for nonsense
  return url.origin;
}

/** '/' or '/repo/' (leading and trailing slash, no doubles). */
export function basePath(env: Env): string {
  const parts = (env.BASE_PATH ?? '').split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}
