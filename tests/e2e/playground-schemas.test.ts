// The playground's worker loads the schemas of the kinds in its input only: for the page's sample (one StatefulSet),
// Kubernetes 1.36's index and the StatefulSet's chunks of definitions (src/validator/schemas/split.ts), nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSchemas } from '../../src/validator/schemas/split.ts';
import { siteUrl, useTab } from './browser.ts';
import { ROOT } from './site.ts';

const tab = useTab();

/** The schema modules of the site's worker build: `_kubernetes-1-36-schemas-<hash>.js`, `_kubernetes-1-36-definitions-<n>-<hash>.js`. */
const SCHEMA_MODULE = /\/_kubernetes-(\d+)-(\d+)-(schemas|definitions-(\d+))-[\w-]+\.js$/;

describe("the playground's schemas", () => {
  it.for(['ko', 'en'])("the sample's first diagnostics load 1.36's index and the StatefulSet's chunks only (%s)", async (lang) => {
    const { page, guarded } = tab;
    const requested: string[] = [];
    const record = (request: { url(): string }) => {
      const match = SCHEMA_MODULE.exec(new URL(request.url()).pathname);
      if (match) requested.push(`${match[1]}.${match[2]} ${match[4] ?? 'index'}`);
    };
    guarded.context.on('request', record);
    await page.goto(`${siteUrl()}/${lang}/playground/`);
    await page.waitForSelector('.pg-diagnostic', { timeout: 15_000 });
    guarded.context.off('request', record);

    const { index } = splitSchemas(JSON.parse(readFileSync(join(ROOT, 'src/validator/schemas/kubernetes-1.36.json'), 'utf8')));
    const expected = ['1.36 index', ...index.kindChunks[index.kinds.indexOf('apps/v1/StatefulSet')].map((n) => `1.36 ${n}`)];
    // Each module once (a page load starts a new worker, with the browser's cache).
    expect([...new Set(requested)].sort()).toEqual(expected.sort());
    expect(await page.$$eval('.pg-diagnostic', (items) => items.length)).toBeGreaterThan(0);
    expect(guarded.takeProblems().join('\n')).toBe('');
  });
});
