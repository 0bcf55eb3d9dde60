import { describe, expect, it } from 'vitest';
import { basePath, LOCAL_SITE_URL, siteUrl } from '../../src/site/deploy-target.ts';

describe('deploy target (SITE_URL, BASE_PATH)', () => {
  it('defaults to the local preview address at the root', () => {
    expect(siteUrl({})).toBe(LOCAL_SITE_URL);
    expect(basePath({})).toBe('/');
  });

  it('takes GitHub Pages values as configure-pages gives them', () => {
    const env = { SITE_URL: 'https://owner.github.io', BASE_PATH: '/k8s-patterns' };
    expect(siteUrl(env)).toBe('https://owner.github.io');
    expect(basePath(env)).toBe('/k8s-patterns/');
  });

  it('takes the base path from SITE_URL when BASE_PATH is empty, and normalises slashes', () => {
    expect(basePath({ SITE_URL: 'https://owner.github.io/repo/' })).toBe('/repo/');
    expect(basePath({ BASE_PATH: 'a//b' })).toBe('/a/b/');
    expect(basePath({ SITE_URL: 'https://example.org', BASE_PATH: '' })).toBe('/');
  });

  it('refuses a SITE_URL that is not a URL, saying which variable', () => {
    expect(() => siteUrl({ SITE_URL: 'owner.github.io' })).toThrow(/SITE_URL must be an absolute URL/);
  });
});
