// Every page of the built site, visited once in Chromium: it loads cleanly (no console error, no failed request,
// nothing leaving 127.0.0.1), axe-core finds no violation, and no internal link or #anchor is broken.
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, siteUrl, useTab } from './browser.ts';
import type { AxeViolation } from './browser.ts';
import { builtPages } from './site.ts';

interface Visit {
  status: number;
  problems: string[];
  violations: AxeViolation[];
  /** Absolute URLs of every <a href> on the page. */
  links: string[];
  ids: Set<string>;
}

const pages = builtPages();
const contentPages = pages.filter((p) => p.redirectTo === undefined);
const redirectPages = pages.filter((p) => p.redirectTo !== undefined);

const visits = new Map<string, Promise<Visit>>();

const tab = useTab();

/** Loads a page once (memoized, one at a time on the shared tab) and records what the tests need. */
function visit(path: string): Promise<Visit> {
  const key = new URL(path, siteUrl()).pathname;
  let pending = visits.get(key);
  if (!pending) {
    const previous = Promise.all([...visits.values()]).catch(() => undefined);
    pending = previous.then(async () => {
      tab.guarded.takeProblems();
      const response = await tab.page.goto(new URL(key, siteUrl()).href, { waitUntil: 'load' });
      // Whatever a page fetches after load (icons, prefetches, lazy scripts) counts too.
      await tab.guarded.networkQuiet();
      const found = await tab.page.evaluate(() => ({
        links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
        ids: [...document.querySelectorAll('[id], a[name]')].map((e) => e.id || e.getAttribute('name') || ''),
      }));
      const violations = await axeViolations(tab.page);
      return {
        status: response?.status() ?? 0,
        problems: tab.guarded.takeProblems(),
        violations,
        links: found.links,
        ids: new Set(found.ids),
      };
    });
    visits.set(key, pending);
  }
  return pending;
}

describe('every built page', () => {
  it('the build produced Korean and English pages', () => {
    expect(contentPages.some((p) => p.path.startsWith('/ko/'))).toBe(true);
    expect(contentPages.some((p) => p.path.startsWith('/en/'))).toBe(true);
  });

  it.for(contentPages.map((p) => p.path))('%s loads without console errors, failed or outside requests', async (path) => {
    const result = await visit(path);
    expect(result.status, `HTTP status of ${path}`).toBe(200);
    expect(result.problems.join('\n')).toBe('');
  });

  it.for(contentPages.map((p) => p.path))('%s has no axe-core violations', async (path) => {
    const { violations } = await visit(path);
    expect(describeViolations(violations), `axe-core on ${path}`).toBe('');
  });

  it('has no broken internal link or #anchor', async () => {
    const origin = siteUrl();
    const broken: string[] = [];
    const checkedTargets = new Map<string, Promise<{ status: number; finalPath: string }>>();
    // A redirect (e.g. /ko -> /ko/, as a static host does for directories) is fine if it ends on a page.
    const statusOf = (pathname: string) => {
      let status = checkedTargets.get(pathname);
      if (!status) {
        status = fetch(origin + pathname, { method: 'HEAD', redirect: 'follow' }).then((r) => ({ status: r.status, finalPath: new URL(r.url).pathname }));
        checkedTargets.set(pathname, status);
      }
      return status;
    };
    for (const source of contentPages) {
      for (const href of (await visit(source.path)).links) {
        const target = new URL(href);
        if (target.origin !== origin) continue;
        const { status, finalPath } = await statusOf(target.pathname);
        if (status !== 200) {
          broken.push(`${source.path}: link ${target.pathname} answers HTTP ${status}`);
          continue;
        }
        if (target.hash.length > 1 && (finalPath.endsWith('/') || finalPath.endsWith('.html'))) {
          const id = decodeURIComponent(target.hash.slice(1));
          if (!(await visit(finalPath)).ids.has(id)) broken.push(`${source.path}: link ${target.pathname}${target.hash}: no element with id "${id}"`);
        }
      }
    }
    expect(broken.join('\n')).toBe('');
  });

  it('redirect pages (/ -> /ko/) land on a real page', async () => {
    expect(redirectPages.map((p) => p.path)).toContain('/');
    for (const redirect of redirectPages) {
      await tab.page.goto(new URL(redirect.path, siteUrl()).href);
      await tab.page.waitForURL((url) => url.pathname !== redirect.path, { timeout: 5_000 });
      expect(new URL(tab.page.url()).pathname, `${redirect.path} redirects to`).toBe(new URL(redirect.redirectTo!, siteUrl() + redirect.path).pathname);
      expect(contentPages.map((p) => p.path)).toContain(new URL(tab.page.url()).pathname);
    }
    expect(new URL(redirectPages.find((p) => p.path === '/')!.redirectTo!, siteUrl()).pathname).toBe('/ko/');
    expect(tab.guarded.takeProblems().join('\n')).toBe('');
  });

  it('answers an unknown URL with the 404 page and HTTP 404', async () => {
    const response = await tab.page.goto(`${siteUrl()}/ko/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await tab.page.locator('h1').count()).toBeGreaterThan(0);
    expect(tab.guarded.takeProblems().join('\n')).toBe('');
  });
});
