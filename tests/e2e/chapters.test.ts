// Every chapter (from content/<lang>/*.mdx with `chapter:` frontmatter) in both languages: it renders its title,
// headings and manifests; the language picker leads to the same chapter in the other language; each Manifest's copy
// button copies exactly the example file, which our validator accepts; its download link serves the same bytes.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteUrl, useTab } from './browser.ts';
import { chapters, exampleFileFor, LANGS, ROOT } from './site.ts';
import type { Chapter } from './site.ts';

const allChapters = chapters();
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');


const tab = useTab({ viewport: { width: 1280, height: 900 } }, (guarded) =>
  guarded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl() }),
);

/** Opens the chapter unless the tab already shows it (the tests of one chapter share a load). */
async function open(chapter: Chapter): Promise<void> {
  if (new URL(tab.page.url()).href === siteUrl() + chapter.path) return;
  tab.guarded.takeProblems();
  const response = await tab.page.goto(siteUrl() + chapter.path, { waitUntil: 'load' });
  expect(response?.status(), `HTTP status of ${chapter.path}`).toBe(200);
}

interface FoundManifest {
  /** URL path of the download link, e.g. /examples/batch-job/job.yaml */
  href: string;
  hasCopyButton: boolean;
}

/**
 * Finds the Manifest components on the page: each is the download link to /examples/…yaml and the nearest enclosing
 * element that also holds a copy button. Marks both with data-e2e-* attributes so the test can click them.
 */
async function findManifests(): Promise<FoundManifest[]> {
  return tab.page.evaluate(() => {
    const isCopyButton = (b: Element) =>
      b.matches('.copy button, button[data-code]') || /copy|복사/i.test(`${b.getAttribute('aria-label') ?? ''} ${b.getAttribute('title') ?? ''} ${b.textContent ?? ''}`);
    const links = [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')].filter((a) => {
      const url = new URL(a.href);
      return url.origin === location.origin && /^\/examples\/.+\.ya?ml$/.test(url.pathname);
    });
    return links.map((link, index) => {
      link.setAttribute('data-e2e-download', String(index));
      const fileName = new URL(link.href).pathname.split('/').pop()!;
      let container: Element | null = link.parentElement;
      let button: Element | undefined;
      while (container && container !== document.body && !button) {
        const buttons = [...container.querySelectorAll('button')].filter(isCopyButton);
        // A Manifest may hold more than one code block (e.g. a `kubectl apply` line): take the one titled with the file.
        button = buttons.find((b) => b.closest('figure')?.querySelector('figcaption')?.textContent?.includes(fileName)) ?? buttons[0];
        if (!button) container = container.parentElement;
      }
      button?.setAttribute('data-e2e-copy', String(index));
      return { href: new URL(link.href).pathname, hasCopyButton: button !== undefined };
    });
  });
}

