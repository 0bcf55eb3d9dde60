// The playground (/ko/playground/, /en/playground/) driven in Chromium as a reader would: typing, fixes, jumps,
// examples, "Open in playground" from a chapter, share links, dropped files, hostile input, keyboard only, axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, siteUrl, useTab } from './browser.ts';
import { builtPages, LANGS, ROOT } from './site.ts';
import { BUNDLED_KUBERNETES_VERSIONS } from '../../src/validator/core.ts';
import { HIGHLIGHT_LIMIT } from '../../src/playground/protocol.ts';

const tab = useTab({}, (guarded) => guarded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl() }));

afterEach(() => {
  // Every test: nothing thrown to the console, no failed request, nothing leaving 127.0.0.1.
  expect(tab.guarded.takeProblems().join('\n')).toBe('');
});

const VALID_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {cpu: 200m, memory: 128Mi}
  restartPolicy: Always
`;

/** Served from Kubernetes 1.33 on (networking.k8s.io/v1 ServiceCIDR): valid for 1.36, an unknown API for 1.30. */
const SERVICE_CIDR = `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata:
  name: extra-services
spec:
  cidrs:
  - 10.96.100.0/24
`;

const EXPECTED = {
  ko: { servedLater: 'networking.k8s.io/v1 ServiceCIDR: 쿠버네티스 1.33부터 제공되는 API다', version: (v: string) => `(쿠버네티스 ${v} 기준)`, plain: '구문 강조와 줄 번호 없이', fix: '"containers"(으)로 고치기', noProblems: '문제가 없다.', corrupt: '공유 링크가 손상되어', tooLarge: '입력이 너무 크다', timedOut: '초 안에 끝나지 않아', open: '플레이그라운드에서 열기' },
  en: { servedLater: 'networking.k8s.io/v1 ServiceCIDR is served only from Kubernetes 1.33 on', version: (v: string) => `(Kubernetes ${v})`, plain: 'without syntax highlighting', fix: 'Change to "containers"', noProblems: 'No problems found.', corrupt: 'This share link is damaged', tooLarge: 'The input is too large', timedOut: 'did not finish within', open: 'Open in playground' },
};

/** The diagnostics list as `line:col severity rule`. */
async function listed(page: Page): Promise<string[]> {
  return page.$$eval('.pg-diagnostic', (items) =>
    items.map((item) => `${item.querySelector('.pg-position')!.textContent} ${item.classList.contains('pg-error') ? 'error' : 'warning'} ${item.querySelector('.pg-rule')!.textContent}`),
  );
}

/** Waits until the worker has answered for the editor's current text (after the debounce). */
async function settled(page: Page, after: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-playground]')!.dataset.validated ?? 0) > n, after, { timeout: 15_000 });
}

const validatedCount = (page: Page) => page.$eval('[data-playground]', (root) => Number((root as HTMLElement).dataset.validated ?? 0));

async function open(page: Page, lang: string, query = ''): Promise<void> {
  await page.goto(`${siteUrl()}/${lang}/playground/${query}`);
  await page.waitForSelector('[data-playground][data-ready="true"]');
}

/** The editor's text field (prism-code-editor's <textarea>, under the highlighted lines). */
const TEXTAREA = '.pg-editor textarea';

/** Replaces the editor's text with a real paste: the text to the clipboard, then Ctrl+A, Ctrl+V in the editor. */
async function paste(page: Page, text: string): Promise<void> {
  const before = await validatedCount(page);
  // The write lands in the system clipboard asynchronously: wait until it reads back, or Ctrl+V pastes the old text.
  await page.evaluate(async (pasted) => {
    await navigator.clipboard.writeText(pasted);
    while ((await navigator.clipboard.readText()) !== pasted) await new Promise((resolve) => setTimeout(resolve, 20));
  }, text);
  await page.focus(TEXTAREA);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction((length) => document.querySelector<HTMLTextAreaElement>('.pg-editor textarea')!.value.length === length, text.length);
  if (new TextEncoder().encode(text).length <= 1024 * 1024) await settled(page, before);
}

/** The editor's text. */
const editorText = (page: Page) => page.inputValue(TEXTAREA);

/** The underlined ranges in the editor as `text severity`, in text order. */
const underlines = (page: Page) =>
  page.$$eval('.pg-editor .token.diagnostic', (marks) => marks.map((mark) => `${mark.textContent} ${mark.classList.contains('diagnostic-error') ? 'error' : 'warning'}`));

/** The lines marked in the gutter as `line severity` (the editor's line elements in order: line 1 first). */
const gutterMarks = (page: Page) =>
  page.$$eval('.pg-editor .pce-line', (lines) =>
    lines.flatMap((line, index) =>
      line.classList.contains('diagnostic-line-error') ? [`${index + 1} error`] : line.classList.contains('diagnostic-line-warning') ? [`${index + 1} warning`] : [],
    ),
  );

/** The caret as `line:col` (1-based), from the textarea's selection. */
const caret = (page: Page) =>
  page.$eval(TEXTAREA, (textarea) => {
    const before = (textarea as HTMLTextAreaElement).value.slice(0, (textarea as HTMLTextAreaElement).selectionStart).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1}`;
  });

