// Translation status from git history: for each page pair (content/ko/X.mdx, content/en/X.mdx), whether one
// language's page changed after the other's was last updated, and by which commits. Read by `npm run i18n:status`,
// the pull-request annotations and the site's translation status page (at build time), and for Starlight's
// "last updated" dates (src/integrations/git-dates.ts).
//
// The history of each pair is replayed in order (see comparePair): a change to one page puts that side ahead until
// the other page is changed too.
// A commit whose message has the line `i18n: skip` changes one language only on purpose (a typo, a link that exists
// in one language): it never makes the other side outdated.
// In a shallow clone a file whose newest visible commit is a shallow boundary commit has an unknown history: the
// boundary commit shows every file as added. Such pages are reported as unknown, never as up to date.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeData, escapeProperty } from '../validator/output/github.ts';
import { SITE_LANGS, type SiteLang } from './locales.ts';

export interface Commit {
  hash: string;
  /** Commit time (committer date). */
  date: Date;
  subject: string;
}

export interface PageSide {
  lang: SiteLang;
  /** Repo-relative path, e.g. content/en/batch-job.mdx. */
  file: string;
  exists: boolean;
  /** The newest commit that changed the file; undefined when it has none (new, or history unknown). */
  lastCommit?: Commit;
  /** Uncommitted changes in the working tree (not counted in the status, shown as a note). */
  uncommitted: boolean;
  /** Commits that changed this side since the other side last caught up (newest first). */
  ahead: Commit[];
}

export type PairState = 'up-to-date' | 'outdated' | 'missing' | 'unknown';

export interface PagePair {
  /** Path inside each language folder, e.g. batch-job.mdx. */
  page: string;
  state: PairState;
  sides: Record<SiteLang, PageSide>;
  /** For outdated pairs: the language whose page is behind. */
  behind: SiteLang[];
  /** Why the state is `unknown` or `missing`. */
  reason?: string;
}

export interface TranslationStatus {
  /** False when the history cannot be read at all (no git, not a repository); then `pairs` is empty. */
  available: boolean;
  reason?: string;
  shallow: boolean;
  pairs: PagePair[];
}

export interface StatusOptions {
  /** Repository root (default: the current directory's repository). */
  root?: string;
  /** Content folder relative to the root (default `content`). */
  content?: string;
  langs?: readonly SiteLang[];
}

/** The commit message line that marks a one-language change as needing no translation. */
export const SKIP_TRAILER = 'i18n: skip';
const FIELD = '\x1f';
const LOG_FORMAT = ['%H', '%ct', '%s'].join(FIELD);

/** Runs git in `root`; undefined when git is missing or fails (the caller says what that means). */
function git(root: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout;
}

function parseLog(output: string): Commit[] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, time, subject] = line.split(FIELD);
      return { hash, date: new Date(Number(time) * 1000), subject };
    });
}

/** The shallow boundary commits (empty in a full clone). */
export function shallowBoundary(root: string): Set<string> {
  const path = git(root, ['rev-parse', '--path-format=absolute', '--git-path', 'shallow'])?.trim();
  if (!path || !existsSync(path)) return new Set();
  return new Set(readFileSync(path, 'utf8').split('\n').filter(Boolean));
}

/** Why git history cannot be read in `root`, or undefined when it can. */
export function historyUnavailable(root: string): string | undefined {
  const probe = spawnSync('git', ['rev-parse', '--verify', 'HEAD'], { cwd: root, encoding: 'utf8' });
  if (probe.error) return `git is not installed (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message})`;
  if (probe.status !== 0) return `${root} is not a git repository with commits (${probe.stderr.trim().split('\n')[0]})`;
  return undefined;
}

/** The newest commit that changed `file` (repo-relative), if its history is known. */
export function lastCommitOf(root: string, file: string, boundary = shallowBoundary(root)): Commit | undefined {
  const [commit] = parseLog(git(root, ['log', '-1', `--format=${LOG_FORMAT}`, '--', file]) ?? '');
  return commit && !boundary.has(commit.hash) ? commit : undefined;
}

/** Every page path found in any language folder, sorted. */
function pagePaths(root: string, content: string, langs: readonly SiteLang[]): string[] {
  const pages = new Set<string>();
  for (const lang of langs) {
    const dir = join(root, content, lang);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.mdx?$/.test(entry.name)) pages.add(join(entry.parentPath, entry.name).slice(dir.length + 1).replaceAll('\\', '/'));
    }
  }
  return [...pages].sort();
}

