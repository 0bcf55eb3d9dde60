// Vitest global setup of the e2e project: builds the site once, serves dist/ on 127.0.0.1 and starts one Chromium
// that every e2e test file connects to. Runs only when e2e tests are queued.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/serve-static.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, requireChromium } from './chromium.ts';
import { DIST, ROOT } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    browserWsEndpoint: string;
  }
}

/** Runs `npm run build`; on failure throws with the end of its output (the build's own error message). */
async function buildSite(): Promise<void> {
  const configs = ['astro.config.mjs', 'astro.config.ts', 'astro.config.mts'].filter((f) => existsSync(join(ROOT, f)));
  if (configs.length === 0) throw new Error(`No astro.config.* in ${ROOT}: there is no site to test yet (merge branch site)`);
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', fail);
    child.once('close', done);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${output.join('').split('\n').slice(-40).join('\n')}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireChromium();
  // E2E_REUSE_DIST=1 skips the build when iterating on the tests themselves.
  if (process.env.E2E_REUSE_DIST !== '1' || !existsSync(DIST)) await buildSite();
  const server = await serveStatic(DIST);
  const browserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  project.provide('siteUrl', server.url);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  return async () => {
    await browserServer.close();
    await server.close();
  };
}
