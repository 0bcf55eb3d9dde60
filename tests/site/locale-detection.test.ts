import { describe, expect, it } from 'vitest';
import { starlightDocsPath } from '../../src/integrations/content-language.ts';
import { localeOfDocument } from '../../src/site/expressive-code.ts';
import { CHAPTERS, chapterBadge } from '../../src/site/chapters.ts';

describe('page language for Starlight plugins and Expressive Code', () => {
  it('maps content/<lang>/ to where Starlight expects the page', () => {
    expect(starlightDocsPath('/r/content/en/batch-job.mdx', '/r/', '/r/src/')).toBe('/r/src/content/docs/en/batch-job.mdx');
    expect(starlightDocsPath('/r/src/pages/404.astro', '/r/', '/r/src/')).toBe('/r/src/pages/404.astro');
  });

  it('finds a code block language from its page path, else from the page URL, else Korean', () => {
    expect(localeOfDocument({ path: '/r/content/en/batch-job.mdx' })).toBe('en');
    expect(localeOfDocument({ path: '/r/content/ko/index.mdx' })).toBe('ko');
    expect(localeOfDocument({ path: '', url: new URL('https://x.io/repo/en/batch-job/') })).toBe('en');
    expect(localeOfDocument({ path: '', url: new URL('https://x.io/') })).toBe('ko');
  });
});

describe('chapters', () => {
  it('lists the seven chapters with both editions as the book numbers them', () => {
    expect(CHAPTERS.map((c) => `${c.slug} ${c.first}/${c.second}`)).toEqual([
      'batch-job 7/7', 'periodic-job 8/8', 'daemon-service 9/9', 'singleton-service 10/10',
      'stateful-service 11/12', 'service-discovery 12/13', 'self-awareness 13/14',
    ]);
    expect(chapterBadge(CHAPTERS[4])).toEqual({ ko: '11장 · 2판 12장', en: 'Ch. 11 · 2nd ed. 12' });
  });
});
