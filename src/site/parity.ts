// Both editions must carry the same pages, the same sections (heading structure), the same example references and
// the same diagrams, each in the same section.
// Pure functions over page texts, shared by the build integration, scripts/check-parity.ts and the tests.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { SITE_LANGS } from './locales.ts';
import { CHAPTERS } from './chapters.ts';

export interface PageOutline {
  /** Repo-relative path, e.g. content/en/batch-job.mdx. */
  file: string;
  headings: Array<{ depth: number; text: string; line: number }>;
  /** <Manifest file=...>, <ValidatorOutput file=...> and <Diagram file=...> references, in order, each with the
   * number of headings above it (its section). */
  references: Array<{ component: string; file: string; line: number; col: number; section: number }>;
  /** Opening lines of ```yaml / ```yml fences (inline manifests, or fragments marked novalidate). */
  yamlFences: Array<{ line: number; novalidate: boolean }>;
  /** Frontmatter values both editions must share. */
  shared: { chapter?: string; order?: string };
}

export interface ParityProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const REFERENCE = /<(Manifest|ValidatorOutput|Diagram)\b[^>]*?\bfile=["']([^"']+)["']/g;
/** Where a referenced file lives, by component. */
const REFERENCE_DIRS: Record<string, string> = { Manifest: 'examples', Diagram: 'diagrams' };

/** Headings (outside code fences) and component references of one MDX page. */
export function outlinePage(file: string, text: string): PageOutline {
  const lines = text.split(/\r?\n/);
  const outline: PageOutline = { file, headings: [], references: [], yamlFences: [], shared: {} };
  let index = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    const frontmatter = lines.slice(1, end < 0 ? lines.length : end);
    outline.shared.chapter = frontmatterValue(frontmatter, 'chapter');
    outline.shared.order = frontmatterValue(frontmatter, 'sidebar');
    index = end < 0 ? lines.length : end + 1;
  }
  let fence: string | undefined;
  for (; index < lines.length; index++) {
    const line = lines[index];
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      const info = line.slice(line.indexOf(fence) + fence.length).trim().split(/\s+/);
      if (/^ya?ml$/i.test(info[0] ?? '')) outline.yamlFences.push({ line: index + 1, novalidate: info.includes('novalidate') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) outline.headings.push({ depth: heading[1].length, text: heading[2], line: index + 1 });
    for (const match of line.matchAll(REFERENCE)) {
      outline.references.push({ component: match[1], file: match[2], line: index + 1, col: match.index + 1, section: outline.headings.length });
    }
  }
  return outline;
}

/** A top-level frontmatter key's value as written (inline or as an indented block), whitespace-normalised. */
function frontmatterValue(lines: string[], key: string): string | undefined {
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start < 0) return undefined;
  const block = [lines[start].slice(key.length + 1)];
  for (let i = start + 1; i < lines.length && /^\s+\S/.test(lines[i]); i++) block.push(lines[i]);
  return block.join(' ').replace(/[{}\s,]+/g, ' ').trim();
}

/** Compares two editions of one page; problems point into `other` (the edition that deviates from `base`). */
export function comparePages(base: PageOutline, other: PageOutline): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const count = Math.max(base.headings.length, other.headings.length);
  for (let i = 0; i < count; i++) {
    const a = base.headings[i];
    const b = other.headings[i];
    if (a && b && a.depth === b.depth) continue;
    if (!b) {
      problems.push({
        file: other.file, line: other.headings.at(-1)?.line ?? 1, col: 1,
        message: `section "${'#'.repeat(a.depth)} ${a.text}" (${base.file}:${a.line}) has no counterpart here`,
      });
    } else if (!a) {
      problems.push({
        file: other.file, line: b.line, col: 1,
        message: `section "${'#'.repeat(b.depth)} ${b.text}" has no counterpart in ${base.file}`,
      });
    } else {
      problems.push({
        file: other.file, line: b.line, col: 1,
        message: `heading ${i + 1} is level ${b.depth} ("${b.text}") but level ${a.depth} in ${base.file}:${a.line} ("${a.text}")`,
      });
    }
    break; // after the first mismatch every later heading would be reported too
  }
  const refs = Math.max(base.references.length, other.references.length);
  for (let i = 0; i < refs; i++) {
    const a = base.references[i];
    const b = other.references[i];
    if (a && b && a.component === b.component && a.file === b.file) {
      if (a.section === b.section) continue;
      const heading = (outline: PageOutline, section: number) => (section === 0 ? 'before the first heading' : `under "${outline.headings[section - 1].text}"`);
      problems.push({
        file: other.file, line: b.line, col: b.col,
        message: `<${b.component} file="${b.file}" /> is ${heading(other, b.section)} (section ${b.section}) here but ${heading(base, a.section)} (section ${a.section}) in ${base.file}:${a.line}`,
      });
      break;
    }
    const where = b ?? { line: other.references.at(-1)?.line ?? 1, col: 1 };
    const theirs = a ? `<${a.component} file="${a.file}" /> at ${base.file}:${a.line}` : `nothing in ${base.file}`;
    const ours = b ? `<${b.component} file="${b.file}" />` : 'nothing';
    problems.push({ file: other.file, line: where.line, col: where.col, message: `example ${i + 1} is ${ours} here but ${theirs}` });
    break;
  }
  const fences = Math.max(base.yamlFences.length, other.yamlFences.length);
  for (let i = 0; i < fences; i++) {
    const a = base.yamlFences[i];
    const b = other.yamlFences[i];
    if (a && b && a.novalidate === b.novalidate) continue;
    const kind = (fence?: { novalidate: boolean }) => (fence ? (fence.novalidate ? 'a novalidate fragment' : 'a validated manifest') : 'missing');
    problems.push({
      file: other.file, line: (b ?? other.yamlFences.at(-1))?.line ?? 1, col: 1,
      message: `YAML block ${i + 1} is ${kind(b)} here but ${kind(a)} in ${base.file}${a ? `:${a.line}` : ''}`,
    });
    break;
  }
  for (const key of ['chapter', 'order'] as const) {
    if (base.shared[key] !== other.shared[key]) {
      const field = key === 'order' ? 'sidebar' : key;
      problems.push({
        file: other.file, line: 1, col: 1,
        message: `frontmatter ${field} is "${other.shared[key] ?? ''}" here but "${base.shared[key] ?? ''}" in ${base.file}`,
      });
    }
  }
  return problems;
}

