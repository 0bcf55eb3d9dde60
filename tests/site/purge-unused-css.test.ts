import { describe, expect, it } from 'vitest';
import { withDependencies } from '../../src/integrations/purge-unused-css.ts';

describe('withDependencies', () => {
  it('adds the custom properties that kept properties read, in every theme block, transitively', () => {
    const css =
      ':root{--sl-hue-red:339;--sl-color-red-low:hsl(var(--sl-hue-red),39%,22%);--a:var(--b);--b:var(--c);--c:1;--unused:var(--d)}' +
      "[data-theme='light']{--sl-color-red-low:hsl(var(--sl-hue-red),80%,90%);--my--sl-color-red-low:var(--e)}";
    expect([...withDependencies(['--sl-color-red-low', '--a'], css)].sort()).toEqual(['--a', '--b', '--c', '--sl-color-red-low', '--sl-hue-red']);
  });
});
