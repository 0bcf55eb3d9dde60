import { describe, expect, it } from 'vitest';

describe('toolchain', () => {
  it('runs on the Node version Astro 7 needs (the node devDependency)', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });
});
