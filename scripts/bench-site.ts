// Site benchmark (`npm run bench:site`): prints figures, checks the targets, exits 0 either way unless it could not
// measure. Measures
//   1. build time: cold (no .astro cache, no dist) and warm (caches kept), per page;
//   2. bytes per chapter page, observed with Chromium's network events (CDP): what the first render needs (the HTML,
//      the CSS Chromium marks render-blocking, the scripts run before `load`), what else loads before `load`, what
//      loads after it before any interaction, and what opening search loads (on demand); sizes raw and gzip (gzip -6
//      of the file in dist/), against the page's own text as a baseline;
//   3. Lighthouse (mobile, default config) for the first chapter page in each language, offline against the Chromium that
//      tests/e2e/chromium.ts finds (nothing may leave 127.0.0.1: Chromium cannot resolve other hosts, and external requests are counted).
// Options: --no-build (measure the existing dist/), --no-lighthouse.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright-core';
import { serveStatic } from './serve-static.ts';
import { buildSite } from '../tests/e2e/build-site.ts';
import { CHROMIUM_ARGS, findChromium, launchChromium } from '../tests/e2e/chromium.ts';
import { builtPages, chapters, DIST, LANGS, ROOT } from '../tests/e2e/site.ts';

const TARGET_FIRST_RENDER_GZIP = 40 * 1024;
const TARGET_JS_BEFORE_SEARCH_GZIP = 10 * 1024;
const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const LIGHTHOUSE_RUNS = 3;
const RESULTS = join(ROOT, 'bench-results');

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---- 1. build time ---------------------------------------------------------------------------------------------

async function timeBuild(): Promise<number> {
  const start = performance.now();
  await buildSite();
  return performance.now() - start;
}

async function benchBuild(): Promise<void> {
  // Cold: every cache Astro and Vite keep between builds is gone (.astro/, node_modules/.astro, node_modules/.vite).
  for (const dir of ['.astro', 'dist', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(ROOT, dir), { recursive: true, force: true });
  const cold = await timeBuild();
  const warm = await timeBuild();
  const pages = builtPages().length;
  console.log('\n## Build (npm run build)\n');
  console.log(
    table(
      ['build', 'wall time', 'per page', 'vs warm'],
      [
        ['cold (no .astro, no dist)', `${(cold / 1000).toFixed(2)} s`, `${(cold / pages).toFixed(0)} ms`, `${(cold / warm).toFixed(2)}x`],
        ['warm (second build)', `${(warm / 1000).toFixed(2)} s`, `${(warm / pages).toFixed(0)} ms`, '1.00x'],
      ],
    ),
  );
  console.log(`${pages} HTML pages in dist/`);
}

// ---- 2. bytes per chapter page ---------------------------------------------------------------------------------

/** first render: the HTML, render-blocking CSS and the scripts run before `load`; before load: anything else requested
 * before `load` (non-blocking CSS such as print styles, icons, fonts); after load: before any interaction; search. */
type Phase = 'first render' | 'before load' | 'after load' | 'search';
type Kind = 'html' | 'css' | 'js' | 'other';
interface Loaded {
  path: string;
  kind: Kind;
  phase: Phase;
  raw: number;
  gzip: number;
}
interface PageWeight {
  path: string;
  loaded: Loaded[];
  textGzip: number;
  external: string[];
}

const sizeCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(pathname: string): { raw: number; gzip: number } {
  let size = sizeCache.get(pathname);
  if (!size) {
    let file = join(DIST, decodeURIComponent(pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    size = { raw: bytes.length, gzip: bytes.length === 0 ? 0 : gzipSync(bytes).length };
    sizeCache.set(pathname, size);
  }
  return size;
}

function kindOf(resourceType: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  return 'other';
}

async function weighPage(browser: Browser, origin: string, path: string, query: string): Promise<PageWeight> {
  const context = await browser.newContext({ locale: 'ko-KR' }); // fresh cache for every page
  const external: string[] = [];
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    external.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  // Chromium's own verdict on which requests block rendering (CDP Network.requestWillBeSent.renderBlockingBehavior).
  const blocking = new Set<string>();
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.renderBlockingBehavior === 'Blocking' || event.renderBlockingBehavior === 'InBodyParserBlocking') blocking.add(event.request.url);
  });
  await cdp.send('Network.enable');
  let phase: Phase = 'first render';
  const loaded: (Loaded & { url: string })[] = [];
  // Playwright's request events come from Chromium's network events (CDP), including those of the page's workers
  // (Pagefind fetches its wasm and index from a worker), which a page-level CDP session would miss.
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin) return;
    loaded.push({ url: url.href, path: url.pathname, kind: kindOf(request.resourceType()), phase, ...sizeOf(url.pathname) });
  });
  await page.goto(origin + path, { waitUntil: 'load' });
  phase = 'after load';
  await page.waitForLoadState('networkidle');
  const text = await page.locator('main').innerText();
  phase = 'search';
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('dialog[open] input').first().fill(query);
  await page.locator('dialog[open] .pagefind-ui__result-title, dialog[open] .pagefind-ui__message').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500); // let the search worker finish fetching index fragments
  await context.close();
  for (const item of loaded) {
    const needed = item.kind === 'html' || item.kind === 'js' || blocking.has(item.url);
    if (item.phase === 'first render' && !needed) item.phase = 'before load';
  }
  return { path, loaded, textGzip: gzipSync(Buffer.from(text)).length, external };
}

