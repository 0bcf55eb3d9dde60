// The diagrams on every chapter page, in both languages and both themes: drawn in the page's language, with a title
// and a caption; no text of a diagram leaves its SVG's viewBox or its box, at 1280 px and at 360 px, and every text
// has 4.5:1 contrast on its box (axe-core skips SVG text); a wide diagram scrolls inside its figure instead of
// widening the page; axe-core (colour contrast included) passes on the page.
// Screenshots of every diagram go to test-results/diagrams/<slug>-<lang>-<theme>-<width>.png, to be looked at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, siteUrl, useTab } from './browser.ts';
import { chapters, ROOT } from './site.ts';

const SCREENSHOTS = join(ROOT, 'test-results', 'diagrams');
const THEMES = ['dark', 'light'] as const;
const WIDTHS = [1280, 360];
/** Labels are drawn at 13-14 px; a diagram narrower than its column may shrink to 80 % (the renderer's floor). */
const MIN_SCALE = 0.79;

interface Measured {
  title: string;
  caption: string;
  texts: string[];
  /** Text elements outside the viewBox, outside the box (node or cluster) they label, or below 4.5:1 contrast. */
  overflows: string[];
  scale: number;
  scrolls: boolean;
  focusable: boolean;
}

describe.for(THEMES)('diagrams in the %s theme', (theme) => {
  const tab = useTab({ viewport: { width: 1280, height: 900 }, colorScheme: theme });

  it.for(chapters())('$path: in its language, within bounds at 1280 and 360 px, axe-clean, screenshotted', async (chapter) => {
    const { page } = tab;
    await page.setViewportSize({ width: 1280, height: 900 });
    tab.guarded.takeProblems();
    const response = await page.goto(siteUrl() + chapter.path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
    const figures = page.locator('main figure.diagram');
    expect(await figures.count(), 'diagrams on the page').toBeGreaterThan(0);
    mkdirSync(SCREENSHOTS, { recursive: true });

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const measured: Measured[] = await figures.evaluateAll((elements) =>
        elements.map((figure) => {
          const svg = figure.querySelector('svg')!;
          const box = svg.viewBox.baseVal;
          const toSvg = svg.getScreenCTM()!.inverse();
          const overflows: string[] = [];
          const corners = (element: SVGGraphicsElement) => {
            const b = element.getBBox();
            const m = toSvg.multiply(element.getScreenCTM()!);
            const p1 = new DOMPoint(b.x, b.y).matrixTransform(m);
            const p2 = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(m);
            return { left: p1.x, top: p1.y, right: p2.x, bottom: p2.y };
          };
          // axe-core does not judge SVG text, so contrast is measured here: text fill against its box's fill, or the
          // page background for text on no box (WCAG AA for small text, 4.5:1).
          const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
          const luminance = (colour: string) => {
            const [r, g, b] = rgb(colour).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const contrast = (a: string, b: string) => {
            const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
            return (hi + 0.05) / (lo + 0.05);
          };
          const pageBackground = getComputedStyle(document.body).backgroundColor;
          const texts = [...svg.querySelectorAll('text')];
          for (const text of texts) {
            const boxShape = text.parentElement!.matches('.node, .cluster') ? text.parentElement!.querySelector(':scope > :not(text, title)') : null;
            const boxFill = boxShape ? getComputedStyle(boxShape).fill : 'none';
            const background = boxFill === 'none' ? pageBackground : boxFill;
            const ratio = contrast(getComputedStyle(text).fill, background);
            if (!(ratio >= 4.5)) overflows.push(`"${text.textContent}" has contrast ${ratio.toFixed(2)}:1 (${getComputedStyle(text).fill} on ${background})`);
            const t = corners(text);
            if (t.left < box.x - 0.5 || t.top < box.y - 0.5 || t.right > box.x + box.width + 0.5 || t.bottom > box.y + box.height + 0.5) {
              overflows.push(`"${text.textContent}" leaves the viewBox`);
            }
            const group = text.parentElement!;
            const shape = group.matches('.node, .cluster') ? group.querySelector<SVGGraphicsElement>(':scope > :not(text, title)') : null;
            if (shape) {
              const s = corners(shape);
              if (t.left < s.left - 0.5 || t.right > s.right + 0.5 || t.top < s.top - 0.5 || t.bottom > s.bottom + 0.5) {
                overflows.push(`"${text.textContent}" (${(t.right - t.left).toFixed(1)} wide) leaves its box (${(s.right - s.left).toFixed(1)} wide)`);
              }
            }
          }
          const scroller = figure.querySelector<HTMLElement>('.diagram-scroll')!;
          const titleId = svg.getAttribute('aria-labelledby');
          return {
            title: (titleId ? document.getElementById(titleId)?.textContent : '') ?? '',
            caption: figure.querySelector('figcaption')?.textContent?.trim() ?? '',
            texts: texts.map((text) => text.textContent ?? ''),
            overflows,
            scale: svg.getBoundingClientRect().width / box.width,
            scrolls: scroller.scrollWidth > scroller.clientWidth,
            focusable: scroller.tabIndex === 0,
          };
        }),
      );
      for (const [index, diagram] of measured.entries()) {
        const where = `${chapter.path} diagram ${index + 1} at ${width} px`;
        expect(diagram.overflows, where).toEqual([]);
        expect(diagram.scale, `${where}: drawn at ${diagram.scale.toFixed(2)} of its size`).toBeGreaterThanOrEqual(MIN_SCALE);
        if (diagram.scrolls) expect(diagram.focusable, `${where} scrolls, so the keyboard must reach it`).toBe(true);
        expect(diagram.title.length, `${where}: title`).toBeGreaterThan(0);
        expect(diagram.caption.startsWith(diagram.title), `${where}: the caption names the diagram`).toBe(true);
        const hangul = /[\uac00-\ud7af]/.test([diagram.caption, ...diagram.texts].join(' '));
        expect(hangul, `${where}: labels and caption in ${chapter.lang}`).toBe(chapter.lang === 'ko');
        await figures.nth(index).screenshot({ path: join(SCREENSHOTS, `${chapter.slug}-${chapter.lang}-${theme}-${width}${index ? `-${index + 1}` : ''}.png`) });
      }
      // The page itself never scrolls sideways: a wide diagram scrolls inside its figure.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${chapter.path} at ${width} px overflows the page`).toBe(true);
    }

    await page.setViewportSize({ width: 1280, height: 900 });
    expect(describeViolations(await axeViolations(page)), `axe-core on ${chapter.path} (${theme})`).toBe('');
    expect(tab.guarded.takeProblems().join('\n')).toBe('');
  });
});
