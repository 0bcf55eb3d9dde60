// `npm run build` must stop on an invalid manifest, naming file:line:col, before any page is written.
// Each case builds a temporary copy of the project with one deliberate mistake.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCopy, copyProject } from './project-copy.ts';

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
    copy = await copyProject('gate');
    await mkdir(join(copy, 'examples/gate-test'), { recursive: true });
    await writeFile(join(copy, 'examples/gate-test/job.yaml'), INVALID_JOB);

    const { code, output } = await buildCopy(copy);

    expect(code).not.toBe(0);
    expect(output).toMatch(/examples\/gate-test\/job\.yaml:8:22: error\[schema\].*onFailure/);
    expect(output).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m); // a message, not a stack trace
    expect(existsSync(join(copy, 'dist'))).toBe(false);
  }, 180_000);

  it('fails the build on a diagram source Graphviz cannot read, at file:line, and writes no dist/', async () => {
    copy = await copyProject('gate');
    const file = join(copy, 'diagrams/batch-job.dot');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const broken = lines.findIndex((line) => line.includes('job -> controller'));
    lines[broken] = '  job -> -> controller';
    await writeFile(file, lines.join('\n'));

    const { code, output } = await buildCopy(copy);

    expect(code).not.toBe(0);
    expect(output).toContain(`diagrams/batch-job.dot:${broken + 1}:1: Graphviz: syntax error in line ${broken + 1}`);
    expect(output).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
    expect(existsSync(join(copy, 'dist'))).toBe(false);
  }, 180_000);

  it('fails the build on an invalid inline YAML fence in a page, at the line inside the page', async () => {
    copy = await copyProject('gate');
    const page = join(copy, 'content/en/validation.mdx');
    const text = await readFile(page, 'utf8');
    const fence = `\n## Gate test\n\n\`\`\`yaml\n${INVALID_JOB}\`\`\`\n`;
    await writeFile(page, text + fence);
    // The same section in Korean, so that only the manifest is wrong.
    await writeFile(join(copy, 'content/ko/validation.mdx'), (await readFile(join(copy, 'content/ko/validation.mdx'), 'utf8')) + '\n## 게이트 시험\n');
    const fenceLine = (text + fence).split('\n').lastIndexOf('```yaml') + 1; // the appended fence, after the page's own

    const { code, output } = await buildCopy(copy);

    expect(code).not.toBe(0);
    expect(output).toContain(`content/en/validation.mdx:${fenceLine + 8}:22: error[schema]`);
    expect(existsSync(join(copy, 'dist'))).toBe(false);
  }, 180_000);
});
