// A missing browser fails the e2e run with instructions; it never skips the browser tests.
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, requireChromium } from './chromium.ts';

describe('requireChromium', () => {
  it('fails with the install command when Chromium is missing', () => {
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(/Chromium not found at \/nonexistent\/chromium\..*apt-get install chromium fonts-noto-cjk/s);
  });

  it(`accepts Debian's Chromium at ${CHROMIUM_PATH}`, () => {
    expect(() => requireChromium()).not.toThrow();
  });
});
