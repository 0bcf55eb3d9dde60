// Frontmatter cannot hold components, so the home and validation pages spell the target Kubernetes version out in
// their descriptions and hero; it must be the version the validator bundles (what the pages show everywhere else).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubernetesVersion } from '../../src/site/validator.ts';

const PAGES = ['ko/index.mdx', 'en/index.mdx', 'ko/validation.mdx', 'en/validation.mdx'];

describe('target Kubernetes version', () => {
  it('is 1.36, from the validator', async () => {
    expect(await kubernetesVersion()).toBe('1.36');
  });

  it('is the one written in the frontmatter of the home and validation pages', async () => {
    const version = await kubernetesVersion();
    for (const page of PAGES) {
      const text = await readFile(resolve(import.meta.dirname, '../../content', page), 'utf8');
      const frontmatter = text.split(/^---$/m)[1];
      const mentioned = [...frontmatter.matchAll(/(?:Kubernetes|쿠버네티스) (\d+\.\d+)/g)].map((m) => m[1]);
      expect(mentioned.length, page).toBeGreaterThan(0);
      expect(new Set(mentioned), page).toEqual(new Set([version]));
    }
  });
});
