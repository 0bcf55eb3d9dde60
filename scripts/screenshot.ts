// Screenshots of site pages, to look at the site as a reader does (with the Chromium tests/e2e/chromium.ts finds).
// Usage: node scripts/screenshot.ts <url> <out.png> [width] [height] [--full] [--at=<css selector to scroll to>]
import { launchChromium } from '../tests/e2e/chromium.ts';

const [url, out, width = '1280', height = '900'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!url || !out) {
  console.error('usage: node scripts/screenshot.ts <url> <out.png> [width] [height] [--full]');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForTimeout(Number(process.env.SHOT_WAIT ?? 1_000));
  const at = process.argv.find((arg) => arg.startsWith('--at='))?.slice('--at='.length);
  if (at) await page.locator(at).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
  console.log(`${out}: ${url}`);
} finally {
  await browser.close();
}
