// The playground's editor: prism-code-editor (highlighted code laid over a native <textarea>, so screen readers,
// IME, spell-free typing and the browser's own undo all work), with the validator's diagnostics drawn into it as
// wavy underlines on their exact ranges and marks in the line-number gutter.
import { createEditor, type PrismEditor } from 'prism-code-editor';
import { Token, type TokenStream } from 'prism-code-editor/prism';
import 'prism-code-editor/prism/languages/yaml';
import 'prism-code-editor/languages/yaml';
import { defaultKeymap, editHistory, editorCommands } from 'prism-code-editor/commands';
import { cursorPosition } from 'prism-code-editor/cursor';
import { insertText, setSelection } from 'prism-code-editor/utils';
import 'prism-code-editor/layout.css';
import { HIGHLIGHT_LIMIT } from './protocol.ts';

export type MarkSeverity = 'error' | 'warning';

/** A diagnostic's place in the text: offsets (UTF-16, as the textarea counts) and its 1-based line. */
export interface Mark {
  from: number;
  to: number;
  line: number;
  severity: MarkSeverity;
}

const severityRank = { warning: 1, error: 2 } as const;

/** A token of `length` characters (prism-code-editor's Token takes the matched text only to count it). */
function token(type: string, content: string | TokenStream, length: number, alias?: string | string[]): Token {
  return Object.assign(new Token(type, content, '', alias as string), { length });
}

/** A piece of a token stream cut at `at` characters: the part before and the part after. */
function splitPiece(piece: string | Token, at: number): [string | Token, string | Token] {
  if (typeof piece === 'string') return [piece.slice(0, at), piece.slice(at)];
  if (typeof piece.content === 'string') return [token(piece.type, piece.content.slice(0, at), at, piece.alias), token(piece.type, piece.content.slice(at), piece.length - at, piece.alias)];
  const before: TokenStream = [];
  const after: TokenStream = [];
  let offset = 0;
  for (const inner of piece.content) {
    if (offset + inner.length <= at) before.push(inner);
    else if (offset >= at) after.push(inner);
    else {
      const [head, tail] = splitPiece(inner, at - offset);
      before.push(head);
      after.push(tail);
    }
    offset += inner.length;
  }
  return [token(piece.type, before, at, piece.alias), token(piece.type, after, piece.length - at, piece.alias)];
}

/** The token stream with each mark's range wrapped in a `diagnostic` token (marks sorted, not overlapping): one pass. */
function wrapMarks(stream: TokenStream, marks: readonly Mark[]): TokenStream {
  const result: TokenStream = [];
  let index = 0;
  let current: string | Token | undefined = stream[0];
  let position = 0;
  /** Moves the pieces up to text offset `end` into `into`, cutting the piece that straddles it. */
  const take = (end: number, into: TokenStream) => {
    while (current !== undefined && position < end) {
      if (position + current.length <= end) {
        into.push(current);
        position += current.length;
        current = stream[++index];
      } else {
        const [head, tail] = splitPiece(current, end - position);
        into.push(head);
        current = tail;
        position = end;
      }
    }
  };
  for (const mark of marks) {
    take(mark.from, result);
    const inside: TokenStream = [];
    take(mark.to, inside);
    const length = inside.reduce((sum, piece) => sum + piece.length, 0);
    if (length > 0) result.push(token('diagnostic', inside, length, `diagnostic-${mark.severity}`));
  }
  take(Infinity, result);
  return result;
}

/** Marks that overlap merged into one (the graver severity wins), in text order: tokens cannot overlap. */
function disjoint(marks: readonly Mark[]): Mark[] {
  const sorted = [...marks].filter((m) => m.to > m.from).sort((a, b) => a.from - b.from || b.to - a.to);
  const merged: Mark[] = [];
  for (const mark of sorted) {
    const last = merged[merged.length - 1];
    if (last && mark.from < last.to) {
      last.to = Math.max(last.to, mark.to);
      if (severityRank[mark.severity] > severityRank[last.severity]) last.severity = mark.severity;
    } else merged.push({ ...mark });
  }
  return merged;
}

const countLines = (text: string) => text.split('\n').length - 1;

export interface PlaygroundEditor {
  readonly prism: PrismEditor;
  readonly text: string;
  /** Replaces the whole text (a loaded file, an example, a share link), caret at the start. */
  setText(text: string): void;
  /** Replaces a range as an edit the reader can undo (a "did you mean" fix). */
  replace(from: number, to: number, insert: string): void;
  /** Puts the caret at `offset`, scrolls its line to the middle of the window and focuses the editor. */
  jumpTo(offset: number): void;
  /** Shows these diagnostics (for the current text) until the next call; edits move or drop them meanwhile. */
  setMarks(marks: readonly Mark[]): void;
  /** Called after every change of the text, by the reader or by the page (not when the same text is re-rendered). */
  onChange(listener: (text: string) => void): void;
  /** Called when highlighting is switched off (or back on) for a large text. */
  onHighlightChange(listener: (highlighted: boolean) => void): void;
}

