// Pagefind search through the site's search dialog: a Korean word and a Korean prefix find the Korean chapter they
// come from, an English word finds the English chapter; results stay in the page's language; the open search dialog
// passes every axe-core rule.
// The query words are taken from the chapters' own prose: for each language, a word (and a prefix) that occurs on
// exactly one page of that language, so the expected top result is known without hard-coding any text.
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, siteUrl, useTab } from './browser.ts';
import { builtPages, chapters } from './site.ts';
import type { Lang } from './site.ts';


const tab = useTab();

const WORD = { ko: /^\p{Script=Hangul}{3,}$/u, en: /^[A-Za-z]{6,}$/ } as const;

/** Words of the indexed prose (paragraphs, list items, headings) of each page of one language. */
async function wordsByPage(lang: Lang): Promise<Map<string, Set<string>>> {
  // Only the HTML matters here: no scripts, no subresources, so reading every page takes a moment.
  const reader = await tab.browser.newContext({ javaScriptEnabled: false });
  await reader.route('**/*', (route) => (route.request().resourceType() === 'document' ? route.continue() : route.abort()));
  const readerPage = await reader.newPage();
  const result = new Map<string, Set<string>>();
  for (const { path } of builtPages().filter((p) => p.path.startsWith(`/${lang}/`) && p.redirectTo === undefined)) {
    await readerPage.goto(siteUrl() + path, { waitUntil: 'domcontentloaded' });
    // Prose only: inline code (identifiers like backoffLimitPerIndex) is left out, as a reader would search words.
    const text = await readerPage.evaluate(() =>
      [...document.querySelectorAll('[data-pagefind-body] :is(p, li, h1, h2, h3, td)')]
        .filter((e) => !e.closest('[data-pagefind-ignore], pre, code'))
        .map((e) => {
          const copy = e.cloneNode(true) as Element;
          copy.querySelectorAll('code, pre, [data-pagefind-ignore]').forEach((c) => c.replaceWith(' '));
          return copy.textContent ?? '';
        })
        .join(' '),
    );
    result.set(path, new Set(text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '')));
  }
  await reader.close();
  return result;
}

interface Query {
  query: string;
  expectedPath: string;
}

/** A word found on exactly one chapter page of the language, and a short prefix of a word no other page shares. */
async function pickQueries(lang: Lang): Promise<{ word: Query; prefix?: Query }> {
  const words = await wordsByPage(lang);
  const chapterPaths = new Set(chapters().filter((c) => c.lang === lang).map((c) => c.path));
  const allOtherWords = (path: string) => [...words].filter(([p]) => p !== path).flatMap(([, set]) => [...set]);
  let word: Query | undefined;
  let prefix: Query | undefined;
  for (const [path, set] of words) {
    if (!chapterPaths.has(path)) continue;
    const others = allOtherWords(path);
    const otherSet = new Set(others.map((w) => w.toLowerCase()));
    const candidates = [...set].filter((w) => WORD[lang].test(w) && !otherSet.has(w.toLowerCase())).sort((a, b) => b.length - a.length || a.localeCompare(b));
    if (!word && candidates.length > 0) word = { query: candidates[0], expectedPath: path };
    // The shortest prefix (at least 2 characters, at least 2 fewer than the word) that no other page shares.
    for (const candidate of candidates) {
      for (let length = 2; length <= candidate.length - 2; length++) {
        const start = candidate.slice(0, length).toLowerCase();
        if (prefix && prefix.query.length <= length) break;
        if (!others.some((w) => w.toLowerCase().startsWith(start))) prefix = { query: candidate.slice(0, length), expectedPath: path };
      }
    }
    if (word && prefix) break;
  }
  if (!word) throw new Error(`no ${lang} word occurs on exactly one chapter page: cannot pick a search query`);
  return { word, prefix };
}

/** Types the query into the site's search dialog and returns the paths of the result pages (without #anchors). */
async function search(fromPath: string, query: string): Promise<string[]> {
  await tab.page.goto(siteUrl() + fromPath, { waitUntil: 'load' });
  await tab.page.locator('site-search button[data-open-modal]').click();
  // The search UI may load only now (on first opening); fill() waits for its input.
  const input = tab.page.locator('dialog[open] input').first();
  await input.fill(query, { timeout: 15_000 });
  const results = tab.page.locator('dialog[open] .pagefind-ui__result-title > a');
  await results.first().waitFor({ timeout: 10_000 });
  return [...new Set((await results.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map((href) => new URL(href).pathname))];
}

describe('Pagefind search', () => {
  it('finds a Korean word on Korean pages, and a Korean prefix', async () => {
    const { word, prefix } = await pickQueries('ko');
    const found = await search(word.expectedPath, word.query);
    expect(found, `results for "${word.query}"`).toContain(word.expectedPath);
    expect(found.every((p) => p.startsWith('/ko/')), `all results Korean: ${found.join(', ')}`).toBe(true);
    expect(prefix, 'a Korean word whose prefix no other page shares').toBeDefined();
    const byPrefix = await search(prefix!.expectedPath, prefix!.query);
    expect(byPrefix, `results for prefix "${prefix!.query}"`).toContain(prefix!.expectedPath);
    expect(byPrefix.every((p) => p.startsWith('/ko/'))).toBe(true);
    // The open dialog with its results is part of the page too, held to every axe rule like the rest.
    expect(describeViolations(await axeViolations(tab.page)), 'axe-core with the search results open').toBe('');
    expect(tab.guarded.takeProblems().join('\n')).toBe('');
  });

  it('finds an English word on English pages', async () => {
    const { word } = await pickQueries('en');
    const found = await search(word.expectedPath, word.query);
    expect(found, `results for "${word.query}"`).toContain(word.expectedPath);
    expect(found.every((p) => p.startsWith('/en/')), `all results English: ${found.join(', ')}`).toBe(true);
    expect(describeViolations(await axeViolations(tab.page)), 'axe-core with the search results open').toBe('');
    expect(tab.guarded.takeProblems().join('\n')).toBe('');
  });
});