/** Checks content/<lang>/ against content/<default lang>/: pages, sections, references (and that they exist). */
export async function checkParity(root: string): Promise<ParityProblem[]> {
  const [baseLang, ...otherLangs] = SITE_LANGS;
  const pagesByLang = new Map<string, Map<string, PageOutline>>();
  for (const lang of SITE_LANGS) {
    const dir = resolve(root, 'content', lang);
    const files = await listPages(dir);
    const outlines = new Map<string, PageOutline>();
    for (const file of files) {
      const path = join('content', lang, file).replace(/\\/g, '/');
      outlines.set(file, outlinePage(path, await readFile(resolve(dir, file), 'utf8')));
    }
    pagesByLang.set(lang, outlines);
  }
  const problems: ParityProblem[] = [];
  const base = pagesByLang.get(baseLang)!;
  for (const lang of otherLangs) {
    const other = pagesByLang.get(lang)!;
    for (const [file, outline] of base) {
      const counterpart = other.get(file);
      if (counterpart) problems.push(...comparePages(outline, counterpart));
      else problems.push({ file: outline.file, line: 1, col: 1, message: `no ${lang} edition: content/${lang}/${file} is missing` });
    }
    for (const [file, outline] of other) {
      if (!base.has(file)) {
        problems.push({ file: outline.file, line: 1, col: 1, message: `no ${baseLang} edition: content/${baseLang}/${file} is missing` });
      }
    }
  }
  for (const outlines of pagesByLang.values()) {
    for (const [file, outline] of outlines) {
      problems.push(...checkChapterFrontmatter(file, outline));
      for (const ref of outline.references) {
        const target = REFERENCE_DIRS[ref.component] ? join(REFERENCE_DIRS[ref.component], ref.file) : ref.file;
        if (!(await exists(resolve(root, target)))) {
          problems.push({ file: outline.file, line: ref.line, col: ref.col, message: `<${ref.component} file="${ref.file}" />: ${target} does not exist` });
        }
      }
    }
  }
  return problems;
}

/** A chapter page's `chapter` and `sidebar.order` must be the ones the sidebar shows (src/site/chapters.ts). */
function checkChapterFrontmatter(file: string, outline: PageOutline): ParityProblem[] {
  const index = CHAPTERS.findIndex((chapter) => `${chapter.slug}.mdx` === file);
  if (index < 0) return [];
  const { first, second } = CHAPTERS[index];
  const expected = { chapter: `first: ${first} second: ${second}`, order: `order: ${index + 1}` };
  const problems: ParityProblem[] = [];
  if (outline.shared.chapter !== expected.chapter) {
    problems.push({ file: outline.file, line: 1, col: 1, message: `frontmatter must say chapter: { first: ${first}, second: ${second} }` });
  }
  if (outline.shared.order !== expected.order) {
    problems.push({ file: outline.file, line: 1, col: 1, message: `frontmatter must say sidebar: { order: ${index + 1} }` });
  }
  return problems;
}

async function listPages(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name) && !entry.name.startsWith('_'))
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replace(/\\/g, '/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await readFile(path);
    return true;
  } catch {
    return false;
  }
}

export function formatProblem(problem: ParityProblem): string {
  return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}