export function createPlaygroundEditor(host: HTMLElement, options: { text: string; label: string }): PlaygroundEditor {
  let marks: Mark[] = [];
  /** The text the marks' offsets refer to. */
  let marksText = options.text;
  let markedLines: HTMLElement[] = [];
  const highlightListeners: Array<(highlighted: boolean) => void> = [];

  /** Moves the marks through the edit that turned `marksText` into `text`; a mark the edit touched is dropped. */
  function followEdit(text: string): void {
    if (text === marksText) return;
    const old = marksText;
    const limit = Math.min(old.length, text.length);
    let start = 0;
    while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
    let tail = 0;
    while (tail < limit - start && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
    const oldEnd = old.length - tail;
    const shift = text.length - old.length;
    const lineShift = countLines(text.slice(start, text.length - tail)) - countLines(old.slice(start, oldEnd));
    marks = marks.flatMap((mark) =>
      mark.to <= start ? [mark] : mark.from >= oldEnd ? [{ ...mark, from: mark.from + shift, to: mark.to + shift, line: mark.line + lineShift }] : [],
    );
    marksText = text;
  }

  let highlighted = options.text.length <= HIGHLIGHT_LIMIT;
  const prism = createEditor(
    host,
    { language: highlighted ? 'yaml' : 'text', value: options.text, tabSize: 2, insertSpaces: true, lineNumbers: highlighted, wordWrap: true },
    editHistory(200),
    editorCommands(defaultKeymap),
    cursorPosition(),
  );
  /** Highlighting on or off for `text`, decided before the text is tokenized (a large paste is never tokenized as YAML). */
  function highlightFor(text: string, value?: string): void {
    const wanted = text.length <= HIGHLIGHT_LIMIT;
    // Line numbers are CSS counters over every line: off too, as style recalculation over them dominates typing then.
    prism.setOptions({ language: wanted ? 'yaml' : 'text', lineNumbers: wanted, ...(value === undefined ? {} : { value }) });
    if (wanted === highlighted) return;
    highlighted = wanted;
    for (const listener of highlightListeners) listener(highlighted);
  }
  const textarea = prism.textarea;
  // Capture: runs before the editor's own input handler re-renders.
  textarea.addEventListener('input', () => (textarea.value.length <= HIGHLIGHT_LIMIT) !== highlighted && highlightFor(textarea.value), true);
  textarea.setAttribute('aria-label', options.label);
  // Manifests are English keys and values, whatever the page's language.
  textarea.lang = 'en';

  prism.on('tokenize', (tokens, _language, value) => {
    followEdit(value);
    if (marks.length === 0) return;
    const wrapped = wrapMarks(tokens, marks);
    tokens.length = 0;
    for (const piece of wrapped) tokens.push(piece);
  });
  /** Gutter marks: a class on each marked line's element (lines[n] is line n), the graver severity per line. */
  function markLines(): void {
    for (const line of markedLines) line.classList.remove('diagnostic-line-error', 'diagnostic-line-warning');
    const severityOf = new Map<number, MarkSeverity>();
    for (const mark of marks) {
      const known = severityOf.get(mark.line);
      if (!known || severityRank[mark.severity] > severityRank[known]) severityOf.set(mark.line, mark.severity);
    }
    markedLines = [];
    for (const [line, severity] of severityOf) {
      const element = prism.lines[line];
      if (!element) continue;
      element.classList.add(`diagnostic-line-${severity}`);
      markedLines.push(element);
    }
  }
  prism.on('update', markLines);

  return {
    prism,
    get text() {
      return prism.value;
    },
    setText(text) {
      marks = [];
      marksText = text;
      highlightFor(text, text);
      setSelection(prism, 0);
    },
    replace(from, to, insert) {
      insertText(prism, insert, from, to);
    },
    jumpTo(offset) {
      textarea.focus({ preventScroll: true });
      setSelection(prism, offset);
      prism.lines[prism.activeLine]?.scrollIntoView({ block: 'center' });
    },
    setMarks(next) {
      marks = disjoint(next);
      marksText = prism.value;
      prism.update();
    },
    onChange(listener) {
      // 'update' also fires when the editor re-renders the same text (new marks): only changes count.
      let last = prism.value;
      prism.on('update', (value) => {
        if (value === last) return;
        last = value;
        listener(value);
      });
    },
    onHighlightChange(listener) {
      highlightListeners.push(listener);
    },
  };
}
