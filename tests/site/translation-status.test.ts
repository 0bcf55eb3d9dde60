// Translation status from git history, on small repositories made here: which side is behind and by which commits,
// one-language changes marked `i18n: skip`, independent changes on two branches, missing pages, shallow clones,
// no repository at all, and the CLI's bad input.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatStatus, lastCommitOf, translationStatus, type PagePair } from '../../src/site/translation-status.ts';

const NODE = join(process.cwd(), 'node_modules', '.bin', 'node');
const CLI = join(process.cwd(), 'scripts', 'i18n-status.ts');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

let clock = Date.UTC(2026, 0, 1) / 1000;
/** A scratch repository whose commits get increasing, fixed dates. */
function repo() {
  const dir = mkdtempSync(join(tmpdir(), 'i18n-status-'));
  made.push(dir);
  const run = (...args: string[]) => {
    clock += 60;
    const date = `${clock} +0000`;
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  };
  run('init', '-q', '-b', 'main');
  const write = (file: string, text: string) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    appendFileSync(join(dir, file), text);
  };
  const commit = (message: string, files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) write(file, text);
    run('add', '-A');
    run('commit', '-q', '-m', message);
    return run('rev-parse', 'HEAD').trim();
  };
  return { dir, run, write, commit };
}

const pair = (root: string, page: string): PagePair => translationStatus({ root }).pairs.find((p) => p.page === page)!;
const subjects = (p: PagePair, lang: 'ko' | 'en') => p.sides[lang].ahead.map((c) => c.subject);

