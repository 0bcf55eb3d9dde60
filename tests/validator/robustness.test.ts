// Bad input: a clear error naming the file (and line), a failing status, never a throw, a stack trace or a hang.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, validatePaths, validateText, OUTPUT_FORMATS } from '../../src/validator/index.ts';
import { lines } from './helpers.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'k8s-validate-robust-'));
});
afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const CONFIGMAP_WITH_ERROR = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: 1\n';

describe('bad input', () => {
  it('malformed YAML: the error names the line; the file\'s other documents are still validated', async () => {
    const file = write('malformed.yaml', `${CONFIGMAP_WITH_ERROR}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n`);
    const report = await validatePaths([file]);
    expect(report.ok).toBe(false);
    expect(report.resources.map((r) => r.status)).toEqual(['invalid', 'error']);
    expect(report.resources[1].diagnostics[0]).toMatchObject({ file, rule: 'yaml-syntax', line: 12 });
    expect(report.resources[1].diagnostics[0].message).toMatch(/^YAML syntax error: /);
  });

  it('tabs as indentation', async () => {
    const file = write('tabs.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n');
    const report = await validatePaths([file]);
    expect(lines(report.resources[0])).toEqual(['4:1 error[yaml-syntax] YAML syntax error: Tabs are not allowed as indentation']);
    const ko = await validatePaths([file], { lang: 'ko' });
    expect(ko.resources[0].diagnostics[0].message).toBe('YAML 문법 오류다: 들여쓰기에 탭을 쓸 수 없다');
  });

  it('binary file', async () => {
    const file = write('binary.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const report = await validatePaths([file]);
    expect(report.ok).toBe(false);
    expect(report.fileDiagnostics).toEqual([expect.objectContaining({ file, rule: 'encoding', message: 'binary file (contains NUL bytes), not YAML', line: 3, col: 1 })]);
  });

  it('invalid UTF-8, with the line and column of the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const file = write('latin1.yaml', bytes);
    const report = await validatePaths([file]);
    expect(report.fileDiagnostics).toEqual([expect.objectContaining({ file, rule: 'encoding', message: 'invalid UTF-8 byte sequence', line: 4, col: 12 })]);
    const ko = await validatePaths([file], { lang: 'ko' });
    expect(ko.fileDiagnostics[0].message).toBe('올바르지 않은 UTF-8 바이트 열이다');
  });

  it('UTF-16 is named as such', async () => {
    const file = write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: x\n', 'utf16le')]));
    expect((await validatePaths([file])).fileDiagnostics[0].message).toBe('file is UTF-16 encoded; save it as UTF-8');
  });

  it('a UTF-8 BOM is skipped and positions stay right', async () => {
    const file = write('bom.yaml', `\uFEFF${CONFIGMAP_WITH_ERROR}`);
    expect(lines((await validatePaths([file])).resources[0])).toEqual(['6:6 error[schema] expected string, got integer 1']);
  });

  it('CRLF line endings keep lines and columns right', async () => {
    const file = write('crlf.yaml', CONFIGMAP_WITH_ERROR.replaceAll('\n', '\r\n') + '---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: "y"\r\ndata:\r\n  b: "multi\r\n    line"\r\n  c: true\r\n');
    const report = await validatePaths([file]);
    expect(report.resources.map(lines)).toEqual([
      ['6:6 error[schema] expected string, got integer 1'],
      ['15:6 error[schema] expected string, got boolean true'],
    ]);
  });

  it('an alias bomb ("billion laughs") is refused quickly', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const file = write('bomb.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
    const started = performance.now();
    const report = await validatePaths([file]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(report.resources[0].status).toBe('error');
    expect(report.resources[0].diagnostics[0]).toMatchObject({ rule: 'yaml-alias-limit', file });
  });

  it.each([
    ['flow sequences', () => '['.repeat(10_000) + ']'.repeat(10_000)],
    ['flow mappings', () => '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['block sequences', () => '- '.repeat(10_000) + 'a\n'],
    // 10,000 levels of indented mappings: 50 MB of spaces (refused at the first line indented 1,000 columns)
    ['block mappings', () => Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
  ])('10,000 levels of nesting (%s) give an error, not a stack overflow', async (_style, make) => {
    const file = write('deep.yaml', make());
    const report = await validatePaths([file]);
    expect(report.ok).toBe(false);
    expect(report.resources[0].status).toBe('error');
    expect(report.resources[0].diagnostics[0]).toMatchObject({ rule: 'yaml-too-deep', file });
    expect(report.resources[0].diagnostics[0].message).toMatch(/^nested too deeply/);
  });

  it('deep nesting inside a real resource is reported too', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const report = await validateText(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: ${deep}\n`, 'deep.yaml');
    expect(report.resources[0].diagnostics[0].rule).toBe('yaml-too-deep');
  });

  it('a 50 MB file is read and validated without running out of memory', async () => {
    const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big-${i}\ndata:\n  payload: "${'x'.repeat(50_000)}"\n`;
    const docs = Array.from({ length: 1000 }, (_, i) => doc(i));
    docs[500] = docs[500].replace('name: big-500', 'name: big-500\n  colour: red');
    const file = write('big.yaml', docs.join('---\n'));
    const report = await validatePaths([file], { strict: true });
    expect(report.summary).toMatchObject({ valid: 999, invalid: 1, errors: 0 });
    const broken = report.resources.find((r) => r.status === 'invalid')!;
    expect(lines(broken)).toEqual([`${500 * 7 + 5}:3 error[schema] unknown field "colour"`]);
  }, 60_000);

  it('missing paths are errors naming the path; -ignore-missing-paths lets them be', async () => {
    const missing = join(dir, 'no-such-folder');
    const report = await validatePaths([missing]);
    expect(report.ok).toBe(false);
    expect(report.fileDiagnostics).toEqual([expect.objectContaining({ file: missing, rule: 'unreadable', message: 'cannot read: no such file or directory', line: 1, col: 1 })]);
    const tolerated = await validatePaths([missing], { ignoreMissingPaths: true });
    expect(tolerated.ok).toBe(true);
    expect(tolerated.fileDiagnostics).toEqual([]);
  });

  it('unreadable folders and files are errors naming them; the rest is still validated', async () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'locked'), { recursive: true });
    writeFileSync(join(tree, 'good.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n');
    writeFileSync(join(tree, 'locked', 'hidden.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hidden\n');
    symlinkSync('loop.yaml', join(tree, 'loop.yaml')); // a file nobody can read: a symbolic link to itself
    chmodSync(join(tree, 'locked'), 0o000);
    const asRoot = process.getuid?.() === 0; // root reads any folder: then only the symlink loop is unreadable
    const report = await validatePaths([tree, join(tree, 'good.yaml', 'child.yaml')]);
    chmodSync(join(tree, 'locked'), 0o755);
    expect(report.ok).toBe(false);
    expect(report.resources.filter((r) => r.name === 'good').map((r) => r.status)).toEqual(['valid']);
    const messages = report.fileDiagnostics.map((d) => `${d.file.slice(tree.length)}: ${d.message}`);
    expect(messages).toContain('/good.yaml/child.yaml: cannot read: not a directory (a parent of this path is a file)');
    expect(messages).toContain('/loop.yaml: cannot read: too many levels of symbolic links');
    if (!asRoot) expect(messages).toContain('/locked: cannot read folder: permission denied');
  });
});

describe('fuzzing: no input makes the library throw', () => {
  const sample = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: "nginx:1.27"\n        ports: [{containerPort: 80}]\n';
  const mutated = fc
    .tuple(fc.array(fc.tuple(fc.nat(sample.length), fc.nat(6), fc.string({ maxLength: 6, unit: fc.constantFrom(...' :-\n\t[]{}#&*!|>"\'?~0ynx'.split('')) })), { maxLength: 6 }))
    .map(([edits]) => edits.reduce((text, [at, remove, insert]) => text.slice(0, at) + insert + text.slice(at + remove), sample));

  it('mutated manifests, arbitrary text, in YAML and Markdown, in every output format', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutated, fc.string({ maxLength: 200 }), fc.string({ maxLength: 200, unit: 'binary' })),
        fc.constantFrom('x.yaml', 'x.json', 'x.md', 'x.mdx'),
        fc.boolean(),
        async (text, file, strict) => {
          const body = file.endsWith('x.md') || file.endsWith('.mdx') ? `# t\n\n\`\`\`yaml\n${text}\n\`\`\`\n` : text;
          const report = await validateText(body, file, { strict });
          for (const r of report.resources) {
            expect(['valid', 'invalid', 'error', 'skipped']).toContain(r.status);
            for (const d of r.diagnostics) {
              expect(d.line).toBeGreaterThanOrEqual(1);
              expect(d.col).toBeGreaterThanOrEqual(1);
              expect(d.message.length).toBeGreaterThan(0);
            }
          }
          for (const format of OUTPUT_FORMATS) expect(typeof formatReport(report, format, { summary: true, verbose: true })).toBe('string');
        },
      ),
      { numRuns: 400, seed: 1125 },
    );
  });
});