const editorFocused = (page: Page) => page.evaluate(() => document.activeElement?.matches('.pg-editor textarea') ?? false);

describe('"Open in playground" links', () => {
  it('every <Manifest> and mistake block links to the playground of its language, with a file the playground may load', async () => {
    const allowed = (lang: string) => {
      const html = readFileSync(join(ROOT, 'dist', lang, 'playground', 'index.html'), 'utf8');
      const data = /data-playground="([^"]*)"/.exec(html)![1].replaceAll('&quot;', '"').replaceAll('&amp;', '&');
      return new Set((JSON.parse(data) as { files: string[] }).files);
    };
    const files = { ko: allowed('ko'), en: allowed('en') };
    let links = 0;
    for (const page of builtPages().filter((p) => /^\/(ko|en)\//.test(p.path))) {
      const html = readFileSync(page.file, 'utf8');
      const lang = page.path.split('/')[1] as 'ko' | 'en';
      const manifests = (html.match(/<figure class="manifest /g) ?? []).length + (html.match(/<figure class="mistake /g) ?? []).length;
      const hrefs = [...html.matchAll(/href="([^"]*\/playground\/\?file=[^"]*)"/g)].map((m) => m[1]);
      expect(hrefs.length, `${page.path}: one link per manifest and mistake block`).toBe(manifests);
      for (const href of hrefs) {
        const url = new URL(href, siteUrl());
        expect(url.pathname).toBe(`/${lang}/playground/`);
        const file = url.searchParams.get('file')!;
        expect(files[lang].has(file), `${page.path}: ${file}`).toBe(true);
        expect((await fetch(`${siteUrl()}/${file}`)).status, file).toBe(200);
        links++;
      }
    }
    expect(links).toBeGreaterThan(20);
  });
});

