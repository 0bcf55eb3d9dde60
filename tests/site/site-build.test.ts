// Builds a temporary copy of the project with one fixture page per language, published under a base path, and checks
// what readers get: the embedded manifest (exact bytes to copy, download link, kubectl line with the published URL,
// Kubernetes version), the common-mistake box with the validator's output in the page's language, the examples under
// /examples/, translated UI strings, hreflang alternates, the sitemap and the / redirect.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCopy, copyProject } from './project-copy.ts';

// A plain example (copied from its rendered lines) and one whose trailing spaces are content (a block scalar), which
// Expressive Code would trim: that one must be embedded in full for the copy button.
const EXAMPLE = '# A fixture ConfigMap.\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fixture\ndata:\n  greeting: "a <b> & \'c\'"\n\n  empty: ""\n';
const TRAILING = '# Trailing spaces are content here.\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: trailing\ndata:\n  script: |\n    echo hello   \n';
const MISTAKE = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: fixture\nspec:\n  template:\n    spec:\n      restartPolicy: onFailure\n      containers:\n        - name: worker\n          image: busybox:1.37.0\n';
const page = (title: string, heading: string) => `---
title: ${title}
description: ${title}
---

import Manifest from '~/components/Manifest.astro';
import ValidatorOutput from '~/components/ValidatorOutput.astro';

## ${heading}

<Manifest file="fixture/config.yaml" />

<Manifest file="fixture/trailing.yaml" />

<ValidatorOutput file="src/mistakes/fixture-job.yaml" />

\`\`\`sh
echo inline
\`\`\`
`;

let root: string;
let dist: string;
const html = (path: string) => readFile(join(dist, path), 'utf8');
const decode = (text: string) =>
  text.replace(/&#x22;/g, '"').replace(/&#x3C;/g, '<').replace(/&#x3E;/g, '>').replace(/&#x27;/g, "'").replace(/&#x26;/g, '&')
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** What every copy button on a page copies: its data-code, or (data-copy-lines) the block's rendered lines plus a
 *  final newline (none for data-copy-lines="bare"), as COPY_LINES_SCRIPT (src/site/expressive-code.ts) rebuilds them in the browser. */
async function copyTexts(path: string): Promise<string[]> {
  const text = await html(path);
  return [...text.matchAll(/<pre[^>]*>([\s\S]*?)<\/pre><div class="copy">[\s\S]*?<button([^>]*)>/g)].map(([, pre, button]) => {
    const code = /data-code="([^"]*)"/.exec(button);
    if (code) return decode(code[1]).replace(/\u007f/g, '\n');
    expect(button).toContain('data-copy-lines');
    const lines = pre.split(/<div class="ec-line"[^>]*>/).slice(1).map((line) => decode(line.replace(/<[^>]+>/g, '').replace(/\n/g, '')));
    return lines.join('\n') + (button.includes('data-copy-lines="bare"') ? '' : '\n');
  });
}

beforeAll(async () => {
  root = await copyProject('site');
  await mkdir(join(root, 'examples/fixture'), { recursive: true });
  await writeFile(join(root, 'examples/fixture/config.yaml'), EXAMPLE);
  await writeFile(join(root, 'examples/fixture/trailing.yaml'), TRAILING);
  await writeFile(join(root, 'src/mistakes/fixture-job.yaml'), MISTAKE);
  await writeFile(join(root, 'content/ko/fixture.mdx'), page('시험 페이지', '동작 방식'));
  await writeFile(join(root, 'content/en/fixture.mdx'), page('Fixture page', 'How it works'));
  const { code, output } = await buildCopy(root, { SITE_URL: 'https://owner.github.io', BASE_PATH: '/guide' });
  if (code !== 0) throw new Error(`the fixture site did not build:\n${output}`);
  dist = join(root, 'dist');
}, 180_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('built site', () => {
  it('embeds an example with a copy button that copies the exact file and a kubectl line with the published URL', async () => {
    const [manifest, kubectl, trailing] = await copyTexts('en/fixture/index.html');
    expect(manifest).toBe(EXAMPLE);
    expect(trailing).toBe(TRAILING);
    expect(kubectl).toBe('kubectl apply -f https://owner.github.io/guide/examples/fixture/config.yaml');
    const en = await html('en/fixture/index.html');
    expect(en).toContain('<a href="/guide/examples/fixture/config.yaml" download="config.yaml"');
    expect(en).toContain('Accepted by Kubernetes 1.30–1.36');
    expect(en).toMatch(/<span class="title">examples\/fixture\/config\.yaml<\/span>/);
  });

  it('publishes the example files byte for byte under /examples/', async () => {
    expect(await readFile(join(dist, 'examples/fixture/config.yaml'), 'utf8')).toBe(EXAMPLE);
  });

  it("shows a common mistake with the validator's output in the page's language, paths relative to the repo", async () => {
    // Copy buttons: two manifests with their kubectl lines, the broken file, the validator output.
    const [, , , , brokenFile, en] = await copyTexts('en/fixture/index.html');
    const ko = (await copyTexts('ko/fixture/index.html'))[5];
    expect(brokenFile).toBe(MISTAKE);
    expect(en).toMatch(/^src\/mistakes\/fixture-job\.yaml:8:22: error\[schema\]/);
    expect(ko).toMatch(/^src\/mistakes\/fixture-job\.yaml:8:22: error\[schema\]/);
    expect(ko).not.toBe(en);
    expect(await html('ko/fixture/index.html')).toContain('흔한 실수');
    expect(await html('en/fixture/index.html')).toContain('Common mistake');
  });

  it('translates copy buttons, the target version line and search labels per language', async () => {
    const ko = await html('ko/fixture/index.html');
    const en = await html('en/fixture/index.html');
    expect(ko).toContain('title="클립보드로 복사"');
    expect(en).toContain('title="Copy to clipboard"');
    expect(en).not.toContain('클립보드로 복사');
    expect(ko).toContain('대상 버전: 쿠버네티스 1.36');
    expect(en).toContain('Target: Kubernetes 1.36');
    expect(ko).toContain('<html lang="ko"');
    expect(en).toContain('<html lang="en"');
    expect(ko).toContain('사이트 검색');
    expect(ko).toContain('<div id="starlight__search"'); // a production build: search, not the dev-mode notice
  });

  it('links both editions with hreflang and lists them in the sitemap', async () => {
    const en = await html('en/fixture/index.html');
    expect(en).toContain('<link rel="alternate" hreflang="ko" href="https://owner.github.io/guide/ko/fixture/"/>');
    expect(en).toContain('<link rel="alternate" hreflang="en" href="https://owner.github.io/guide/en/fixture/"/>');
    const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://owner.github.io/guide/ko/fixture/</loc>');
    expect(sitemap).toContain('<loc>https://owner.github.io/guide/en/fixture/</loc>');
  });

  it('redirects / to the Korean edition and serves a bilingual 404', async () => {
    expect(await html('index.html')).toContain('content="0;url=/guide/ko/"');
    const notFound = await html('404.html');
    expect(notFound).toContain('페이지를 찾을 수 없다');
    expect(notFound).toContain('<p lang="en">');
    expect(existsSync(join(dist, 'pagefind/pagefind-entry.json'))).toBe(true);
  });
});
