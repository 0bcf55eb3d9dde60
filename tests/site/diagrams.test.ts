// Diagrams (diagrams/*.dot) drawn into inline SVG: each in both languages with that language's labels, with real text,
// no fonts and no fixed colours; a source that cannot be drawn is reported at its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDiagrams, DiagramError, renderDiagram } from '../../src/site/diagrams.ts';
import { CHAPTERS } from '../../src/site/chapters.ts';
import { SITE_LANGS } from '../../src/site/locales.ts';

const ROOT = join(import.meta.dirname, '../..');
const files = readdirSync(join(ROOT, 'diagrams')).filter((name) => name.endsWith('.dot')).sort();
const HANGUL = /[\uac00-\ud7af]/;

/** The label values a source gives for `lang`, line by line, as a reader sees them (DOT escapes undone). */
function labelsOf(source: string, lang: string): string[] {
  const values = [...source.matchAll(new RegExp(`\\b(?:x|head|tail)?label_${lang}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'g'))].map((m) => m[1]);
  return values.flatMap((value) => value.split(/\\[nlr]/)).map((line) => line.replace(/\\(["\\])/g, '$1')).filter((line) => line !== '');
}

/** The text of each <text> element, XML entities undone. */
function textsOf(svg: string): string[] {
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
}

describe('every diagram source', () => {
  it('there is one per chapter', () => {
    expect(files).toEqual(CHAPTERS.map((chapter) => `${chapter.slug}.dot`).sort());
  });

  describe.for(files)('%s', (name) => {
    const source = readFileSync(join(ROOT, 'diagrams', name), 'utf8');

    it.for(SITE_LANGS)('draws in %s with exactly that language\'s labels, title and caption', async (lang) => {
      const diagram = await renderDiagram(source, `diagrams/${name}`, lang);
      const expected = labelsOf(source, lang);
      expect(expected.length).toBeGreaterThan(3);
      expect(textsOf(diagram.svg).sort()).toEqual([...expected].sort());
      const shown = [diagram.title, diagram.caption, ...textsOf(diagram.svg)].join('\n');
      if (lang === 'ko') expect(HANGUL.test(diagram.title) && HANGUL.test(diagram.caption)).toBe(true);
      else expect(shown).not.toMatch(HANGUL);
      expect(diagram.caption.length, 'a caption that says what the picture shows').toBeGreaterThan(150);
      expect(diagram.svg).toContain(`<title id="diagram-${name.replace('.dot', '')}-${lang}-title">`);
    });

    it('is plain SVG: real text, no fonts, scripts or images, colours only from Starlight variables', async () => {
      const { svg, width, height } = await renderDiagram(source, `diagrams/${name}`, 'ko');
      expect(svg).not.toMatch(/@font-face|font-family=|<script|<image|<foreignObject|href=/i);
      expect(svg).not.toMatch(/\s(fill|stroke)="(?!none)[^"]*"/);
      expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(|hsl\(/i);
      expect(svg).toContain('var(--sl-color-');
      expect(svg).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 ${width} ${height}"[^>]*role="img"`));
      expect(svg).not.toMatch(/ id="(node|edge|graph|clust)\d+"/); // Graphviz ids would repeat across diagrams
    });
  });
});

describe('renderDiagram', () => {
  const graph = (body: string) =>
    `digraph g {\n  title_ko="제목" title_en="Title"\n  caption_ko="설명" caption_en="Caption"\n${body}\n}\n`;

  it('gives a Korean label the width it takes in the browser, not Graphviz\'s estimate', async () => {
    const source = graph('  a [shape=box label_ko="가나다라마바사아자차" label_en="abc"]');
    const { svg } = await renderDiagram(source, 'diagrams/g.dot', 'ko');
    const xs = /<polygon points="([^"]+)"/.exec(svg)![1].split(' ').map((point) => Number(point.split(',')[0]));
    // Ten Hangul syllables at 14 px take 140 px; Graphviz alone would size them as ten spaces (about 39 px).
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThanOrEqual(140);
  });

  it('keeps escaped quotes, line breaks and XML specials of a label', async () => {
    const source = graph('  a [label_ko="\\"x\\" < y & z\\n둘째 줄" label_en="one\\ntwo"]');
    expect(textsOf((await renderDiagram(source, 'diagrams/g.dot', 'ko')).svg)).toEqual(['"x" < y & z', '둘째 줄']);
  });

  const failure = async (source: string) => {
    try {
      await renderDiagram(source, 'diagrams/g.dot', 'en');
    } catch (error) {
      expect(error).toBeInstanceOf(DiagramError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('reports a syntax error at its line', async () => {
    expect(await failure(graph('  a -> ;'))).toMatch(/^diagrams\/g\.dot:4:1: Graphviz: syntax error in line 4/);
  });

  it('reports a text written in one language only, at the attribute', async () => {
    expect(await failure(graph('  a [label_ko="가"]\n  b [label_ko="나" label_en="b"]'))).toBe('diagrams/g.dot:4:6: label_ko has no label_en next to it');
  });

  it('reports a plain label, a fontname and an unknown per-language attribute', async () => {
    expect(await failure(graph('  a [label="x"]'))).toMatch(/^diagrams\/g\.dot:4:6: write the label once per language/);
    expect(await failure(graph('  node [fontname="Arial"]'))).toMatch(/^diagrams\/g\.dot:4:9: fontname is set by the renderer/);
    expect(await failure(graph('  a [tooltip_ko="x" tooltip_en="y"]'))).toMatch(/^diagrams\/g\.dot:4:6: tooltip_ko: only label, xlabel/);
  });

  it('reports a graph without its title or caption', async () => {
    expect(await failure('digraph g {\n  a [label_ko="가" label_en="a"]\n}\n')).toMatch(/^diagrams\/g\.dot:1:1: the graph needs title_en/);
  });

  it('reports a Graphviz warning (an unknown shape) as an error', async () => {
    expect(await failure(graph('  a [shape=cloud label_ko="가" label_en="a"]'))).toMatch(/^diagrams\/g\.dot:\d+:1: Graphviz: .*cloud/);
  });
});

describe('checkDiagrams', () => {
  it('lists every source that cannot be drawn, as file:line:col, and passes the good ones', async () => {
    const root = await mkdtemp(join(tmpdir(), 'diagrams-'));
    try {
      await mkdir(join(root, 'diagrams'));
      const good = 'digraph {\n title_ko="가" title_en="a" caption_ko="가" caption_en="a"\n a [label_ko="가" label_en="a"]\n}\n';
      await writeFile(join(root, 'diagrams/good.dot'), good);
      await writeFile(join(root, 'diagrams/bad.dot'), good.replace(' a [', ' a -> [ '));
      expect(await checkDiagrams(root)).toEqual([expect.stringMatching(/^diagrams\/bad\.dot:3:1: Graphviz: syntax error in line 3/)]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
