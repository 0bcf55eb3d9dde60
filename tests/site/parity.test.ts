import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkParity, comparePages, formatProblem, outlinePage } from '../../src/site/parity.ts';

const page = (body: string, frontmatter = 'title: T\nchapter: { first: 7, second: 7 }\nsidebar: { order: 1 }') =>
  `---\n${frontmatter}\n---\n\nimport Manifest from '~/components/Manifest.astro';\n\n${body}\n`;

describe('outlinePage', () => {
  it('finds headings outside code fences and example references with their positions', () => {
    const outline = outlinePage('content/en/x.mdx', page('## A\n\n```yaml\n# not a heading\n```\n\n### B\n\n  <Manifest file="x/a.yaml" />'));
    expect(outline.headings.map((h) => [h.depth, h.text, h.line])).toEqual([[2, 'A', 9], [3, 'B', 15]]);
    expect(outline.references).toEqual([{ component: 'Manifest', file: 'x/a.yaml', line: 17, col: 3, section: 2 }]);
    expect(outline.shared).toEqual({ chapter: 'first: 7 second: 7', order: 'order: 1' });
  });

  it('reads block-style frontmatter the same as flow style', () => {
    const block = outlinePage('a', page('', 'title: T\nchapter:\n  first: 7\n  second: 7\nsidebar:\n  order: 1'));
    const flow = outlinePage('b', page(''));
    expect(block.shared).toEqual(flow.shared);
  });
});

describe('comparePages', () => {
  const ko = outlinePage('content/ko/x.mdx', page('## 문제\n\n## 해결책\n\n<Manifest file="x/a.yaml" />'));

  it('accepts translated headings with the same structure', () => {
    const en = outlinePage('content/en/x.mdx', page('## Problem\n\n## Solution\n\n<Manifest file="x/a.yaml" />'));
    expect(comparePages(ko, en)).toEqual([]);
  });

  it('reports a section that exists in one language only, at file:line', () => {
    const en = outlinePage('content/en/x.mdx', page('## Problem\n\n## Solution\n\n## Extra\n\n<Manifest file="x/a.yaml" />'));
    const [problem] = comparePages(ko, en);
    expect(formatProblem(problem)).toBe('content/en/x.mdx:13:1: section "## Extra" has no counterpart in content/ko/x.mdx');
  });

  it('reports a heading level that differs', () => {
    const en = outlinePage('content/en/x.mdx', page('## Problem\n\n### Solution\n\n<Manifest file="x/a.yaml" />'));
    expect(comparePages(ko, en).map((p) => p.message)).toEqual([
      'heading 2 is level 3 ("Solution") but level 2 in content/ko/x.mdx:11 ("해결책")',
    ]);
  });

  it('reports an example embedded in one language only', () => {
    const en = outlinePage('content/en/x.mdx', page('## Problem\n\n## Solution\n\n<Manifest file="x/b.yaml" />'));
    expect(comparePages(ko, en).map(formatProblem)).toEqual([
      'content/en/x.mdx:13:1: example 1 is <Manifest file="x/b.yaml" /> here but <Manifest file="x/a.yaml" /> at content/ko/x.mdx:13',
    ]);
  });

  it('reports an inline YAML block present in one language only, or opted out in one only', () => {
    const koFence = outlinePage('content/ko/x.mdx', page('## 문제\n\n```yaml\nkind: A\n```\n\n## 해결책\n\n<Manifest file="x/a.yaml" />'));
    const enNone = outlinePage('content/en/x.mdx', page('## Problem\n\n## Solution\n\n<Manifest file="x/a.yaml" />'));
    const enOptOut = outlinePage('content/en/x.mdx', page('## Problem\n\n```yml novalidate\nkind: A\n```\n\n## Solution\n\n<Manifest file="x/a.yaml" />'));
    expect(koFence.yamlFences).toEqual([{ line: 11, novalidate: false }]);
    expect(comparePages(koFence, enNone).map((p) => p.message)).toEqual(['YAML block 1 is missing here but a validated manifest in content/ko/x.mdx:11']);
    expect(comparePages(koFence, enOptOut).map(formatProblem)).toEqual([
      'content/en/x.mdx:11:1: YAML block 1 is a novalidate fragment here but a validated manifest in content/ko/x.mdx:11',
    ]);
  });

  it('reports a diagram shown in one language only', () => {
    const koDiagram = outlinePage('content/ko/x.mdx', page('## 문제\n\n<Diagram file="x.dot" />\n\n## 해결책\n\n<Manifest file="x/a.yaml" />'));
    expect(comparePages(koDiagram, outlinePage('content/en/x.mdx', page('## Problem\n\n## Solution\n\n<Manifest file="x/a.yaml" />'))).map(formatProblem)).toEqual([
      'content/en/x.mdx:13:1: example 1 is <Manifest file="x/a.yaml" /> here but <Diagram file="x.dot" /> at content/ko/x.mdx:11',
    ]);
  });

  it('reports a diagram placed in another section than in the other language', () => {
    const koDiagram = outlinePage('content/ko/x.mdx', page('## 문제\n\n<Diagram file="x.dot" />\n\n## 해결책\n\n<Manifest file="x/a.yaml" />'));
    const en = outlinePage('content/en/x.mdx', page('## Problem\n\n## Solution\n\n<Diagram file="x.dot" />\n\n<Manifest file="x/a.yaml" />'));
    expect(comparePages(koDiagram, en).map(formatProblem)).toEqual([
      'content/en/x.mdx:13:1: <Diagram file="x.dot" /> is under "Solution" (section 2) here but under "문제" (section 1) in content/ko/x.mdx:11',
    ]);
  });

  it('reports chapter numbers that differ between the editions', () => {
    const en = outlinePage('content/en/x.mdx', page('## Problem\n\n## Solution\n\n<Manifest file="x/a.yaml" />', 'title: T\nchapter: { first: 7, second: 8 }\nsidebar: { order: 1 }'));
    expect(comparePages(ko, en).map((p) => p.message)).toEqual([
      'frontmatter chapter is "first: 7 second: 8" here but "first: 7 second: 7" in content/ko/x.mdx',
    ]);
  });
});

