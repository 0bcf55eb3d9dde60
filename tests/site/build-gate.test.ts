// `npm run build` must stop on an invalid manifest, naming file:line:col, before any page is written.
// Each case builds a temporary copy of the project (node_modules symlinked) with one deliberate mistake.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const project = resolve(import.meta.dirname, '../..');
const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'ec.config.mjs', 'tsconfig.json', 'src', 'content', 'public', 'examples'];

async function copyProject(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'site-gate-'));
  for (const entry of PROJECT_FILES) {
    if (existsSync(join(project, entry))) await cp(join(project, entry), join(copy, entry), { recursive: true });
  }
  await symlink(join(project, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

async function build(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', 'build'], { cwd, timeout: 150_000, env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

const INVALID_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: gate-test
spec:
  template:
    spec:
      restartPolicy: onFailure
      containers:
        - name: worker
          image: busybox:1.37.0
`;

describe('build gate', () => {
  let copy: string | undefined;
  afterEach(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
    copy = undefined;
  });

  it('fails the build on an invalid manifest in examples/, at file:line:col, and writes no dist/', async () => {
    copy = await copyProject();
    await mkdir(join(copy, 'examples/gate-test'), { recursive: true });
    await writeFile(join(copy, 'examples/gate-test/job.yaml'), INVALID_JOB);

    const { code, output } = await build(copy);

    expect(code).not.toBe(0);
    expect(output).toMatch(/examples\/gate-test\/job\.yaml:8:22: error\[schema\].*onFailure/);
    expect(output).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m); // a message, not a stack trace
    expect(existsSync(join(copy, 'dist'))).toBe(false);
  }, 180_000);

  it('fails the build on an invalid inline YAML fence in a page, at the line inside the page', async () => {
    copy = await copyProject();
    const page = join(copy, 'content/en/validation.mdx');
    const text = await readFile(page, 'utf8');
    const fence = `\n## Gate test\n\n\`\`\`yaml\n${INVALID_JOB}\`\`\`\n`;
    await writeFile(page, text + fence);
    // The same section in Korean, so that only the manifest is wrong.
    await writeFile(join(copy, 'content/ko/validation.mdx'), (await readFile(join(copy, 'content/ko/validation.mdx'), 'utf8')) + '\n## 게이트 시험\n');
    const fenceLine = (text + fence).split('\n').indexOf('```yaml') + 1;

    const { code, output } = await build(copy);

    expect(code).not.toBe(0);
    expect(output).toContain(`content/en/validation.mdx:${fenceLine + 8}:22: error[schema]`);
    expect(existsSync(join(copy, 'dist'))).toBe(false);
  }, 180_000);
});
