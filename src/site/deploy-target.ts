// Where the site is published. GitHub Pages gives SITE_URL (https://owner.github.io) and BASE_PATH (/repo); a
// SITE_URL with a path (https://owner.github.io/repo) works too. Locally both default to the `astro preview`
// address, so absolute URLs (sitemap, hreflang, the kubectl lines) work there.
type Env = Record<string, string | undefined>;

export const LOCAL_SITE_URL = 'http://127.0.0.1:4321';

function parseSiteUrl(env: Env): URL {
  const raw = env.SITE_URL?.trim() || LOCAL_SITE_URL;
  try {
    return new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://owner.github.io, got "${raw}"`);
  }
}

/** The origin Astro's `site` gets (the path goes to `base`). */
export function siteUrl(env: Env): string {
  return parseSiteUrl(env).origin;
}

/** '/' or '/repo/': BASE_PATH if set, else the path of SITE_URL; one leading and one trailing slash. */
export function basePath(env: Env): string {
  const raw = env.BASE_PATH?.trim() || parseSiteUrl(env).pathname;
  const parts = raw.split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}
