// What the built site contains, read from disk: the pages in dist/ and the chapters in content/.
// Tests derive their page lists from here so a new chapter is covered without editing a test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const CONTENT = join(ROOT, 'content');
export const EXAMPLES = join(ROOT, 'examples');
export const LANGS = ['ko', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface BuiltPage {
  /** URL path, e.g. /ko/batch-job/ or /404.html */
  path: string;
  file: string;
  /** Target of a <meta http-equiv="refresh"> redirect page, if it is one. */
  redirectTo?: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Every HTML page in dist/ (Pagefind's own files excluded), sorted by URL path. */
export function builtPages(): BuiltPage[] {
  if (!existsSync(DIST)) throw new Error(`${DIST} does not exist: the site was not built (npm run build)`);
  return walk(DIST)
    .filter((file) => file.endsWith('.html') && !relative(DIST, file).startsWith(`pagefind${sep}`))
    .map((file) => {
      const rel = relative(DIST, file).split(sep).join('/');
      const path = '/' + (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      const html = readFileSync(file, 'utf8');
      const refresh = /<meta\s+http-equiv=["']?refresh["']?\s+content=["']?\d+;\s*url=([^"'>\s]+)/i.exec(html);
      return refresh ? { path, file, redirectTo: refresh[1] } : { path, file };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

export interface Chapter {
  slug: string;
  lang: Lang;
  title: string;
  description: string;
  path: string;
}

function frontmatter(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no frontmatter`);
  const data: unknown = parseYaml(match[1]);
  if (data === null || typeof data !== 'object') throw new Error(`${file}: frontmatter is not a mapping`);
  return data as Record<string, unknown>;
}

/** Chapter pages (content/<lang>/<slug>.mdx whose frontmatter has `chapter:`), in sidebar order, both languages. */
export function chapters(): Chapter[] {
  const found: (Chapter & { order: number })[] = [];
  for (const lang of LANGS) {
    const dir = join(CONTENT, lang);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => /\.mdx?$/.test(n))) {
      const data = frontmatter(join(dir, name));
      if (data.chapter === undefined) continue;
      const slug = name.replace(/\.mdx?$/, '');
      const sidebar = data.sidebar as { order?: number } | undefined;
      found.push({
        slug,
        lang,
        title: String(data.title),
        description: String(data.description ?? ''),
        path: `/${lang}/${slug}/`,
        order: sidebar?.order ?? Number.MAX_SAFE_INTEGER,
      });
    }
  }
  return found
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug) || a.lang.localeCompare(b.lang))
    .map(({ order: _order, ...chapter }) => chapter);
}

/** The example file behind a published /examples/<slug>/<name>.yaml URL path. */
export function exampleFileFor(urlPath: string): string {
  const rel = decodeURIComponent(urlPath).replace(/^\/examples\//, '');
  return join(EXAMPLES, ...rel.split('/'));
}
