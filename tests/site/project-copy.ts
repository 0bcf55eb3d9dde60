// Temporary copies of the project for tests that run the real `npm run build`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const project = resolve(import.meta.dirname, '../..');
const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'ec.config.mjs', 'tsconfig.json', 'src', 'content', 'public', 'examples', 'diagrams'];

/** Copies live inside the project (git-ignored .test-builds/) so they resolve the project's node_modules as the real
 *  build does; a symlinked node_modules in /tmp makes Astro mix real and linked paths. */
export async function copyProject(prefix: string): Promise<string> {
  const scratch = join(project, '.test-builds');
  await mkdir(scratch, { recursive: true });
  const copy = await mkdtemp(join(scratch, `${prefix}-`));
  for (const entry of PROJECT_FILES) {
    if (existsSync(join(project, entry))) await cp(join(project, entry), join(copy, entry), { recursive: true });
  }
  return copy;
}

/** `npm run build` in a copy. Vitest exports Vite's env (BASE_URL=/, MODE, NODE_ENV=test, ...) to process.env; Astro would take
 *  them as the site's own, so the child gets the environment without them. */
export async function buildCopy(cwd: string, env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) && !key.startsWith('VITEST')),
  );
  try {
    const { stdout, stderr } = await run('npm', ['run', 'build'], {
      cwd,
      timeout: 170_000,
      env: { ...clean, FORCE_COLOR: '0', ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: `${failure.stdout}${failure.stderr}` };
  }
}