describe('translationStatus', () => {
  it('is up to date when both pages were last changed together, or the later side caught up', () => {
    const r = repo();
    r.commit('both', { 'content/ko/a.mdx': '가\n', 'content/en/a.mdx': 'a\n' });
    expect(pair(r.dir, 'a.mdx')).toMatchObject({ state: 'up-to-date', behind: [] });
    r.commit('ko first', { 'content/ko/a.mdx': '나\n' });
    r.commit('en follows', { 'content/en/a.mdx': 'b\n' });
    expect(pair(r.dir, 'a.mdx').state).toBe('up-to-date');
  });

  it('names the side that is behind and every commit it misses, in either direction', () => {
    const r = repo();
    r.commit('both', { 'content/ko/a.mdx': '가\n', 'content/en/a.mdx': 'a\n', 'content/ko/b.mdx': '가\n', 'content/en/b.mdx': 'b\n' });
    r.commit('ko: new section', { 'content/ko/a.mdx': '다\n' });
    r.commit('ko: fix', { 'content/ko/a.mdx': '라\n' });
    r.commit('en: rewrite', { 'content/en/b.mdx': 'c\n' });
    const a = pair(r.dir, 'a.mdx');
    expect(a).toMatchObject({ state: 'outdated', behind: ['en'] });
    expect(subjects(a, 'ko')).toEqual(['ko: fix', 'ko: new section']);
    expect(subjects(a, 'en')).toEqual([]);
    const b = pair(r.dir, 'b.mdx');
    expect(b).toMatchObject({ state: 'outdated', behind: ['ko'] });
    expect(subjects(b, 'en')).toEqual(['en: rewrite']);
  });

  it('ignores one-language changes marked with the line "i18n: skip"', () => {
    const r = repo();
    r.commit('both', { 'content/ko/a.mdx': '가\n', 'content/en/a.mdx': 'a\n' });
    r.commit('ko: typo\n\ni18n: skip', { 'content/ko/a.mdx': '나\n' });
    expect(pair(r.dir, 'a.mdx').state).toBe('up-to-date');
    r.commit('ko: real change', { 'content/ko/a.mdx': '다\n' });
    expect(subjects(pair(r.dir, 'a.mdx'), 'ko')).toEqual(['ko: real change']);
  });

  it('reads merged branches in history order, and a later one-language change puts that side ahead again', () => {
    const r = repo();
    r.commit('both', { 'content/ko/a.mdx': '가\n', 'content/en/a.mdx': 'a\n' });
    r.run('checkout', '-q', '-b', 'translate');
    r.commit('ko: new section', { 'content/ko/a.mdx': '나\n' });
    r.commit('en: translate the new section', { 'content/en/a.mdx': 'b\n' });
    r.run('checkout', '-q', 'main');
    r.commit('unrelated', { 'README.md': 'x\n' });
    r.run('merge', '-q', '--no-edit', 'translate');
    expect(pair(r.dir, 'a.mdx').state).toBe('up-to-date');
    r.commit('en: clarify', { 'content/en/a.mdx': 'c\n' });
    r.commit('en: clarify more', { 'content/en/a.mdx': 'd\n' });
    const a = pair(r.dir, 'a.mdx');
    expect(a).toMatchObject({ state: 'outdated', behind: ['ko'] });
    expect(subjects(a, 'en')).toEqual(['en: clarify more', 'en: clarify']);
  });

  it('reports a page in one language only as missing, and an uncommitted page as unknown', () => {
    const r = repo();
    r.commit('ko only', { 'content/ko/a.mdx': '가\n', 'content/ko/sub/b.mdx': '가\n', 'content/en/sub/b.mdx': 'b\n' });
    r.write('content/en/a.mdx', 'a\n');
    r.write('content/en/c.mdx', 'c\n');
    r.write('content/ko/c.mdx', '다\n');
    const status = translationStatus({ root: r.dir });
    expect(status.pairs.map((p) => [p.page, p.state])).toEqual([
      ['a.mdx', 'unknown'],
      ['c.mdx', 'unknown'],
      ['sub/b.mdx', 'up-to-date'],
    ]);
    expect(status.pairs[1].reason).toBe('never committed: content/ko/c.mdx, content/en/c.mdx');
    expect(status.pairs[0].sides.en.uncommitted).toBe(true);
    rmSync(join(r.dir, 'content/en/a.mdx'));
    expect(pair(r.dir, 'a.mdx')).toMatchObject({ state: 'missing', behind: ['en'], reason: 'no content/en/a.mdx' });
  });

  it('says "unknown" in a shallow clone where the history is cut off, and is exact above the cut', () => {
    const r = repo();
    r.commit('both', { 'content/ko/a.mdx': '가\n', 'content/en/a.mdx': 'a\n', 'content/ko/b.mdx': '가\n', 'content/en/b.mdx': 'b\n' });
    r.commit('ko: a', { 'content/ko/a.mdx': '나\n' });
    r.commit('ko and en: b', { 'content/ko/b.mdx': '나\n', 'content/en/b.mdx': 'c\n' });
    const shallow = mkdtempSync(join(tmpdir(), 'i18n-shallow-'));
    made.push(shallow);
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${r.dir}`, shallow]);
    const status = translationStatus({ root: shallow });
    expect(status.shallow).toBe(true);
    // a.mdx: en was last changed below the cut, so its history is unknown; b.mdx: both changed in the newest commit.
    expect(status.pairs.map((p) => [p.page, p.state])).toEqual([
      ['a.mdx', 'unknown'],
      ['b.mdx', 'up-to-date'],
    ]);
    expect(status.pairs[0].reason).toMatch(/^shallow clone: .*git fetch --unshallow/);
    expect(lastCommitOf(shallow, 'content/en/a.mdx')).toBeUndefined();
    expect(formatStatus(status, 'text')).toContain('(shallow clone: pages whose history is cut off are unknown)');
    // One GitHub warning for all the pages the cut leaves unknown, not one per page.
    expect(formatStatus(status, 'github').split('\n')[0]).toBe(
      '::warning title=Translation status unknown::shallow clone: the history of 1 page pair is cut off (a.mdx); check out the full history (actions/checkout fetch-depth: 0)',
    );
  });

  it('is unavailable, saying why, outside a repository; a missing content folder is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'i18n-norepo-'));
    made.push(dir);
    const status = translationStatus({ root: dir });
    expect(status).toMatchObject({ available: false, pairs: [] });
    expect(status.reason).toMatch(/is not a git repository with commits/);
    const r = repo();
    r.commit('x', { 'README.md': 'x\n' });
    expect(() => translationStatus({ root: r.dir })).toThrow(/content: no such folder \(expected one folder per language: ko, en\)/);
  });
});

describe('formatStatus', () => {
  const r = repo();
  r.commit('both', { 'content/ko/a.mdx': '가\n', 'content/en/a.mdx': 'a\n', 'content/ko/b.mdx': '가\n', 'content/en/b.mdx': 'b\n' });
  r.commit('ko: 100% new, with a comma\n\nbody', { 'content/ko/a.mdx': '나\n' });

  it('text: one line per pair, the commits under an outdated one', () => {
    const text = formatStatus(translationStatus({ root: r.dir }), 'text');
    expect(text).toMatch(/^Translation status \(ko \/ en\), 2 page pairs: 1 up to date, 1 outdated\n/);
    expect(text).toMatch(/\nOUTDATED    a\.mdx  ko \d{4}-\d\d-\d\d   en \d{4}-\d\d-\d\d \n {12}content\/en\/a\.mdx is behind content\/ko\/a\.mdx by 1 commit: [0-9a-f]{7} \d{4}-\d\d-\d\d ko: 100% new, with a comma\n/);
    expect(text).toMatch(/\nup to date  b\.mdx /);
  });

  it('github: a warning on the file that is behind, with escaped properties and data', () => {
    const lines = formatStatus(translationStatus({ root: r.dir }), 'github').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::warning file=content\/en\/a\.mdx,title=Translation outdated::content\/en\/a\.mdx is behind content\/ko\/a\.mdx by 1 commit: [0-9a-f]{7} [\d-]+ ko: 100%25 new, with a comma$/);
    expect(lines[1]).toBe('Translation status: 2 page pairs: 1 up to date, 1 outdated');
  });
});

describe('npm run i18n:status', () => {
  const cli = (cwd: string, ...args: string[]) => spawnSync(NODE, [CLI, ...args], { cwd, encoding: 'utf8' });
  const r = repo();
  r.commit('both', { 'content/ko/a.mdx': '가\n', 'content/en/a.mdx': 'a\n' });

  it('exits 0 when up to date, and with --strict 1 when a pair is outdated', () => {
    expect(cli(r.dir, '--strict')).toMatchObject({ status: 0, stderr: '' });
    r.commit('en only', { 'content/en/a.mdx': 'b\n' });
    const outdated = cli(r.dir, '--strict');
    expect(outdated.status).toBe(1);
    expect(outdated.stdout).toContain('content/ko/a.mdx is behind content/en/a.mdx by 1 commit');
    expect(cli(r.dir).status).toBe(0);
    expect(JSON.parse(cli(r.dir, '--format', 'json').stdout).pairs[0]).toMatchObject({ page: 'a.mdx', state: 'outdated', behind: ['ko'] });
  });

  it('rejects bad input with a clear message and no stack trace', () => {
    const format = cli(r.dir, '--format', 'xml');
    expect(format).toMatchObject({ status: 2, stdout: '' });
    expect(format.stderr).toBe('i18n-status: unknown format "xml" (formats: text, json, github)\n');
    const option = cli(r.dir, '--bogus');
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/^i18n-status: Unknown option '--bogus'.*\nusage: npm run i18n:status/s);
    const folder = cli(r.dir, '--content', 'nope');
    expect(folder.status).toBe(1);
    expect(folder.stderr).toMatch(/^i18n-status: .*nope: no such folder/);
    const dir = mkdtempSync(join(tmpdir(), 'i18n-norepo-'));
    made.push(dir);
    writeFileSync(join(dir, 'x'), '');
    const norepo = cli(dir);
    expect(norepo.status).toBe(1);
    expect(norepo.stderr).toMatch(/^i18n-status: translation status unavailable: .* is not a git repository with commits/);
    expect(cli(dir, '--format', 'github')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^::warning title=Translation status::history unavailable: /) });
  });
});
