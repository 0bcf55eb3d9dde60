// The translation status page in each language shows one row per page pair with the state git history gives, and
// every guide page's "last updated" date is the date of the newest commit of its file in content/<lang>/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lastCommitOf, translationStatus } from '../../src/site/translation-status.ts';
import { siteUrl, useTab } from './browser.ts';
import { builtPages, LANGS, ROOT } from './site.ts';

const tab = useTab();
const status = translationStatus({ root: ROOT });

describe('translation status page', () => {
  it.for(LANGS)('/%s/translation-status/ lists every pair with its state from git', async (lang) => {
    await tab.page.goto(`${siteUrl()}/${lang}/translation-status/`);
    const rows = await tab.page.locator('table.translation-status tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-page'), tr.getAttribute('data-state')]));
    expect(status.available).toBe(true);
    expect(rows).toEqual(status.pairs.map((pair) => [pair.page, pair.state]));
    // Each outdated pair names the commits the other language misses.
    for (const pair of status.pairs.filter((p) => p.state === 'outdated')) {
      const details = await tab.page.locator(`tr[data-page="${pair.page}"] details li code`).allTextContents();
      const ahead = Object.values(pair.sides).flatMap((side) => side.ahead);
      expect(details).toEqual(ahead.map((commit) => commit.hash.slice(0, 7)));
    }
    expect(tab.guarded.takeProblems().join('\n')).toBe('');
  });
});

describe('"last updated" dates of pages in content/<lang>/', () => {
  const pages = builtPages().filter((page) => LANGS.some((lang) => page.path.startsWith(`/${lang}/`)) && page.redirectTo === undefined);

  it('are the newest commit of each page file (none for a file without one)', () => {
    expect(pages.length).toBeGreaterThan(10);
    let dated = 0;
    for (const page of pages) {
      const [, lang, slug] = page.path.match(/^\/(ko|en)\/(.*?)\/?$/)!;
      const file = `content/${lang}/${slug || 'index'}.mdx`;
      const commit = lastCommitOf(ROOT, file);
      // Starlight's footer is the only <time> on a page.
      const shown = readFileSync(page.file, 'utf8').match(/<time datetime="([^"]+)"/)?.[1] ?? null;
      expect(shown, `${page.path} (${file})`).toBe(commit ? commit.date.toISOString() : null);
      if (shown) dated += 1;
    }
    // With the full history every committed page has its date (a new, uncommitted page may not); a shallow clone
    // dates only the pages changed above its cut, which the loop has checked one by one.
    if (!status.shallow) expect(dated).toBeGreaterThanOrEqual(pages.length - 2);
  });
});
