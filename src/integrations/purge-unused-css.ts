// After the build, drops from the render-blocking stylesheets (the ones pages link) every rule whose selector matches
// nothing in any built page or script, and every custom property nothing reads (PurgeCSS). Starlight and Expressive
// Code ship CSS for components this guide never uses (banners, hero, tabs, cards, gutters, ...); every chapter page
// pays for it before its first render. The purged file gets a new content hash in its name (and every reference in
// dist/ follows), so a long-lived cache never serves a stale purge.
// Stylesheets loaded on demand (the Pagefind UI) are left alone.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import postcss from 'postcss';
import { PurgeCSS } from 'purgecss';
import { compactCodeTokens } from './compact-code-tokens.ts';
import { minifyInlineScriptsIn } from './minify-inline-scripts.ts';

/** Kept whatever the pages hold: `:not(:where(.not-content *))` in Starlight's Markdown styles matches where
 * `.not-content` is absent, but PurgeCSS would drop the whole rule for the unused class; the code token colours
 * `--0`, `--1` (one per theme) are read as `var(--0, inherit)`, which PurgeCSS does not count as a use. */
const SAFELIST = { greedy: [/not-content/], variables: [/^--\d/] };

/**
 * Marks every rule whose selector uses `:has(` to be kept as it is. PurgeCSS judges each selector inside `:is()` on
 * its own and wrongly drops, for example, Starlight's list spacing
 * `.sl-markdown-content :is(ol, ul):has(> li > :not(…)) > li > :is(:last-child:not(…), :not(script):has(~ script:last-child)…)`.
 */
export function protectRelationalRules(css: string): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.selector.includes(':has(')) rule.prepend(postcss.comment({ text: 'purgecss ignore current' }));
  });
  return root.toString();
}

/** Every token a selector could refer to: class values split at whitespace keep `md:sl-flex` whole, word runs catch
 * class names written inside scripts (`classList.add('show')`) and attribute values. */
export function extractTokens(content: string): string[] {
  return [...new Set([...(content.match(/[^\s"'`<>=,;(){}[\]]+/g) ?? []), ...(content.match(/[\w-]+/g) ?? [])])];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The stylesheets the built pages link (`<link rel="stylesheet" href="…/_astro/x.css">`), as files in dist. */
function linkedStylesheets(html: string[], distDir: string, base: string): Set<string> {
  const found = new Set<string>();
  for (const page of html) {
    for (const [, href] of page.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)) {
      if (href.startsWith(base)) found.add(join(distDir, href.slice(base.length)));
    }
  }
  return found;
}

/**
 * Custom properties read by styles inside the pages (a diagram's inline SVG styles use Starlight's colours), with
 * every property their values read in turn (`--sl-color-red-low: hsl(var(--sl-hue-red), …)`): no stylesheet rule
 * reads them, so PurgeCSS would drop them.
 */
export function withDependencies(names: Iterable<string>, css: string): Set<string> {
  const kept = new Set(names);
  const pending = [...kept];
  while (pending.length > 0) {
    const name = pending.pop()!;
    const escaped = name.replace(/[-]/g, '\\-');
    for (const [, value] of css.matchAll(new RegExp(`(?<![\\w-])${escaped}\\s*:([^;}]*)`, 'g'))) {
      for (const [, used] of value.matchAll(/var\((--[\w-]+)/g)) {
        if (!kept.has(used)) kept.add(used), pending.push(used);
      }
    }
  }
  return kept;
}

export interface PurgeReport {
  file: string;
  before: number;
  after: number;
  rejected: string[];
}

export async function purgeUnusedCss(distDir: string, base: string): Promise<PurgeReport[]> {
  const files = await filesUnder(distDir);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const scriptFiles = files.filter((f) => f.endsWith('.js') && !f.includes(`${join(distDir, 'pagefind')}`));
  const html = await Promise.all(htmlFiles.map((f) => readFile(f, 'utf8')));
  const stylesheets = [...linkedStylesheets(html, distDir, base)];
  if (stylesheets.length === 0) return [];
  const readByPages = html.flatMap((page) => [...page.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]));
  const purger = new PurgeCSS();
  const results: { file: string; css: string; rejected: string[] }[] = [];
  for (const file of stylesheets) {
    const css = await readFile(file, 'utf8');
    const [result] = await purger.purge({
      content: [...htmlFiles, ...scriptFiles],
      css: [{ raw: protectRelationalRules(css) }],
      defaultExtractor: extractTokens,
      safelist: { ...SAFELIST, variables: [...SAFELIST.variables, ...withDependencies(readByPages, css)] },
      variables: true,
      rejected: true,
    });
    results.push({ file, css: result.css, rejected: result.rejected ?? [] });
  }
  const renamed = new Map<string, string>();
  const report: PurgeReport[] = [];
  for (const { file, css, rejected } of results) {
    const before = gzipSync(await readFile(file)).length;
    await writeFile(file, css);
    report.push({ file, before, after: gzipSync(css).length, rejected });
    // name.HASH.css -> name.NEWHASH.css (Vite's and Expressive Code's names both end in .<hash>.css)
    const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
    const name = basename(file).replace(/\.[^.]+\.css$/, `.${hash}.css`);
    if (name === basename(file)) continue;
    await rename(file, join(dirname(file), name));
    renamed.set(basename(file), name);
  }
  if (renamed.size > 0) {
    for (const file of files.filter((f) => /\.(html|js|css|xml|json)$/.test(f) && !renamed.has(basename(f)))) {
      const text = await readFile(file, 'utf8');
      let next = text;
      for (const [from, to] of renamed) next = next.replaceAll(`/${from}`, `/${to}`);
      if (next !== text) await writeFile(file, next);
    }
  }
  return report;
}

/** After the build, in order: code-token styles to classes, inline scripts minified, unused CSS dropped (it must see
 * the final pages). */
export function slimOutput(): AstroIntegration {
  let base = '/';
  return {
    name: 'field-guide:slim-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        // First, so the purge sees the classes the token styles became.
        const htmlFiles = (await filesUnder(distDir)).filter((f) => f.endsWith('.html'));
        const ecCss = (await filesUnder(join(distDir, '_astro'))).find((f) => /^ec\.[^.]+\.css$/.test(basename(f)));
        if (ecCss) {
          const { styles, pages } = await compactCodeTokens(htmlFiles, ecCss);
          logger.info(`code token colours: ${styles} distinct inline styles turned into classes on ${pages} pages`);
        }
        logger.info(`inline scripts minified on ${await minifyInlineScriptsIn(htmlFiles)} pages`);
        const report = await purgeUnusedCss(distDir, base);
        for (const { file, before, after, rejected } of report) {
          logger.debug(`${basename(file)}: dropped ${rejected.join(' | ')}`);
          logger.info(`${basename(file)}: ${(before / 1024).toFixed(1)} -> ${(after / 1024).toFixed(1)} KB gzip (unused rules dropped)`);
        }
      },
    },
  };
}