/** The status of every page pair under `<root>/<content>/<lang>/`. */
export function translationStatus(options: StatusOptions = {}): TranslationStatus {
  const content = options.content ?? 'content';
  const langs = options.langs ?? SITE_LANGS;
  const start = options.root ?? process.cwd();
  const unavailable = historyUnavailable(start);
  if (unavailable) return { available: false, reason: unavailable, shallow: false, pairs: [] };
  const root = git(start, ['rev-parse', '--show-toplevel'])!.trim();
  if (!existsSync(join(root, content))) throw new Error(`${join(root, content)}: no such folder (expected one folder per language: ${langs.join(', ')})`);
  const boundary = shallowBoundary(root);
  const dirty = new Set(
    (git(root, ['status', '--porcelain', '-z', '--', content]) ?? '')
      .split('\0')
      .filter(Boolean)
      .map((entry) => entry.slice(3)),
  );
  const pairs = pagePaths(root, content, langs).map((page) => {
    const sides = Object.fromEntries(
      langs.map((lang) => {
        const file = `${content}/${lang}/${page}`;
        const exists = existsSync(join(root, file));
        const side: PageSide = { lang, file, exists, uncommitted: dirty.has(file), ahead: [] };
        if (exists) side.lastCommit = lastCommitOf(root, file, boundary);
        return [lang, side];
      }),
    ) as Record<SiteLang, PageSide>;
    return comparePair(root, page, sides, langs, boundary);
  });
  return { available: true, shallow: boundary.size > 0, pairs };
}

/**
 * Replays the pair's history, oldest first (`git log --topo-order`, merges left out: their changes come with the
 * commits merged). A commit changing both pages leaves them in step; one changing a single page either puts that
 * side ahead (its commits are what the other side misses) or, when the other side was ahead, is the translation
 * catching up. A shallow boundary commit makes the state unknown until a commit changes both pages again.
 */
function comparePair(root: string, page: string, sides: Record<SiteLang, PageSide>, langs: readonly SiteLang[], boundary: Set<string>): PagePair {
  const missing = langs.filter((lang) => !sides[lang].exists);
  if (missing.length) return { page, state: 'missing', sides, behind: missing, reason: `no ${missing.map((lang) => sides[lang].file).join(', ')}` };
  const files = langs.map((lang) => sides[lang].file);
  const log = git(root, ['log', '--reverse', '--topo-order', '--no-merges', `--format=%x1e${LOG_FORMAT}%x1f%B%x1f`, '--name-only', '--', ...files]) ?? '';
  let ahead: SiteLang | undefined;
  let pending: Commit[] = [];
  let cutOff = false;
  const committed = new Set<SiteLang>();
  for (const record of log.split('\x1e').filter(Boolean)) {
    const [hash, time, subject, body, names] = record.split(FIELD);
    const commit = { hash, date: new Date(Number(time) * 1000), subject };
    const changed = langs.filter((lang) => names.split('\n').includes(sides[lang].file));
    changed.forEach((lang) => committed.add(lang));
    if (boundary.has(hash)) [cutOff, ahead, pending] = [true, undefined, []];
    else if (changed.length === langs.length) [cutOff, ahead, pending] = [false, undefined, []];
    else if (cutOff || changed.length === 0 || body.split('\n').some((line) => line.trim().toLowerCase() === SKIP_TRAILER)) continue;
    else if (ahead && ahead !== changed[0]) [ahead, pending] = [undefined, []];
    else [ahead, pending] = [changed[0], [...pending, commit]];
  }
  const uncommitted = langs.filter((lang) => !committed.has(lang));
  if (uncommitted.length) return { page, state: 'unknown', sides, behind: [], reason: `never committed: ${uncommitted.map((lang) => sides[lang].file).join(', ')}` };
  if (cutOff) return { page, state: 'unknown', sides, behind: [], reason: 'shallow clone: the history of this page is cut off (fetch the full history: git fetch --unshallow)' };
  if (!ahead) return { page, state: 'up-to-date', sides, behind: [] };
  sides[ahead].ahead = pending.reverse();
  return { page, state: 'outdated', sides, behind: langs.filter((lang) => lang !== ahead) };
}

// ---- reports ----------------------------------------------------------------------------------------------------