describe.each(LANGS)('playground (%s)', (lang) => {
  const expected = EXPECTED[lang];

  it('opens with the broken StatefulSet and the CLI diagnostics at their lines, then typing is validated and the fix works', async () => {
    const { page } = tab;
    await open(page, lang);
    await page.waitForSelector('.pg-diagnostic');
    expect(await listed(page)).toEqual([
      '6:16 warning statefulset-headless-service',
      '11:3 error workload-selector',
      '13:7 error schema',
      '15:9 error schema',
      '17:11 error schema',
      '18:11 error schema',
    ]);
    expect(await page.textContent('.pg-summary')).toMatch(lang === 'ko' ? /^요약: 파일 1개에서 리소스 1개를 찾았다 - 유효: 0, 무효: 1/ : /^Summary: 1 resource found in 1 file - Valid: 0, Invalid: 1/);
    expect(await page.textContent('.pg-summary')).toContain(expected.version('1.36'));
    // Underlines on the exact ranges and gutter marks on the lines, errors and warnings told apart.
    expect(await underlines(page)).toEqual(['random-generator warning', 'template error', 'conatainers error', 'name error', 'name error', 'mountPath error']);
    expect(await gutterMarks(page)).toEqual(['6 warning', '11 error', '13 error', '15 error', '17 error', '18 error']);
    const [errorMark, warningMark] = await page.$$eval('.diagnostic-line-error, .diagnostic-line-warning', (lines) =>
      ['.diagnostic-line-error', '.diagnostic-line-warning'].map((selector) => getComputedStyle(lines.find((line) => line.matches(selector))!, '::before').backgroundImage),
    );
    expect(errorMark).not.toBe('none');
    expect(errorMark).not.toBe(warningMark);
    // Drawing the marks is no edit: nothing is validated again until the text changes.
    const runs = await validatedCount(page);
    await page.waitForTimeout(1000);
    expect(await validatedCount(page)).toBe(runs);
    // Every rule id links to its entry (or the built-in checks' section) on the validation page of the same language.
    for (const href of new Set(await page.$$eval('.pg-rule', (links) => links.map((a) => (a as HTMLAnchorElement).href)))) {
      const url = new URL(href);
      expect(url.pathname).toBe(`/${lang}/validation/`);
      const html = await (await fetch(url)).text();
      expect(html, href).toContain(`id="${decodeURIComponent(url.hash.slice(1))}"`);
    }

    // A valid manifest, then a typo typed into it.
    await paste(page, VALID_POD);
    expect(await page.textContent('.pg-diagnostics')).toBe(expected.noProblems);
    let before = await validatedCount(page);
    await page.$eval(TEXTAREA, (textarea) => {
      const field = textarea as HTMLTextAreaElement;
      const at = field.value.indexOf('containers:') + 'containers'.length; // before the colon
      field.focus();
      field.setSelectionRange(at, at);
    });
    await page.keyboard.type('x');
    await settled(page, before);
    expect(await listed(page)).toEqual(['6:3 error schema']);
    expect(await page.textContent('.pg-diagnostic .pg-text')).toContain('"containersx"');
    expect(await underlines(page)).toEqual(['containersx error']);
    expect(await gutterMarks(page)).toEqual(['6 error']);

    // The rule links to the validation page of the page's language.
    expect(await page.getAttribute('.pg-diagnostic .pg-rule', 'href')).toMatch(new RegExp(`/${lang}/validation/#`));

    // One click on the suggestion fixes it.
    before = await validatedCount(page);
    await page.click(`.pg-fix >> text=${expected.fix}`);
    await settled(page, before);
    expect(await editorText(page)).toBe(VALID_POD);
    expect(await page.textContent('.pg-diagnostics')).toBe(expected.noProblems);
  });

  it('handles multi-document YAML, JSON and kind: List, and keeps working offline once loaded', async () => {
    const { page } = tab;
    // Loaded: the first diagnostics come with the schemas of the sample's kinds, the rest of them follow in the background.
    const everySchema = tab.guarded.context.waitForEvent('requestfinished', (request) => /-definitions-all-[\w-]+\.js$/.test(request.url()));
    await open(page, lang);
    await page.waitForSelector('.pg-diagnostic');
    await everySchema;
    await tab.guarded.context.setOffline(true);
    try {
      await paste(page, `${VALID_POD}---\n${VALID_POD.replace('restartPolicy: Always', 'restartPolicy: always')}`);
      expect(await listed(page)).toEqual(['25:18 error schema']);
      const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } }] };
      await paste(page, JSON.stringify(list, null, 2) + '\n');
      expect(await listed(page)).toEqual(['16:17 error metadata-name']);
      expect(await page.textContent('.pg-summary')).toMatch(lang === 'ko' ? /리소스 2개/ : /2 resources found/);
    } finally {
      await tab.guarded.context.setOffline(false);
    }
  });

  it('jumps to a diagnostic\'s line from the list', async () => {
    const { page } = tab;
    await open(page, lang);
    await page.waitForSelector('.pg-diagnostic');
    // A long manifest, so that the jump has to scroll: the typo at its end.
    const long = `${'# filler\n'.repeat(150)}${VALID_POD.replace('restartPolicy: Always', 'restartPolicy: always')}`;
    await paste(page, long);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('.pg-position >> text=162:18');
    expect(await caret(page)).toBe('162:18');
    expect(await editorFocused(page)).toBe(true);
    // The line is in view and is the active line.
    const line = page.locator('.pg-editor .pce-line').nth(161);
    expect(await line.evaluate((element) => element.classList.contains('active-line'))).toBe(true);
    expect(await line.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
  });

  it('"Open in playground" on a chapter opens that manifest in the playground of the page\'s language', async () => {
    const { page } = tab;
    await page.goto(`${siteUrl()}/${lang}/batch-job/`);
    const link = page.locator(`.manifest a >> text=${expected.open}`).first();
    const href = (await link.getAttribute('href'))!;
    const file = new URL(href, siteUrl()).searchParams.get('file')!;
    expect(file).toMatch(/^examples\/batch-job\//);
    await link.click();
    await page.waitForURL(new RegExp(`/${lang}/playground/\\?file=`));
    await page.waitForFunction(() => document.querySelector('.pg-message')?.textContent?.includes('examples/'));
    expect(await editorText(page)).toBe(readFileSync(join(ROOT, file), 'utf8'));
    await page.waitForSelector('.pg-none');

    // And a mistake block opens its broken manifest.
    await page.goto(`${siteUrl()}/${lang}/batch-job/`);
    await page.locator(`.mistake a >> text=${expected.open}`).first().click();
    await page.waitForFunction(() => document.querySelector('.pg-message')?.textContent?.includes('mistakes/'));
    await page.waitForSelector('.pg-diagnostic.pg-error');
  });

  it('a share link makes a round trip, and a corrupt or oversized link says so', async () => {
    const { page } = tab;
    await open(page, lang);
    await paste(page, VALID_POD.replace('web', 'shared'));
    await page.click('.pg-share');
    await page.waitForFunction(() => location.hash.startsWith('#v=1.36&yaml='));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await page.evaluate(() => location.href));
    const other = await tab.guarded.context.newPage();
    try {
      await other.goto(link);
      await other.waitForSelector('[data-playground][data-ready="true"]');
      expect(await editorText(other)).toBe(VALID_POD.replace('web', 'shared'));
      await other.waitForSelector('.pg-none');

      await other.goto(`${siteUrl()}/${lang}/playground/#yaml=eJzLSM3JyQcABiwCFQ-broken`);
      await other.reload();
      await other.waitForSelector('[data-playground][data-ready="true"]');
      expect(await other.textContent('.pg-message')).toContain(expected.corrupt);
      // The sample is shown instead of a blank page, and still validated.
      await other.waitForSelector('.pg-diagnostic');

      await other.goto(`${siteUrl()}/${lang}/playground/#yaml=${'A'.repeat(70_000)}`);
      await other.reload();
      await other.waitForSelector('[data-playground][data-ready="true"]');
      expect(await other.getAttribute('.pg-message', 'data-kind')).toBe('problem');
      expect(await other.textContent('.pg-message')).toContain('70000');
    } finally {
      await other.close();
    }
  });

  it('validates against the Kubernetes version picked, and a share link carries the version', async () => {
    const { page } = tab;
    await open(page, lang);
    await page.waitForSelector('.pg-diagnostic');
    // The bundled versions, newest first; the newest (the one the site targets) is chosen.
    expect(await page.$$eval('.pg-version option', (options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual([...BUNDLED_KUBERNETES_VERSIONS].reverse());
    expect(await page.inputValue('.pg-version')).toBe(BUNDLED_KUBERNETES_VERSIONS[BUNDLED_KUBERNETES_VERSIONS.length - 1]);
    await paste(page, SERVICE_CIDR);
    expect(await page.textContent('.pg-diagnostics')).toBe(expected.noProblems);

    let before = await validatedCount(page);
    await page.selectOption('.pg-version', '1.30');
    await settled(page, before);
    expect(await listed(page)).toEqual(['1:1 error unknown-api']);
    expect(await page.textContent('.pg-diagnostic .pg-text')).toBe(expected.servedLater);
    expect(await page.textContent('.pg-summary')).toContain(expected.version('1.30'));

    // The link says 1.30, and opens with 1.30 picked.
    await page.click('.pg-share');
    await page.waitForFunction(() => location.hash.startsWith('#v=1.30&yaml='));
    const other = await tab.guarded.context.newPage();
    try {
      await other.goto(await page.evaluate(() => location.href));
      await other.waitForSelector('.pg-diagnostic');
      expect(await other.inputValue('.pg-version')).toBe('1.30');
      expect(await listed(other)).toEqual(['1:1 error unknown-api']);
      // A version this playground does not have: said so, and the newest is used.
      await other.goto(`${siteUrl()}/${lang}/playground/#v=1.99&${(await page.evaluate(() => location.hash)).split('&').slice(1).join('&')}`);
      await other.reload();
      await other.waitForSelector('.pg-none');
      expect(await other.getAttribute('.pg-message', 'data-kind')).toBe('problem');
      expect(await other.textContent('.pg-message')).toContain('1.99');
      expect(await other.inputValue('.pg-version')).toBe('1.36');
    } finally {
      await other.close();
    }

    before = await validatedCount(page);
    await page.selectOption('.pg-version', '1.36');
    await settled(page, before);
    expect(await page.textContent('.pg-diagnostics')).toBe(expected.noProblems);
  });

  it('shows a manifest of about 1 MB without highlighting, says so, and still validates it', async () => {
    const { page } = tab;
    await open(page, lang);
    await page.waitForSelector('.pg-diagnostic');
    expect(await page.locator('.pg-editor .token.key').count()).toBeGreaterThan(0);
    expect(await page.isVisible('.pg-plain-note')).toBe(false);
    const documents = Math.floor((1000 * 1024) / (VALID_POD.length + 4));
    const big = Array.from({ length: documents }, () => VALID_POD).join('---\n');
    expect(big.length).toBeGreaterThan(HIGHLIGHT_LIMIT);
    await paste(page, big);
    expect(await page.isVisible('.pg-plain-note')).toBe(true);
    expect(await page.textContent('.pg-plain-note')).toContain(expected.plain);
    expect(await page.locator('.pg-editor .token.key').count()).toBe(0);
    expect(await page.textContent('.pg-diagnostics')).toBe(expected.noProblems);
    expect(await page.textContent('.pg-summary')).toMatch(new RegExp(`${documents}`));
    // Back under the limit: highlighted again.
    await paste(page, VALID_POD);
    expect(await page.isVisible('.pg-plain-note')).toBe(false);
    expect(await page.locator('.pg-editor .token.key').count()).toBeGreaterThan(0);
  });

  it('validates a dropped file', async () => {
    const { page } = tab;
    await open(page, lang);
    await page.waitForSelector('.pg-diagnostic');
    const before = await validatedCount(page);
    const text = readFileSync(join(ROOT, 'src/mistakes/batch-job-restartpolicy-onfailure.yaml'), 'utf8');
    await page.$eval(
      '.pg-drop',
      (zone, content) => {
        const data = new DataTransfer();
        data.items.add(new File([content], 'dropped-job.yaml', { type: 'application/yaml' }));
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      text,
    );
    await settled(page, before);
    expect(await editorText(page)).toBe(text);
    expect(await page.textContent('.pg-message')).toContain('dropped-job.yaml');
    expect((await listed(page)).some((entry) => /error (job-restart-policy|schema)$/.test(entry))).toBe(true);
  });

  it('answers hostile input with clear messages and stays responsive', async () => {
    const { page } = tab;
    await open(page, lang);
    // 5 MB: refused before validation, with a message.
    await paste(page, `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    await page.waitForFunction(() => document.querySelector('.pg-message')?.getAttribute('data-kind') === 'problem');
    expect(await page.textContent('.pg-message')).toContain(expected.tooLarge);
    // Binary data, 10,000 levels of nesting, an alias bomb: each the validator's own diagnostic.
    const cases: Array<[string, string]> = [
      ['apiVersion: v1\nkind: \u0000Pod\n', 'encoding'],
      ['a: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n', 'yaml-too-deep'],
      ['a: &a ["x","x","x","x","x","x","x","x","x"]\n' + Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`).join('\n') + '\n', 'yaml-alias-limit'],
    ];
    for (const [text, rule] of cases) {
      await paste(page, text);
      expect((await listed(page)).map((entry) => entry.split(' ').pop())).toContain(rule);
    }
    // Still responsive: a keystroke is handled at once.
    const latency = await page.evaluate(async () => {
      const started = performance.now();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - started;
    });
    expect(latency).toBeLessThan(1000);
  });

  it('stops a run over the time limit, restarts the worker and carries on', async () => {
    const page = await tab.guarded.context.newPage();
    try {
      // The first worker hangs (as a pathological input would make it); the restarted one is the real worker.
      let served = 0;
      await page.route(/\/worker-[^/]*\.js$/, (route) => {
        served += 1;
        return served === 1 ? route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => { for (;;); };' }) : route.fallback();
      });
      await open(page, lang);
      await page.waitForFunction(() => document.querySelector('.pg-message')?.getAttribute('data-kind') === 'problem', undefined, { timeout: 15_000 });
      expect(await page.textContent('.pg-message')).toContain(expected.timedOut);
      await paste(page, VALID_POD);
      expect(await page.textContent('.pg-diagnostics')).toBe(expected.noProblems);
      expect(served).toBe(2);
    } finally {
      await page.close();
    }
  });

  it('can be used from the keyboard alone: Tab reaches the editor, Escape then Tab (or Ctrl+M) leaves it', async () => {
    const { page } = tab;
    await open(page, lang);
    await page.waitForSelector('.pg-diagnostic');
    await page.focus('.pg-share');
    await page.keyboard.press('Tab');
    expect(await editorFocused(page)).toBe(true);
    // Tab inside the editor indents instead of leaving it.
    const text = await editorText(page);
    await page.keyboard.press('Tab');
    expect(await editorFocused(page)).toBe(true);
    expect(await editorText(page)).toBe(`  ${text}`);
    await page.keyboard.press('Shift+Tab');
    expect(await editorText(page)).toBe(text);
    // Escape, then Tab: out of the editor, to the first entry of the diagnostics list.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('pg-position');
    // Enter on a position button moves into the editor at that line.
    await page.keyboard.press('Enter');
    expect(await editorFocused(page)).toBe(true);
    expect(await caret(page)).toBe('6:16');
    // Ctrl+M: Tab moves the focus instead of indenting, until Ctrl+M again.
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('pg-position');
    expect(await editorText(page)).toBe(text);
    await page.keyboard.press('Shift+Tab');
    expect(await editorFocused(page)).toBe(true);
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    expect(await editorFocused(page)).toBe(true);
    // The ways out are written on the page.
    const help = await page.textContent('.playground');
    expect(help).toMatch(/Escape/);
    expect(help).toMatch(/Ctrl\+M/);
  });

  it('has no axe-core violations, the editor and the diagnostics included', async () => {
    const { page } = tab;
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await open(page, lang);
      await page.waitForSelector('.pg-diagnostic .pg-fix');
      expect(describeViolations(await axeViolations(page)), `axe-core, ${colorScheme} theme`).toBe('');
    }
    await page.emulateMedia({ colorScheme: null });
  });

  it('loads nothing it does not need from a chapter page: chapters link to the playground without its script', async () => {
    const page = await tab.guarded.context.newPage();
    try {
      const scripts: string[] = [];
      page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
      await page.goto(`${siteUrl()}/${lang}/stateful-service/`, { waitUntil: 'networkidle' });
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((url) => /Playground|worker/i.test(url))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
