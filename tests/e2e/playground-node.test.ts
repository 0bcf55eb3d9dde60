// The browser build of the validator gives exactly what the Node library gives: every file under examples/ and
// src/mistakes/ and every validator fixture goes through the playground's worker (the bundle the site ships) in
// Chromium and through validatePaths() in Node; rule, line, column, severity and message must match, in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths, type Lang } from '../../src/validator/index.ts';
import { siteUrl, useTab } from './browser.ts';
import { DIST, LANGS, ROOT } from './site.ts';

const VALIDATED = /\.(ya?ml|json|mdx?)$/;

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && VALIDATED.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

const FILES = [...filesUnder('examples'), ...filesUnder('src/mistakes'), ...filesUnder('tests/fixtures/validator')];
const WORKER = readdirSync(join(DIST, '_astro')).find((name) => /^worker-.*\.js$/.test(name));

type Row = string;

/** What Node says, in the playground's order (by position; file problems first at equal positions). */
async function inNode(file: string, lang: Lang): Promise<Row[]> {
  const report = await validatePaths([join(ROOT, file)], { strict: true, lang });
  return [...report.fileDiagnostics, ...report.resources.flatMap((r) => r.diagnostics)]
    .sort((a, b) => a.line - b.line || a.col - b.col)
    .map((d) => `${d.line}:${d.col} ${d.severity}[${d.rule}] ${d.message}`);
}

const tab = useTab();

describe('the playground worker in Chromium and the library in Node', () => {
  it('covers examples/, src/mistakes/ and the validator fixtures, with the worker the site ships', () => {
    expect(FILES.filter((f) => f.startsWith('examples/')).length).toBeGreaterThan(10);
    expect(FILES.filter((f) => f.startsWith('src/mistakes/')).length).toBeGreaterThan(5);
    expect(FILES.filter((f) => f.startsWith('tests/fixtures/validator/')).length).toBeGreaterThan(10);
    expect(WORKER, 'dist/_astro/worker-*.js').toBeDefined();
  });

  it.for(LANGS)('gives identical diagnostics for every file (%s)', async (lang) => {
    const { page } = tab;
    await page.goto(`${siteUrl()}/${lang}/playground/`);
    const inputs = FILES.map((file) => ({ file, bytes: [...readFileSync(join(ROOT, file))] }));
    const browser = await page.evaluate(
      async ({ worker, inputs, lang }) => {
        const validator = new Worker(worker, { type: 'module' });
        const replies = new Map<number, { diagnostics?: Array<{ line: number; col: number; severity: string; rule: string; message: string }>; failure?: string }>();
        const done = new Promise<void>((resolve) => {
          validator.addEventListener('message', (event) => {
            replies.set(event.data.id, event.data);
            if (replies.size === inputs.length) resolve();
          });
        });
        inputs.forEach((input, id) => validator.postMessage({ id, bytes: new Uint8Array(input.bytes), file: input.file, lang }));
        await done;
        validator.terminate();
        return inputs.map((_, id) => {
          const reply = replies.get(id)!;
          return reply.failure ? [`failure: ${reply.failure}`] : reply.diagnostics!.map((d) => `${d.line}:${d.col} ${d.severity}[${d.rule}] ${d.message}`);
        });
      },
      { worker: `/_astro/${WORKER}`, inputs, lang },
    );
    const node = await Promise.all(FILES.map((file) => inNode(file, lang)));
    const differences = FILES.flatMap((file, i) => (JSON.stringify(browser[i]) === JSON.stringify(node[i]) ? [] : [`${file}\n  browser: ${browser[i].join('\n           ')}\n  node:    ${node[i].join('\n           ')}`]));
    expect(differences.join('\n')).toBe('');
    // Not vacuous: most of these files have something to say.
    expect(node.filter((rows) => rows.length > 0).length).toBeGreaterThan(FILES.length / 3);
    expect(tab.guarded.takeProblems().join('\n')).toBe('');
  });
});
