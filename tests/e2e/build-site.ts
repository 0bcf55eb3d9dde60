// Builds the site with `npm run build` (whatever the site's build script does, e.g. validate then astro build).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './site.ts';

/** Runs `npm run build` in the repo; on failure throws with the end of its output (the build's own message). */
export async function buildSite(): Promise<void> {
  const configs = ['astro.config.mjs', 'astro.config.ts', 'astro.config.mts'].filter((f) => existsSync(join(ROOT, f)));
  if (configs.length === 0) throw new Error(`No astro.config.* in ${ROOT}: there is no site to build yet (merge branch site)`);
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', fail);
    child.once('close', done);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${output.join('').split('\n').slice(-40).join('\n')}`);
}