describe('chapters', () => {
  it('content/ has chapters, each in both languages', () => {
    expect(allChapters.length, 'no chapter found in content/ko or content/en (frontmatter `chapter:`)').toBeGreaterThan(0);
    const slugsOf = (lang: string) => allChapters.filter((c) => c.lang === lang).map((c) => c.slug).sort();
    expect(slugsOf('en')).toEqual(slugsOf('ko'));
  });

  describe.for(allChapters)('$path', (chapter) => {
    it('renders title, headings and at least one manifest', async () => {
      await open(chapter);
      expect(await tab.page.getAttribute('html', 'lang')).toBe(chapter.lang);
      await expect.poll(() => tab.page.locator('main h1').first().textContent()).toBe(chapter.title);
      expect(await tab.page.title()).toContain(chapter.title);
      expect(await tab.page.locator('main h2').count(), 'section headings (h2)').toBeGreaterThan(0);
      const manifests = await findManifests();
      expect(manifests.length, 'embedded manifests (download links to /examples/…yaml)').toBeGreaterThan(0);
      // Each manifest shows the file's content as code on the page.
      for (const manifest of manifests) {
        const file = readFileSync(exampleFileFor(manifest.href), 'utf8');
        const firstLine = file.split('\n').find((line) => line.trim() !== '' && !line.startsWith('#') && line !== '---')!;
        expect(await tab.page.locator('main pre', { hasText: firstLine.trim() }).count(), `${manifest.href} shown as code`).toBeGreaterThan(0);
      }
      expect(tab.guarded.takeProblems().join('\n')).toBe('');
    });

    it('copy buttons copy the example file exactly, and it validates', async () => {
      const { validateText, formatReport } = await import('../../src/validator/index.ts');
      await open(chapter);
      const manifests = await findManifests();
      expect(manifests.length).toBeGreaterThan(0);
      for (const [index, manifest] of manifests.entries()) {
        expect(manifest.hasCopyButton, `${manifest.href} has a copy button`).toBe(true);
        const file = readFileSync(exampleFileFor(manifest.href), 'utf8');
        await tab.page.evaluate(() => navigator.clipboard.writeText(''));
        await tab.page.locator(`[data-e2e-copy="${index}"]`).click();
        await expect.poll(() => tab.page.evaluate(() => navigator.clipboard.readText()), { timeout: 5_000 }).not.toBe('');
        const copied = await tab.page.evaluate(() => navigator.clipboard.readText());
        expect(copied, `clipboard after copying ${manifest.href}`).toBe(file);
        const report = await validateText(copied, manifest.href.replace(/^\/examples\//, ''));
        expect(report.resources.length, `${manifest.href}: resources found by the validator`).toBeGreaterThan(0);
        expect(report.ok, formatReport(report, 'text')).toBe(true);
      }
      expect(tab.guarded.takeProblems().join('\n')).toBe('');
    });

    it('download links serve the example file byte for byte', async () => {
      await open(chapter);
      const manifests = await findManifests();
      expect(manifests.length).toBeGreaterThan(0);
      for (const [index, manifest] of manifests.entries()) {
        const [download] = await Promise.all([tab.page.waitForEvent('download'), tab.page.locator(`[data-e2e-download="${index}"]`).click()]);
        const chunks: Buffer[] = [];
        for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
        expect(Buffer.concat(chunks).equals(readFileSync(exampleFileFor(manifest.href))), `downloaded ${manifest.href} equals examples/ file`).toBe(true);
        expect(download.suggestedFilename()).toMatch(/\.ya?ml$/);
      }
      expect(tab.guarded.takeProblems().join('\n')).toBe('');
    });

    // Last: it navigates away from the chapter.
    it('the language picker opens the same chapter in the other language', async () => {
      await open(chapter);
      const other = LANGS.find((l) => l !== chapter.lang)!;
      const target = `/${other}/${chapter.slug}/`;
      const picker = tab.page.locator('starlight-lang-select select').first();
      // The picker's option for the other language must point at the same chapter...
      const optionValue = await picker.locator('option').evaluateAll((options, lang) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith(`/${lang}/`)), other);
      expect(optionValue).toBe(target);
      // ...and choosing it navigates there (on a narrow screen the picker lives in the menu; this viewport shows it).
      await Promise.all([tab.page.waitForURL(`**${target}`), picker.selectOption(optionValue!)]);
      expect(await tab.page.getAttribute('html', 'lang')).toBe(other);
      expect(tab.guarded.takeProblems().join('\n')).toBe('');
    });
  });

  it.for(LANGS)('full-page screenshot of the first chapter in %s (test-results/screenshots/)', async (lang) => {
    const chapter = allChapters.find((c) => c.lang === lang);
    expect(chapter, `a chapter in ${lang}`).toBeDefined();
    await open(chapter!);
    await tab.page.evaluate(() => document.fonts.ready);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = await tab.page.screenshot({ fullPage: true, path: join(SCREENSHOTS, `${lang}-${chapter!.slug}.png`) });
    expect(shot.length).toBeGreaterThan(10_000);
  });
});
