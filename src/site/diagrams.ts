// Diagrams: Graphviz DOT files under diagrams/, drawn at build time into inline SVG (no client script, no fonts).
//
// One file carries both languages. Every text attribute is written once per language, side by side:
//   job [label_ko="잡(Job)" label_en="Job"]
// and the graph names its figure: title_ko/title_en (the figure's title) and caption_ko/caption_en (its text
// alternative, shown as the figcaption). Drawing for a language turns `label_<lang>` into Graphviz's `label`.
//
// Graphviz sizes labels with its Latin font tables and counts a Hangul syllable as a space. So each label line is laid
// out as a placeholder whose Helvetica width equals the real line's width in the site's fonts (text-width.ts), and the
// real text replaces the placeholder in the SVG. Text stays centred: Graphviz anchors every plain label at its middle.
//
// Colours come from Starlight's CSS custom properties through classes (`class="accent"` in DOT), so both themes work.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { instance, type Viz } from '@viz-js/viz';
import type { SiteLang } from './locales.ts';
import { SITE_LANGS } from './locales.ts';
import { helveticaWidthEm, textWidthEm } from './text-width.ts';

export const DIAGRAMS_DIR = 'diagrams';

/** Graphviz attributes that hold text shown in the picture; each is written as <name>_ko and <name>_en. */
const TEXT_ATTRIBUTES = new Set(['label', 'xlabel', 'headlabel', 'taillabel']);
/** Graph attributes that describe the figure (not drawn by Graphviz). */
const FIGURE_ATTRIBUTES = new Set(['title', 'caption']);
/** Attributes a source must not set: the layout depends on the font Graphviz measures placeholders with. */
const RESERVED_ATTRIBUTES = new Set(['fontname', 'label']);
/** Classes the stylesheet colours (see DIAGRAM_CSS). */
export const DIAGRAM_CLASSES = ['accent', 'ok', 'bad', 'warn', 'ghost', 'strong'];
/** Smallest scale a diagram is shown at before its box scrolls sideways (14 px labels stay >= 11 px). */
const MIN_SCALE = 0.8;

export interface Diagram {
  title: string;
  caption: string;
  /** Inline SVG (no XML prolog), sized in CSS pixels. */
  svg: string;
  width: number;
  height: number;
}

/** A diagram source that cannot be drawn; line and col are 1-based positions in the .dot file. */
export class DiagramError extends Error {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly reason: string;
  constructor(file: string, line: number, col: number, reason: string) {
    super(`${file}:${line}:${col}: ${reason}`);
    this.file = file;
    this.line = line;
    this.col = col;
    this.reason = reason;
    this.name = 'DiagramError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

// ---- reading the source ------------------------------------------------------------------------------------------

interface Token {
  kind: 'id' | 'string' | 'html' | 'punct';
  text: string;
  start: number;
  end: number;
}

/** DOT tokens with their offsets; comments and whitespace are skipped. Malformed input is left to Graphviz. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const atLineStart = (at: number) => /(^|\n)[ \t]*$/.test(source.slice(Math.max(0, at - 200), at));
  while (i < source.length) {
    const char = source[i];
    if (/\s/.test(char)) i++;
    else if (source.startsWith('//', i) || (char === '#' && atLineStart(i))) i = lineEnd(source, i);
    else if (source.startsWith('/*', i)) i = source.indexOf('*/', i + 2) < 0 ? source.length : source.indexOf('*/', i + 2) + 2;
    else if (char === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', text: source.slice(i + 1, j), start: i, end: j + 1 });
      i = j + 1;
    } else if (char === '<') {
      let depth = 0;
      let j = i;
      do {
        if (source[j] === '<') depth++;
        else if (source[j] === '>') depth--;
        j++;
      } while (depth > 0 && j < source.length);
      tokens.push({ kind: 'html', text: source.slice(i, j), start: i, end: j });
      i = j;
    } else {
      const word = /^(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*|-?(?:\.\d+|\d+(?:\.\d*)?)|->|--|.)/u.exec(source.slice(i, i + 200))![0];
      tokens.push({ kind: /^[\w\u0080-\uffff.-]/u.test(word) && word !== '->' && word !== '--' ? 'id' : 'punct', text: word, start: i, end: i + word.length });
      i += word.length;
    }
  }
  return tokens;
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf('\n', from);
  return end < 0 ? source.length : end;
}

