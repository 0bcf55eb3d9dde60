// Finding a browser: an explicit path, a system one, or the one in @sparticuz/chromium; with none, a clear failure
// that says how to get one (the browser tests are never skipped).
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bundledChromium, CHROMIUM_ARGS, findChromium, missingChromiumMessage, systemChromiumCandidates } from './chromium.ts';

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first and fails, naming it, when no executable is there', async () => {
    await expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(/^CHROMIUM_PATH=\/nonexistent\/chromium: no executable file there\./);
    await expect(findChromium({ CHROME_PATH: '/nonexistent/chrome' })).rejects.toThrow(/^CHROME_PATH=\/nonexistent\/chrome: no executable file there/);
  });

  it('uses an executable named by CHROMIUM_PATH or CHROME_PATH as it is', async () => {
    const bundled = bundledChromium().executablePath;
    expect(await findChromium({ CHROMIUM_PATH: bundled, CHROME_PATH: '/nonexistent' })).toEqual({ executablePath: bundled, source: 'env CHROMIUM_PATH' });
    expect(await findChromium({ CHROME_PATH: bundled })).toEqual({ executablePath: bundled, source: 'env CHROME_PATH' });
  });

  it('finds a browser on this machine without any variable set', async () => {
    const found = await findChromium({});
    expect(['system', '@sparticuz/chromium']).toContain(found.source);
  });

  it('knows where macOS and Windows install Chrome', () => {
    expect(systemChromiumCandidates('darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const windows = systemChromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' });
    expect(windows.some((path) => path.includes('Google') && path.endsWith('chrome.exe'))).toBe(true);
    expect(systemChromiumCandidates('linux')).toContain('/usr/bin/chromium');
  });

  it('says exactly how to get a browser when there is none', () => {
    expect(missingChromiumMessage('darwin', 'arm64')).toMatch(/Install Google Chrome \(https:\/\/www\.google\.com\/chrome\/, or `brew install --cask google-chrome`\), or set CHROMIUM_PATH/);
    expect(missingChromiumMessage('win32', 'x64')).toMatch(/winget install Google\.Chrome.*CHROMIUM_PATH/);
    expect(missingChromiumMessage('linux', 'x64')).toMatch(/@sparticuz\/chromium is not installed \(run `npm ci`\)/);
    expect(missingChromiumMessage('linux', 'arm64')).toMatch(/no build for linux arm64 \(x64 only\)\..*apt-get install chromium.*CHROMIUM_PATH/);
  });
});

describe('the Chromium in @sparticuz/chromium', () => {
  it('unpacks once and renders a page with its own libraries and fonts', async () => {
    const bundled = bundledChromium();
    expect(bundled.executablePath).toMatch(/node_modules\/\.cache\/sparticuz-chromium-[\d.]+\/chromium$/);
    expect(bundledChromium()).toEqual(bundled);
    const browser = await chromium.launch({ executablePath: bundled.executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...bundled.env } });
    try {
      const page = await browser.newPage();
      await page.setContent('<span id="p" style="font: 20px sans-serif">Kubernetes</span>');
      // Layout with a real font gives the text a width (no assertion on glyphs: Korean has no font in this build).
      expect(await page.locator('#p').evaluate((p) => p.getBoundingClientRect().width)).toBeGreaterThan(50);
      expect(await page.evaluate(() => document.fonts.check('20px sans-serif'))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
