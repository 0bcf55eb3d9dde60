// Share links and "did you mean" fixes of the playground, without a browser (the functions the page runs).
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARE_CHARS, ShareLinkError } from '../../src/playground/share.ts';
import { suggestionOf, validateForPlayground } from '../../src/playground/validate.ts';

const LIMIT = 1024 * 1024;
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

function reasonOf(fragment: string): string {
  try {
    decodeShare(fragment, LIMIT);
  } catch (error) {
    expect(error).toBeInstanceOf(ShareLinkError);
    return (error as ShareLinkError).problem;
  }
  throw new Error('no ShareLinkError');
}

describe('share links', () => {
  it('round-trips any text, Korean and control characters included', () => {
    for (const text of ['', 'apiVersion: v1\nkind: Pod\n', '# 한국어 주석\nname: 파드\n', 'a: "\\u0000"\r\n\t- x', 'x'.repeat(200_000)]) {
      const fragment = encodeShare(text);
      expect(fragment).toMatch(/^yaml=[A-Za-z0-9_-]*$/);
      expect(decodeShare(`#${fragment}`, LIMIT)).toEqual({ text, name: 'manifest.yaml' });
    }
  });

  it('carries the file name (it decides YAML/JSON vs Markdown), but only a plain one', () => {
    const page = '# Notes\n\n```yaml\nkind: Pod\n```\n';
    expect(decodeShare(`#${encodeShare(page, 'notes.md')}`, LIMIT)).toEqual({ text: page, name: 'notes.md' });
    const hostile = `#${encodeShare('a: 1\n')}&name=${encodeURIComponent('../../etc/passwd')}`;
    expect(decodeShare(hostile, LIMIT)).toEqual({ text: 'a: 1\n', name: 'manifest.yaml' });
  });

  it('carries the Kubernetes version first (#v=1.33&yaml=...), as written: the page checks that it has it', () => {
    const fragment = encodeShare('a: 1\n', 'manifest.yaml', '1.33');
    expect(fragment).toMatch(/^v=1\.33&yaml=[A-Za-z0-9_-]*$/);
    expect(decodeShare(`#${fragment}`, LIMIT)).toEqual({ text: 'a: 1\n', name: 'manifest.yaml', kubernetesVersion: '1.33' });
    expect(decodeShare(`#${encodeShare('a: 1\n', 'notes.md', '1.30')}`, LIMIT)).toEqual({ text: 'a: 1\n', name: 'notes.md', kubernetesVersion: '1.30' });
    expect(decodeShare(`#${encodeShare('a: 1\n')}`, LIMIT)).not.toHaveProperty('kubernetesVersion');
  });

  it('ignores fragments that are not share links', () => {
    expect(decodeShare('', LIMIT)).toBeUndefined();
    expect(decodeShare('#section-2', LIMIT)).toBeUndefined();
  });

  it('names corrupt links: bad characters, damaged or cut-short data', () => {
    expect(reasonOf('#yaml=not*base64')).toBe('bad-characters');
    expect(reasonOf(`#yaml=${base64url(new Uint8Array([1, 2, 3, 4, 5]))}`)).toBe('damaged');
    const whole = encodeShare('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cut\n');
    expect(['damaged', 'cut-short']).toContain(reasonOf(`#${whole.slice(0, whole.length - 6)}`));
  });

  it('refuses oversized links and links that inflate beyond the limit (a zip bomb) without inflating them whole', () => {
    expect(reasonOf(`#yaml=${'A'.repeat(MAX_SHARE_CHARS + 1)}`)).toBe('too-long');
    const bomb = base64url(zlibSync(new Uint8Array(16 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_SHARE_CHARS);
    expect(reasonOf(`#yaml=${bomb}`)).toBe('too-much-text');
  });
});

describe('did-you-mean fixes', () => {
  it('reads the suggestion from the English message, for unknown fields and enum values', () => {
    expect(suggestionOf('unknown field "conatainers": did you mean "containers"? (a required field)')).toBe('containers');
    expect(suggestionOf('must be one of "Always", "Never", "OnFailure"; got "always" (did you mean "Always"?)')).toBe('Always');
    expect(suggestionOf('missing required field "containers"')).toBeUndefined();
  });

  it('gives the suggestion with the diagnostic, whatever the message language', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  restartPolicy: always\n  conatainers:\n  - name: x\n    image: nginx:1.27\n';
    for (const lang of ['en', 'ko'] as const) {
      const { diagnostics } = await validateForPlayground(new TextEncoder().encode(text), 'x.yaml', lang);
      expect(diagnostics.filter((d) => d.suggestion).map((d) => `${d.line}:${d.col} ${d.suggestion}`)).toEqual(['6:18 Always', '7:3 containers']);
    }
  });
});
