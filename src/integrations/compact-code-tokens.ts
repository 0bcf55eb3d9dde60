// Expressive Code colours every token with an inline style holding one colour per theme
// (`<span style="--0:#7FDBCA;--1:#111111">`). A chapter has a thousand such spans but only a dozen distinct styles, so
// after the build each distinct style becomes a short class (`<span class="_3">`, the same name on every page, the
// most frequent first) declared once in Expressive Code's stylesheet, and Expressive Code's token rules also match
// those classes. The colours, and so the contrast checked by the browser tests, are unchanged.
import { readFile, writeFile } from 'node:fs/promises';

/** A token span whose only attribute is a colour per theme, as Expressive Code writes it. */
const TOKEN_SPAN = /<span style="(--0:#[0-9a-fA-F]{3,8}(?:;--\d+:#[0-9a-fA-F]{3,8})*)">/g;
/** Expressive Code's selector for a token span (in its stylesheet). */
const EC_TOKEN_SELECTOR = ":where(span[style^='--']:not([class]))";
const CLASS_PREFIX = '_';

export interface CompactResult {
  styles: number;
  pages: number;
}

/** Rewrites `htmlFiles` in place and appends the classes to `ecCssFile`; does nothing if the stylesheet does not
 * have Expressive Code's token selector (a newer Expressive Code: better to keep the inline styles than break). */
export async function compactCodeTokens(htmlFiles: string[], ecCssFile: string): Promise<CompactResult> {
  const css = await readFile(ecCssFile, 'utf8');
  if (!css.includes(EC_TOKEN_SELECTOR)) return { styles: 0, pages: 0 };
  const pages = await Promise.all(htmlFiles.map(async (file) => ({ file, html: await readFile(file, 'utf8') })));
  const counts = new Map<string, number>();
  for (const { html } of pages) for (const [, style] of html.matchAll(TOKEN_SPAN)) counts.set(style, (counts.get(style) ?? 0) + 1);
  if (counts.size === 0) return { styles: 0, pages: 0 };
  const names = new Map([...counts].sort((a, b) => b[1] - a[1]).map(([style], i) => [style, CLASS_PREFIX + i.toString(36)]));
  let changed = 0;
  for (const { file, html } of pages) {
    const next = html.replace(TOKEN_SPAN, (_, style: string) => `<span class="${names.get(style)}">`);
    if (next !== html) {
      await writeFile(file, next);
      changed++;
    }
  }
  const classRules = [...names].map(([style, name]) => `.expressive-code .ec-line .${name}{${style}}`).join('');
  const tokenSelector = `${EC_TOKEN_SELECTOR.slice(0, -1)},span[class^='${CLASS_PREFIX}'])`;
  await writeFile(ecCssFile, css.replaceAll(EC_TOKEN_SELECTOR, tokenSelector) + classRules);
  return { styles: names.size, pages: changed };
}
