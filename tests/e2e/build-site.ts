// Builds the site with `npm run build` (whatever the site's build script does, e.g. validate then astro build).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './site.ts';

// Variables Vitest puts into process.env (NODE_ENV=test, DEV=1, MODE=test, ...). Inherited by the build, they make
// it a development build: Starlight then renders its "search works only in production builds" placeholder.
const VITEST_VARIABLES = new Set(['NODE_ENV', 'TEST', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'FORCE_TTY']);

/** The environment of a build run from a shell. */
function buildEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) if (VITEST_VARIABLES.has(name) || name.startsWith('VITEST')) delete env[name];
  return env;
}

/** Runs `npm run build` in the repo; on failure throws with the end of its output (the build's own message). */
export async function buildSite(): Promise<void> {
  const configs = ['astro.config.mjs', 'astro.config.ts', 'astro.config.mts'].filter((f) => existsSync(join(ROOT, f)));
  if (configs.length === 0) throw new Error(`No astro.config.* in ${ROOT}: there is no site to build yet (merge branch site)`);
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: buildEnvironment(),
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', fail);
    child.once('close', done);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${output.join('').split('\n').slice(-40).join('\n')}`);
}