export type StatusFormat = 'text' | 'json' | 'github';
export const STATUS_FORMATS: readonly StatusFormat[] = ['text', 'json', 'github'];

const short = (commit: Commit) => `${commit.hash.slice(0, 7)} ${commit.date.toISOString().slice(0, 10)} ${commit.subject}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One sentence per pair that needs attention, naming the side that is behind and the commits it is missing. */
export function pairMessage(pair: PagePair): string {
  if (pair.state === 'up-to-date') return 'up to date';
  if (pair.state !== 'outdated') return pair.reason ?? pair.state;
  return pair.behind
    .map((lang) => {
      const other = (Object.keys(pair.sides) as SiteLang[]).find((l) => l !== lang)!;
      const ahead = pair.sides[other].ahead;
      return `${pair.sides[lang].file} is behind ${pair.sides[other].file} by ${plural(ahead.length, 'commit')}: ${ahead.map(short).join('; ')}`;
    })
    .join('\n');
}

export function formatStatus(status: TranslationStatus, format: StatusFormat): string {
  if (format === 'json') return JSON.stringify(status, null, 2) + '\n';
  if (!status.available) {
    return format === 'github' ? `::warning title=Translation status::${escapeData(`history unavailable: ${status.reason}`)}\n` : `Translation status unavailable: ${status.reason}\n`;
  }
  const counts = (state: PairState) => status.pairs.filter((pair) => pair.state === state).length;
  const summary =
    `${plural(status.pairs.length, 'page pair')}: ${counts('up-to-date')} up to date, ${counts('outdated')} outdated` +
    `${counts('missing') ? `, ${counts('missing')} missing a language` : ''}${counts('unknown') ? `, ${counts('unknown')} unknown` : ''}` +
    (status.shallow ? ' (shallow clone: pages whose history is cut off are unknown)' : '');
  if (format === 'github') {
    // Pages whose history a shallow clone cut off get one warning together, not one each.
    const cutOff = status.pairs.filter((pair) => pair.state === 'unknown' && pair.reason?.startsWith('shallow clone'));
    const lines = status.pairs
      .filter((pair) => pair.state !== 'up-to-date' && !cutOff.includes(pair))
      .flatMap((pair) => {
        const title = pair.state === 'outdated' ? 'Translation outdated' : pair.state === 'missing' ? 'Translation missing' : 'Translation status unknown';
        const files = pair.state === 'outdated' ? pair.behind.map((lang) => pair.sides[lang].file) : [Object.values(pair.sides).find((side) => side.exists)?.file ?? pair.page];
        return files.map((file) => `::warning file=${escapeProperty(file)},title=${escapeProperty(title)}::${escapeData(pairMessage(pair))}`);
      });
    if (cutOff.length) {
      const message = `shallow clone: the history of ${plural(cutOff.length, 'page pair')} is cut off (${cutOff.map((pair) => pair.page).join(', ')}); check out the full history (actions/checkout fetch-depth: 0)`;
      lines.push(`::warning title=${escapeProperty('Translation status unknown')}::${escapeData(message)}`);
    }
    return [...lines, `Translation status: ${summary}`].join('\n') + '\n';
  }
  const width = Math.max(...status.pairs.map((pair) => pair.page.length), 4);
  const label: Record<PairState, string> = { 'up-to-date': 'up to date', outdated: 'OUTDATED', missing: 'MISSING', unknown: 'unknown' };
  const lines = status.pairs.map((pair) => {
    const dates = Object.values(pair.sides)
      .map((side) => `${side.lang} ${side.lastCommit ? side.lastCommit.date.toISOString().slice(0, 10) : '-'.padEnd(10)}${side.uncommitted ? '*' : ' '}`)
      .join('  ');
    const head = `${label[pair.state].padEnd(10)}  ${pair.page.padEnd(width)}  ${dates}`;
    return pair.state === 'up-to-date' ? head : `${head}\n${pairMessage(pair).replace(/^/gm, '            ')}`;
  });
  const note = status.pairs.some((pair) => Object.values(pair.sides).some((side) => side.uncommitted)) ? '\n* uncommitted changes (not counted: the status reads commits)' : '';
  return `Translation status (${Object.keys(status.pairs[0]?.sides ?? {}).join(' / ')}), ${summary}\n\n${lines.join('\n')}${note}\n`;
}