function positionOf(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/** One `<name>_<lang>="value"` attribute. */
interface LanguageAttribute {
  name: string;
  lang: SiteLang;
  value: string;
  /** Offsets of the whole `name_lang = "value"` span. */
  start: number;
  end: number;
  /** Attribute list ([...]) or graph body ({...}) it belongs to: its pair must sit in the same one. */
  scope: number;
  /** Drawn in bold (class "strong" in the same attribute list), which is wider. */
  bold: boolean;
}

function languageAttributes(source: string, file: string): LanguageAttribute[] {
  const tokens = tokenize(source);
  const found: LanguageAttribute[] = [];
  const scopes: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind === 'punct' && (token.text === '[' || token.text === '{')) scopes.push(token.start);
    else if (token.kind === 'punct' && (token.text === ']' || token.text === '}')) scopes.pop();
    if (token.kind !== 'id' || tokens[t + 1]?.text !== '=') continue;
    const fail = (reason: string) => {
      const { line, col } = positionOf(source, token.start);
      return new DiagramError(file, line, col, reason);
    };
    if (RESERVED_ATTRIBUTES.has(token.text)) {
      throw fail(
        token.text === 'label'
          ? `write the label once per language (${SITE_LANGS.map((l) => `label_${l}`).join(', ')}), not as label`
          : 'fontname is set by the renderer (labels are measured in its font); style text with a class instead',
      );
    }
    const match = /^(\w+)_([a-z]{2})$/.exec(token.text);
    if (!match || !SITE_LANGS.includes(match[2] as SiteLang)) continue;
    const [, name, lang] = match;
    if (!TEXT_ATTRIBUTES.has(name) && !FIGURE_ATTRIBUTES.has(name)) {
      throw fail(`${token.text}: only ${[...TEXT_ATTRIBUTES, ...FIGURE_ATTRIBUTES].join(', ')} are written per language`);
    }
    const value = tokens[t + 2];
    if (value?.kind !== 'string') throw fail(`${token.text} must be a "quoted string"`);
    found.push({ name, lang: lang as SiteLang, value: value.text, start: token.start, end: value.end, scope: scopes.at(-1) ?? -1, bold: false });
  }
  for (let t = 0; t < tokens.length; t++) {
    if (tokens[t].text !== 'class' || tokens[t + 1]?.text !== '=' || !/\bstrong\b/.test(tokens[t + 2]?.text ?? '')) continue;
    const scope = found.find((a) => a.start > tokens[t].start)?.scope;
    for (const attribute of found) if (attribute.scope === scope) attribute.bold = true;
  }
  // Every text exists in every language, in the same attribute list.
  for (const attribute of found) {
    for (const lang of SITE_LANGS) {
      if (!found.some((other) => other.scope === attribute.scope && other.name === attribute.name && other.lang === lang)) {
        const { line, col } = positionOf(source, attribute.start);
        throw new DiagramError(file, line, col, `${attribute.name}_${attribute.lang} has no ${attribute.name}_${lang} next to it`);
      }
    }
  }
  return found;
}

