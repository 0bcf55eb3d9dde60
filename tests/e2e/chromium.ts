// How we run Chromium everywhere (browser tests and the site benchmark): Debian's build, never a downloaded one,
// with nothing allowed to leave the machine.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Every host name except the loopback address fails to resolve: a stray request to the internet cannot succeed.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Throws (never skips) when Debian's Chromium is missing, saying how to install it. */
export function requireChromium(path = CHROMIUM_PATH): void {
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The browser tests and the site benchmark drive Debian's Chromium ` +
        '(no browser is downloaded). Install it with: apt-get install chromium fonts-noto-cjk',
    );
  }
}