const sum = (items: Loaded[], pick: 'raw' | 'gzip') => items.reduce((total, item) => total + item[pick], 0);

async function benchBytes(browser: Browser, origin: string): Promise<{ firstRenderMax: number; jsBeforeSearchMax: number; external: string[] }> {
  let pages = chapters().map((c) => ({ path: c.path, query: c.title }));
  if (pages.length === 0) {
    console.log('\n(no chapter in content/ yet: measuring every Korean and English page instead)');
    pages = builtPages()
      .filter((p) => LANGS.some((l) => p.path.startsWith(`/${l}/`)) && !p.redirectTo)
      .map((p) => ({ path: p.path, query: 'kubernetes' }));
  }
  const weights: PageWeight[] = [];
  for (const { path, query } of pages) weights.push(await weighPage(browser, origin, path, query));

  console.log('\n## Bytes per chapter page (KB; gzip, raw in parentheses; observed with Chromium network events)\n');
  const rows = weights.map((w) => {
    const first = w.loaded.filter((l) => l.phase === 'first render');
    const of = (kind: Kind) => first.filter((l) => l.kind === kind);
    const cell = (items: Loaded[]) => `${kb(sum(items, 'gzip'))} (${kb(sum(items, 'raw'))})`;
    const beforeLoad = w.loaded.filter((l) => l.phase === 'before load');
    const idle = w.loaded.filter((l) => l.phase === 'after load');
    const search = w.loaded.filter((l) => l.phase === 'search');
    const jsBeforeSearch = w.loaded.filter((l) => l.phase !== 'search' && l.kind === 'js');
    return [
      w.path,
      cell(of('html')),
      cell(of('css')),
      cell(of('js')),
      cell(first),
      `${(sum(first, 'gzip') / w.textGzip).toFixed(1)}x`,
      cell(beforeLoad),
      cell(idle),
      cell(jsBeforeSearch),
      cell(search),
    ];
  });
  console.log(
    table(
      ['page', 'HTML', 'blocking CSS', 'JS on load', 'first render', 'vs text', 'other before load', 'after load', 'JS before search', 'search (on demand)'],
      rows,
    ),
  );
  console.log(
    'first render = HTML + CSS Chromium marks render-blocking + scripts requested before the load event; other before load = ' +
      'non-blocking CSS (print), icons, fonts; "vs text" = first-render gzip / gzip of the page\'s visible main text',
  );

  // What each phase consists of, for the first page (the same files serve every page).
  const sample = weights[0];
  console.log(`\nFiles loaded by ${sample.path}:`);
  console.log(
    table(
      ['phase', 'file', 'kind', 'gzip', 'raw'],
      sample.loaded.map((l) => [l.phase, l.path.length > 70 ? '…' + l.path.slice(-69) : l.path, l.kind, kb(l.gzip), kb(l.raw)]),
    ),
  );
  return {
    firstRenderMax: Math.max(...weights.map((w) => sum(w.loaded.filter((l) => l.phase === 'first render'), 'gzip'))),
    jsBeforeSearchMax: Math.max(...weights.map((w) => sum(w.loaded.filter((l) => l.phase !== 'search' && l.kind === 'js'), 'gzip'))),
    external: weights.flatMap((w) => w.external),
  };
}

// ---- 3. Lighthouse -------------------------------------------------------------------------------------------

interface LighthouseResult {
  path: string;
  json: string;
  scores: Record<string, number>;
  losses: string[];
  external: string[];
}