/** DOT string escapes: a line break is \n, \l (left) or \r (right); \" and \\ stand for themselves. */
function splitLines(value: string): { lines: string[]; breaks: string[] } {
  const parts = value.split(/(\\[nlr])/);
  const lines = parts.filter((_, i) => i % 2 === 0).map((line) => line.replace(/\\(["\\])/g, '$1'));
  return { lines, breaks: parts.filter((_, i) => i % 2 === 1) };
}

const PLACEHOLDER = /^#(\d+)#[ni]*$/;

/** A placeholder as wide, in Graphviz's Helvetica, as `line` is in the browser: #<index># padded with n and i. */
function placeholder(index: number, line: string, bold: boolean): string {
  const target = textWidthEm(line, bold);
  let text = `#${index}#`;
  while (helveticaWidthEm(text + 'n') <= target) text += 'n';
  while (helveticaWidthEm(text) < target) text += 'i';
  return text;
}

// ---- drawing -----------------------------------------------------------------------------------------------------

let graphviz: Promise<Viz> | undefined;

/** Draws one diagram source in one language. Throws DiagramError naming the file and line. */
export async function renderDiagram(source: string, file: string, lang: SiteLang): Promise<Diagram> {
  const attributes = languageAttributes(source, file);
  const figure = (name: string) => {
    const found = attributes.find((a) => a.name === name && a.lang === lang && a.scope === rootScope(source));
    if (!found) throw new DiagramError(file, 1, 1, `the graph needs ${name}_${lang} (and its other languages) at its top level`);
    return splitLines(found.value).lines.join(' ');
  };
  const title = figure('title');
  const caption = figure('caption');

  // Replace each text of this language by placeholders, from the end so earlier offsets stay valid; line breaks
  // inside a value are kept, so Graphviz's line numbers are the source's.
  const realLines: string[] = [];
  let dot = source;
  for (const attribute of [...attributes].reverse()) {
    if (attribute.lang !== lang || !TEXT_ATTRIBUTES.has(attribute.name)) continue;
    const { lines, breaks } = splitLines(attribute.value);
    const proxy = lines.map((line, i) => {
      if (line === '') return '';
      realLines.push(line);
      return placeholder(realLines.length - 1, line, attribute.bold) + (breaks[i] ?? '');
    });
    const newlines = '\n'.repeat(source.slice(attribute.start, attribute.end).split('\n').length - 1);
    dot = `${dot.slice(0, attribute.start)}${attribute.name}="${proxy.join('')}"${newlines}${dot.slice(attribute.end)}`;
  }
  dot = withDefaultFont(dot, file);

  graphviz ??= instance();
  const result = (await graphviz).render(dot, { format: 'svg' });
  const problem = result.errors[0];
  if (result.status !== 'success' || problem) {
    const message = (problem?.message ?? 'Graphviz failed').replace(/^(Error|Warning):\s*/, '').trim();
    const at = /\bline (\d+)/.exec(message);
    throw new DiagramError(file, at ? Number(at[1]) : 1, 1, `Graphviz: ${message}`);
  }
  return finishSvg(result.output, realLines, { title, caption, id: `diagram-${file.replace(/^.*\//, '').replace(/\.\w+$/, '')}-${lang}` });
}

/** Offset of the graph body's opening brace (the scope of graph-level attributes). */
function rootScope(source: string): number {
  return tokenize(source).find((t) => t.text === '{')?.start ?? -1;
}

/** Sets Helvetica (the font placeholders are measured in) for the graph, nodes and edges, on the opening line. */
function withDefaultFont(dot: string, file: string): string {
  const brace = rootScope(dot);
  if (brace < 0) throw new DiagramError(file, 1, 1, 'no graph body ({ ... }) found');
  const defaults = 'graph[fontname="Helvetica"] node[fontname="Helvetica"] edge[fontname="Helvetica"] ';
  return `${dot.slice(0, brace + 1)}${defaults}${dot.slice(brace + 1)}`;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Graphviz's SVG, made fit to inline: real text in, fixed colours, fonts, ids and tooltips out, themed by class. */
function finishSvg(svg: string, realLines: string[], figure: { title: string; caption: string; id: string }): Diagram {
  const viewBox = /viewBox="([\d.\s-]+)"/.exec(svg)![1].trim().split(/\s+/).map(Number);
  const [width, height] = [Math.ceil(viewBox[2]), Math.ceil(viewBox[3])];
  const body = svg
    .slice(svg.indexOf('<g id="graph0"'), svg.lastIndexOf('</svg>'))
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/<title>[\s\S]*?<\/title>\n?/g, '')
    // The white page background Graphviz paints first.
    .replace(/<polygon fill="white" stroke="none"[^>]*\/>\n?/, '')
    .replace(/ (?:id|fill|stroke|font-family|xml:space)="[^"]*"/g, '')
    .replace(/<text([^>]*)>([^<]*)<\/text>/g, (_, attributes: string, content: string) => {
      const index = PLACEHOLDER.exec(content);
      const text = index ? escapeXml(realLines[Number(index[1])]) : content;
      return `<text${attributes}>${text}</text>`;
    })
    .replace(/\n+/g, '');
  const leftover = /<text[^>]*>#\d+#/.exec(body);
  if (leftover) throw new Error(`a label placeholder was not replaced: ${leftover[0]}`);
  const titleId = `${figure.id}-title`;
  const out =
    `<svg class="diagram-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `style="min-width:${Math.round(width * MIN_SCALE)}px" role="img" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${titleId}">${escapeXml(figure.title)}</title><style>${DIAGRAM_CSS}</style>${body}</svg>`;
  return { title: figure.title, caption: figure.caption, svg: out, width, height };
}

/**
 * Styles of the figure and its drawing: text in the page's font, colours from Starlight's theme variables. Inside
 * each SVG, so a page pays for them only with a diagram (the first render of a chapter without one stays small).
 */
const DIAGRAM_CSS = `
.diagram{margin-block:1.5rem}
.diagram-scroll{overflow-x:auto;padding-block:.25rem}
.diagram-scroll:focus-visible{outline:2px solid var(--sl-color-text-accent);outline-offset:2px}
.diagram-svg{display:block;margin-inline:auto;max-width:100%;height:auto}
.diagram figcaption{margin-top:.5rem;font-size:var(--sl-text-sm);color:var(--sl-color-gray-2)}
.diagram figcaption b{color:var(--sl-color-white)}
.diagram-svg text{fill:var(--sl-color-white)}
.diagram-svg .edge text,.diagram-svg .cluster>text{fill:var(--sl-color-gray-2)}
.diagram-svg .node>:not(text){fill:var(--sl-color-gray-6);stroke:var(--sl-color-gray-3)}
.diagram-svg .edge>path{fill:none;stroke:var(--sl-color-gray-3)}
.diagram-svg .edge>polygon{fill:var(--sl-color-gray-3);stroke:var(--sl-color-gray-3)}
.diagram-svg .cluster>:not(text){fill:none;stroke:var(--sl-color-gray-4)}
.diagram-svg :is(.node,.cluster).accent>:not(text){fill:var(--sl-color-accent-low);stroke:var(--sl-color-accent-high)}
.diagram-svg :is(.node,.cluster).ok>:not(text){fill:var(--sl-color-green-low);stroke:var(--sl-color-green-high)}
.diagram-svg :is(.node,.cluster).bad>:not(text){fill:var(--sl-color-red-low);stroke:var(--sl-color-red-high)}
.diagram-svg :is(.node,.cluster).warn>:not(text){fill:var(--sl-color-orange-low);stroke:var(--sl-color-orange-high)}
.diagram-svg :is(.node,.cluster).ghost>:not(text){fill:none;stroke-dasharray:4 3}
.diagram-svg .edge.accent>:not(text){stroke:var(--sl-color-accent-high)}
.diagram-svg .edge.accent>polygon{fill:var(--sl-color-accent-high)}
.diagram-svg .edge.ok>:not(text){stroke:var(--sl-color-green-high)}
.diagram-svg .edge.ok>polygon{fill:var(--sl-color-green-high)}
.diagram-svg .edge.bad>:not(text){stroke:var(--sl-color-red-high)}
.diagram-svg .edge.bad>polygon{fill:var(--sl-color-red-high)}
.diagram-svg .edge.warn>:not(text){stroke:var(--sl-color-orange-high)}
.diagram-svg .edge.warn>polygon{fill:var(--sl-color-orange-high)}
.diagram-svg .strong text{font-weight:600}
`.replace(/\n/g, '');

// ---- checking every source ---------------------------------------------------------------------------------------

/** Draws every diagrams/*.dot in every language; the problems found, as "file:line:col: message". */
export async function checkDiagrams(root: string): Promise<string[]> {
  const dir = join(root, DIAGRAMS_DIR);
  const files = existsSync(dir) ? (await readdir(dir)).filter((name) => name.endsWith('.dot')).sort() : [];
  const problems: string[] = [];
  for (const name of files) {
    const source = await readFile(join(dir, name), 'utf8');
    for (const lang of SITE_LANGS) {
      try {
        await renderDiagram(source, `${DIAGRAMS_DIR}/${name}`, lang);
      } catch (error) {
        problems.push(error instanceof DiagramError ? error.message : `${DIAGRAMS_DIR}/${name}:1:1: ${(error as Error).message}`);
        break; // the same source fails the same way in the other language
      }
    }
  }
  return problems;
}
