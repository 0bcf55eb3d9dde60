// Every chapter's try-pattern run (scripts/patterns/<slug>.ts) must describe the same steps as the "Run it"
// section of its pages: each command appears in a ```sh block of both languages, each promised output matches a
// ```text block, and every example of the chapter is applied, so the kind workflow exercises all of them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { patterns } from '../../scripts/patterns/index.ts';
import { commandLine, expectationRegExp } from '../../scripts/try-pattern.ts';
import {
  objectLineProblem,
  ROLLOUT_STATUS_LIKE,
  ROLLOUT_STATUS_LINES,
  shellWords,
  tableHeader,
  tableProblems,
} from './kubectl-output.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUN_IT = { en: '## Run it', ko: '## 직접 실행하기' } as const;
/** The pages show the commands in the reader's current namespace, `default`. */
const PAGE_NAMESPACE = 'default';

function runItSection(lang: keyof typeof RUN_IT, slug: string): string {
  const page = readFileSync(`${root}content/${lang}/${slug}.mdx`, 'utf8');
  const start = page.indexOf(`\n${RUN_IT[lang]}\n`);
  expect(start, `content/${lang}/${slug}.mdx has no "${RUN_IT[lang]}" section`).toBeGreaterThan(-1);
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end === -1 ? undefined : end);
}

/** The fenced blocks of the given languages (`sh|text`), in page order, without their indentation. */
function orderedFences(section: string, languages: string): Array<{ language: string; body: string }> {
  const blocks: Array<{ language: string; body: string }> = [];
  const fence = new RegExp(String.raw`^([ \t]*)\`\`\`(${languages})\b[^\n]*\n([\s\S]*?)^\1\`\`\`[ \t]*$`, 'gm');
  for (const match of section.matchAll(fence)) {
    const indent = match[1]!.length;
    blocks.push({ language: match[2]!, body: match[3]!.split('\n').map((line) => line.slice(indent)).join('\n') });
  }
  return blocks;
}

function fences(section: string, language: string): string[] {
  return orderedFences(section, language).map((block) => block.body);
}

/**
 * What is wrong in an expected-output block, compared with what kubectl 1.36 prints for the commands of the
 * ```sh block before it: table headers and layout of `kubectl get`, rollout status and delete messages.
 * Tables appear in the order of their `kubectl get` commands and end at a blank line or at the next table.
 */
function outputProblems(commands: string[], output: string): string[] {
  const problems: string[] = [];
  const headers = commands
    .map(shellWords)
    .filter((words) => words[0] === 'kubectl' && words[1] === 'get')
    .map((words) => tableHeader(words.slice(2)))
    .filter((header): header is string[] => header !== undefined);
  const lines = output.replace(/\n$/, '').split('\n');
  let table: { header: string[]; lines: string[] } | undefined;
  const tables: Array<{ header: string[]; lines: string[] }> = [];
  for (const line of lines) {
    const next = headers[tables.length];
    if (next && line.startsWith(`${next[0]} `)) {
      table = { header: next, lines: [line] };
      tables.push(table);
    } else if (table && line.trim()) {
      table.lines.push(line);
    } else {
      table = undefined;
      if (ROLLOUT_STATUS_LIKE.test(line) && !ROLLOUT_STATUS_LINES.some((format) => format.test(line))) {
        problems.push(`"${line}" is not a line kubectl rollout status prints`);
      }
      const objectProblem = objectLineProblem(line);
      if (objectProblem) problems.push(objectProblem);
    }
  }
  for (const { header, lines: tableLines } of tables) problems.push(...tableProblems(header, tableLines));
  return problems;
}

it('lists each of the seven chapters once, in sidebar order', () => {
  const order = patterns.map((pattern) => {
    const page = readFileSync(`${root}content/en/${pattern.slug}.mdx`, 'utf8');
    return Number(/^sidebar:\s*\{\s*order:\s*(\d+)/m.exec(page)?.[1]);
  });
  expect(order).toEqual([1, 2, 3, 4, 5, 6, 7]);
});

describe.each(patterns.map((pattern) => [pattern.slug, pattern] as const))('%s', (slug, pattern) => {
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang} page runs the same commands`, () => {
      const commands = fences(runItSection(lang, slug), 'sh').flatMap((block) => block.split('\n').map((line) => line.trim()));
      for (const step of [...pattern.steps, ...(pattern.cleanup ?? [])]) {
        expect(commands, `content/${lang}/${slug}.mdx lacks: ${commandLine(step, PAGE_NAMESPACE)}`).toContain(
          commandLine(step, PAGE_NAMESPACE),
        );
      }
    });

    it(`${lang} page shows the output the run checks`, () => {
      const outputs = fences(runItSection(lang, slug), 'text');
      for (const step of [...pattern.steps, ...(pattern.cleanup ?? [])]) {
        if (step.kind !== 'show') continue;
        for (const expected of step.expect ?? []) {
          const pattern = expectationRegExp(expected, PAGE_NAMESPACE);
          const perLine = new RegExp(pattern.source, pattern.flags.includes('m') ? pattern.flags : `${pattern.flags}m`);
          expect(
            outputs.some((block) => perLine.test(block)),
            `content/${lang}/${slug}.mdx shows no output matching ${String(expected)} (${commandLine(step, PAGE_NAMESPACE)})`,
          ).toBe(true);
        }
      }
    });
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`${lang} page shows output as kubectl 1.36 prints it`, () => {
      let commands: string[] = [];
      const problems: string[] = [];
      for (const block of orderedFences(runItSection(lang, slug), 'sh|text')) {
        if (block.language === 'sh') commands = block.body.split('\n').map((line) => line.trim()).filter(Boolean);
        else problems.push(...outputProblems(commands, block.body));
      }
      expect(problems, `content/${lang}/${slug}.mdx`).toEqual([]);
    });
  }

  it('applies every example of the chapter, and only files that exist', () => {
    const applied = pattern.steps.flatMap((step) => (step.kind === 'apply' ? [step.file] : []));
    for (const file of applied) expect(existsSync(`${root}examples/${file}`), `examples/${file}`).toBe(true);
    const examples = readdirSync(`${root}examples/${slug}`).filter((name) => /\.ya?ml$/.test(name)).map((name) => `${slug}/${name}`);
    expect([...new Set(applied)].sort()).toEqual(examples.sort());
  });
});