describe('checkParity (on disk)', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'parity-'));
    await mkdir(join(root, 'content/ko'), { recursive: true });
    await mkdir(join(root, 'content/en'), { recursive: true });
    await mkdir(join(root, 'examples/x'), { recursive: true });
    await writeFile(join(root, 'examples/x/a.yaml'), 'kind: ConfigMap\n');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('passes when both editions match', async () => {
    await writeFile(join(root, 'content/ko/x.mdx'), page('## 문제\n<Manifest file="x/a.yaml" />'));
    await writeFile(join(root, 'content/en/x.mdx'), page('## Problem\n<Manifest file="x/a.yaml" />'));
    expect(await checkParity(root)).toEqual([]);
  });

  it('reports a page that exists in one language only, both ways', async () => {
    await writeFile(join(root, 'content/ko/only-ko.mdx'), page('## 문제'));
    await writeFile(join(root, 'content/en/only-en.mdx'), page('## Problem'));
    expect((await checkParity(root)).map(formatProblem)).toEqual([
      'content/ko/only-ko.mdx:1:1: no en edition: content/en/only-ko.mdx is missing',
      'content/en/only-en.mdx:1:1: no ko edition: content/ko/only-en.mdx is missing',
    ]);
  });

  it('reports chapter frontmatter that disagrees with the book numbering', async () => {
    const wrong = page('## 문제', 'title: T\nchapter: { first: 11, second: 11 }\nsidebar: { order: 5 }');
    await writeFile(join(root, 'content/ko/stateful-service.mdx'), wrong);
    await writeFile(join(root, 'content/en/stateful-service.mdx'), wrong.replace('문제', 'Problem'));
    expect((await checkParity(root)).map(formatProblem)).toEqual([
      'content/ko/stateful-service.mdx:1:1: frontmatter must say chapter: { first: 11, second: 12 }',
      'content/en/stateful-service.mdx:1:1: frontmatter must say chapter: { first: 11, second: 12 }',
    ]);
  });

  it('reports a Diagram whose source does not exist in diagrams/', async () => {
    await writeFile(join(root, 'content/ko/x.mdx'), page('## 문제\n<Diagram file="missing.dot" />'));
    await writeFile(join(root, 'content/en/x.mdx'), page('## Problem\n<Diagram file="missing.dot" />'));
    expect((await checkParity(root)).map(formatProblem)).toEqual([
      'content/ko/x.mdx:10:1: <Diagram file="missing.dot" />: diagrams/missing.dot does not exist',
      'content/en/x.mdx:10:1: <Diagram file="missing.dot" />: diagrams/missing.dot does not exist',
    ]);
  });

  it('reports a Manifest whose file does not exist, naming the page', async () => {
    await writeFile(join(root, 'content/ko/x.mdx'), page('## 문제\n<Manifest file="x/missing.yaml" />'));
    await writeFile(join(root, 'content/en/x.mdx'), page('## Problem\n<Manifest file="x/missing.yaml" />'));
    expect((await checkParity(root)).map(formatProblem)).toEqual([
      'content/ko/x.mdx:10:1: <Manifest file="x/missing.yaml" />: examples/x/missing.yaml does not exist',
      'content/en/x.mdx:10:1: <Manifest file="x/missing.yaml" />: examples/x/missing.yaml does not exist',
    ]);
  });
});