async function runLighthouse(origin: string, path: string): Promise<LighthouseResult> {
  const found = await findChromium();
  const chrome = await chromeLauncher.launch({ chromePath: found.executablePath, chromeFlags: CHROMIUM_ARGS, envVars: { ...process.env, ...found.env } as Record<string, string>, logLevel: 'silent' });
  try {
    const result = await lighthouse(origin + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...LIGHTHOUSE_CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned no result for ${path}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores: Record<string, number> = {};
    const losses: string[] = [];
    for (const id of LIGHTHOUSE_CATEGORIES) {
      const category = lhr.categories[id];
      scores[id] = Math.round((category.score ?? 0) * 100);
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          losses.push(`${id}: ${ref.id} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''}): ${audit.title}`);
        }
      }
    }
    const requests = (lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? [];
    const external = requests.map((r) => r.url).filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
    return { path, json: JSON.stringify(lhr), scores, losses, external };
  } finally {
    chrome.kill();
  }
}

// ---- main --------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  for (const arg of args) if (!['--no-build', '--no-lighthouse'].includes(arg)) throw new Error(`unknown option ${arg} (options: --no-build, --no-lighthouse)`);
  const found = await findChromium();
  console.log(`# Site benchmark (${new Date().toISOString()}, ${process.version}, Chromium: ${found.executablePath} from ${found.source})`);
  if (!args.has('--no-build')) await benchBuild();
  else if (!existsSync(DIST)) throw new Error('dist/ does not exist: run without --no-build');

  const server = await serveStatic(DIST);
  const browser = await launchChromium();
  const checks: [string, string, boolean][] = [];
  try {
    const bytes = await benchBytes(browser, server.url);
    checks.push(['first-render bytes per chapter page <= 40 KB gzip', `max ${kb(bytes.firstRenderMax)} KB`, bytes.firstRenderMax <= TARGET_FIRST_RENDER_GZIP]);
    checks.push(['JS before search <= 10 KB gzip', `max ${kb(bytes.jsBeforeSearchMax)} KB`, bytes.jsBeforeSearchMax <= TARGET_JS_BEFORE_SEARCH_GZIP]);
    checks.push(['no request leaves 127.0.0.1 (page weight runs)', `${bytes.external.length} external`, bytes.external.length === 0]);
    await browser.close();

    if (!args.has('--no-lighthouse')) {
      const targets = LANGS.map((lang) => chapters().find((c) => c.lang === lang)?.path ?? `/${lang}/`);
      const results: LighthouseResult[] = [];
      const runsOf = new Map<string, number[]>();
      for (const path of targets) {
        // Performance is simulated from measured CPU time, which other processes on a shared machine inflate:
        // take the median of LIGHTHOUSE_RUNS runs by performance score, as Lighthouse's docs advise.
        const runs: LighthouseResult[] = [];
        for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await runLighthouse(server.url, path));
        runs.sort((a, b) => a.scores.performance - b.scores.performance);
        const median = runs[Math.floor(runs.length / 2)];
        results.push(median);
        mkdirSync(RESULTS, { recursive: true });
        writeFileSync(join(RESULTS, `lighthouse${path.replace(/\//g, '-').replace(/-$/, '')}.json`), median.json);
        runsOf.set(path, runs.map((r) => r.scores.performance));
      }
      console.log(`\n## Lighthouse 13.5 (mobile, simulated throttling; median of ${LIGHTHOUSE_RUNS} runs; JSON in bench-results/)\n`);
      console.log(
        table(
          ['page', ...LIGHTHOUSE_CATEGORIES, 'performance in each run'],
          results.map((r) => [r.path, ...LIGHTHOUSE_CATEGORIES.map((c) => String(r.scores[c])), runsOf.get(r.path)!.join(' ')]),
        ),
      );
      for (const r of results) {
        for (const loss of r.losses) console.log(`  ${r.path} loses points on ${loss}`);
        for (const url of r.external) console.log(`  ${r.path} requested outside 127.0.0.1: ${url}`);
        checks.push([`Lighthouse 100 in all four categories (${r.path})`, LIGHTHOUSE_CATEGORIES.map((c) => r.scores[c]).join('/'), LIGHTHOUSE_CATEGORIES.every((c) => r.scores[c] === 100)]);
        checks.push([`Lighthouse fetched nothing outside 127.0.0.1 (${r.path})`, `${r.external.length} external`, r.external.length === 0]);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }

  console.log('\n## Targets\n');
  console.log(table(['target', 'measured', 'result'], checks.map(([name, measured, pass]) => [name, measured, verdict(pass)])));
}

main().catch((error: unknown) => {
  console.error(`bench:site: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
