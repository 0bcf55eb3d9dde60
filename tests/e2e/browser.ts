// Connects a test file to the shared Chromium and opens contexts that record every problem a page causes:
// requests leaving 127.0.0.1 (aborted), console errors, uncaught exceptions, failed or 4xx/5xx subresources.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const siteUrl = (): string => inject('siteUrl');

export async function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

export interface GuardedContext {
  context: BrowserContext;
  /** Problems seen since the last takeProblems(), each naming the page it happened on. */
  takeProblems(): string[];
  /**
   * Resolves once no request of the context has been in flight for `quietMs` (like Playwright's networkidle, which
   * waits 500 ms; everything here comes from loopback, so a shorter quiet period catches late requests as well).
   */
  networkQuiet(quietMs?: number): Promise<void>;
}

/** What a test file drives: its connection to the shared Chromium, one guarded context and one tab in it. */
export interface Tab {
  browser: Browser;
  guarded: GuardedContext;
  page: Page;
}

/** Opens a Tab before the file's tests (after `prepare`, e.g. granting permissions) and closes it after them. */
export function useTab(options: BrowserContextOptions = {}, prepare?: (guarded: GuardedContext) => Promise<void>): Tab {
  const tab = {} as Tab;
  beforeAll(async () => {
    tab.browser = await connectBrowser();
    tab.guarded = await guardedContext(tab.browser, options);
    await prepare?.(tab.guarded);
    tab.page = await tab.guarded.context.newPage();
  });
  afterAll(async () => {
    await tab.guarded?.context.close();
    await tab.browser?.close();
  });
  return tab;
}

export async function guardedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<GuardedContext> {
  const origin = siteUrl();
  const context = await browser.newContext({ locale: 'ko-KR', ...options });
  let problems: string[] = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  context.on('request', () => ((inFlight += 1), (lastActivity = Date.now())));
  const ended = () => ((inFlight = Math.max(0, inFlight - 1)), (lastActivity = Date.now()));
  context.on('requestfinished', ended);
  context.on('requestfailed', ended);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    problems.push(`request leaving 127.0.0.1 (blocked): ${url} from ${route.request().frame().url()}`);
    return route.abort('blockedbyclient');
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const pageUrl = message.page()?.url();
    // Chromium logs a console error for a document answered with 404; a deliberate visit to a missing page is no bug.
    if (message.location().url === pageUrl && message.text().startsWith('Failed to load resource')) return;
    problems.push(`console error on ${pageUrl}: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`uncaught error on ${error.page()?.url()}: ${error.error().message}`));
  context.on('response', (response) => {
    const request = response.request();
    // A document answered with 404 is a deliberate visit to a missing page; anything else failing is a bug.
    if (response.status() >= 400 && request.resourceType() !== 'document') {
      problems.push(`HTTP ${response.status()} for ${request.url()} (${request.resourceType()}) on ${request.frame().url()}`);
    }
  });
  context.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // ERR_ABORTED: the browser cancels requests still in flight when the test navigates on; BLOCKED_BY_CLIENT: counted above.
    if (!/ERR_ABORTED|BLOCKED_BY_CLIENT/.test(reason)) problems.push(`request failed (${reason}): ${request.url()}`);
  });
  return {
    context,
    takeProblems() {
      const taken = problems;
      problems = [];
      return taken;
    },
    async networkQuiet(quietMs = 150) {
      const deadline = Date.now() + 15_000;
      while (inFlight > 0 || Date.now() - lastActivity < quietMs) {
        if (Date.now() > deadline) throw new Error(`network not quiet after 15 s (${inFlight} requests in flight)`);
        await new Promise((wake) => setTimeout(wake, 25));
      }
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is now, with every default rule (WCAG 2.x A/AA and best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 5).join('\n    ')}`).join('\n');
}
