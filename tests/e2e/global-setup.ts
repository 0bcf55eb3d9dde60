// Vitest global setup of the e2e project: builds the site once, serves dist/ on 127.0.0.1 and starts one Chromium
// that every e2e test file connects to. Runs only when e2e tests are queued.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/serve-static.ts';
import { findChromium, launchChromiumServer } from './chromium.ts';
import { buildSite } from './build-site.ts';
import { DIST } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    browserWsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Fails at once, before the build, when there is no browser (never skips the browser tests).
  const found = await findChromium();
  console.log(`e2e: Chromium ${found.executablePath} (${found.source})`);
  // E2E_REUSE_DIST=1 skips the build when iterating on the tests themselves.
  if (process.env.E2E_REUSE_DIST !== '1' || !existsSync(DIST)) await buildSite();
  const server = await serveStatic(DIST);
  const browserServer = await launchChromiumServer();
  project.provide('siteUrl', server.url);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  return async () => {
    await browserServer.close();
    await server.close();
  };
}
