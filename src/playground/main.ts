// The playground page: a CodeMirror editor whose text is validated as you type by the validator core running in a
// Web Worker, diagnostics as underlines, gutter marks and a list, "did you mean" fixes, examples, files, share links.
// The worker is started by early.ts, a script of its own, so both download at once.
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { forceLinting, linter, lintGutter, type Action, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import { DEFAULT_NAME, MAX_INPUT_BYTES, TIME_LIMIT_MS, type PlaygroundDiagnostic } from './protocol.ts';
import { early, validator } from './early.ts';
import { decodeShare, encodeShare, MAX_SHARE_CHARS, ShareLinkError } from './share.ts';
import { fill, type PlaygroundStrings } from './strings.ts';

interface PageData {
  lang: 'en' | 'ko';
  strings: PlaygroundStrings;
  /** Site paths (under the base) of the files the examples menu and ?file= may load. */
  files: string[];
  base: string;
  validationUrl: string;
  /** Rule ids that have an entry (#rule-<id>) on the validation page. */
  rules: string[];
  /** Anchor of the validation page's section on the built-in checks (schema, YAML). */
  checksAnchor: string;
}

const root = document.querySelector<HTMLElement>('[data-playground]')!;
const page = JSON.parse(root.dataset.playground!) as PageData;
const t = page.strings;
const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
const editorHost = $<HTMLElement>('.pg-editor');
const messageBox = $<HTMLElement>('.pg-message');
const summaryBox = $<HTMLElement>('.pg-summary');
const list = $<HTMLOListElement>('.pg-diagnostics');
const examples = $<HTMLSelectElement>('.pg-examples');
const fileInput = $<HTMLInputElement>('.pg-file');
const encoder = new TextEncoder();

const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function say(text: string, kind: 'info' | 'problem' = 'info'): void {
  messageBox.textContent = text;
  messageBox.dataset.kind = kind;
}

// ---- diagnostics: editor ranges, fixes, the list ----------------------------------------------------------------

/** Offset of a 1-based line:col in the document (clamped to the document and to the line). */
function offsetOf(state: EditorState, line: number, col: number): number {
  const docLine = state.doc.line(Math.min(Math.max(line, 1), state.doc.lines));
  return Math.min(docLine.from + Math.max(col, 1) - 1, docLine.to);
}

/** The scalar (key or value) that starts at `from`: quoted, or plain up to the next separator. */
function tokenAt(state: EditorState, from: number): { from: number; to: number; quoted: boolean } {
  const line = state.doc.lineAt(from);
  const rest = line.text.slice(from - line.from);
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    if (close > 0) return { from: from + 1, to: from + close, quoted: true };
  }
  const plain = /^[^\s:#,[\]{}]+/.exec(rest)?.[0] ?? '';
  return { from, to: from + plain.length, quoted: false };
}

function fixAction(state: EditorState, d: PlaygroundDiagnostic): Action | undefined {
  if (d.suggestion === undefined) return undefined;
  const suggestion = d.suggestion;
  return {
    name: fill(t.fix, { suggestion }),
    apply(view, from) {
      const token = tokenAt(view.state, from);
      if (token.to > token.from) view.dispatch({ changes: { from: token.from, to: token.to, insert: suggestion } });
    },
  };
}

function toEditorDiagnostic(state: EditorState, d: PlaygroundDiagnostic): EditorDiagnostic {
  const from = offsetOf(state, d.line, d.col);
  const token = tokenAt(state, from);
  const to = Math.max(token.to + (token.quoted ? 1 : 0), Math.min(from + 1, state.doc.lineAt(from).to));
  const action = fixAction(state, d);
  return { from, to, severity: d.severity, source: d.rule, message: d.message, ...(action ? { actions: [action] } : {}) };
}

function ruleHref(rule: string): string {
  return `${page.validationUrl}#${page.rules.includes(rule) ? `rule-${rule}` : page.checksAnchor}`;
}

function jumpTo(view: EditorView, line: number, col: number): void {
  const at = offsetOf(view.state, line, col);
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
  view.focus();
}

function renderList(view: EditorView, diagnostics: PlaygroundDiagnostic[], summary: string): void {
  summaryBox.textContent = summary;
  list.replaceChildren();
  if (diagnostics.length === 0) {
    const item = document.createElement('li');
    item.className = 'pg-none';
    item.textContent = t.noProblems;
    list.append(item);
    return;
  }
  for (const d of diagnostics) {
    const item = document.createElement('li');
    item.className = d.severity === 'error' ? 'pg-diagnostic pg-error' : 'pg-diagnostic pg-warning';
    const position = document.createElement('button');
    position.type = 'button';
    position.className = 'pg-position';
    position.textContent = `${d.line}:${d.col}`;
    position.setAttribute('aria-label', fill(t.jumpTo, { line: d.line, col: d.col }));
    position.addEventListener('click', () => jumpTo(view, d.line, d.col));
    const severity = document.createElement('span');
    severity.className = 'pg-severity';
    severity.textContent = d.severity === 'error' ? t.severityError : t.severityWarning;
    const rule = document.createElement('a');
    rule.className = 'pg-rule';
    rule.href = ruleHref(d.rule);
    rule.textContent = d.rule;
    rule.title = fill(t.ruleLink, { rule: d.rule });
    const message = document.createElement('span');
    message.className = 'pg-text';
    message.textContent = d.message;
    item.append(position, severity, rule, message);
    const action = fixAction(view.state, d);
    if (action) {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'pg-fix';
      fix.textContent = action.name;
      fix.addEventListener('click', () => {
        action.apply(view, offsetOf(view.state, d.line, d.col), 0);
        view.focus();
      });
      item.append(fix);
    }
    list.append(item);
  }
}

// ---- what is being edited -------------------------------------------------------------------------------------

let fileName = DEFAULT_NAME;
/** A loaded file's exact bytes, validated as such until the first edit (binary or UTF-16 files get the CLI's message). */
let loadedBytes: { doc: EditorState['doc']; bytes: Uint8Array } | undefined;

async function lint(view: EditorView): Promise<readonly EditorDiagnostic[]> {
  const doc = view.state.doc;
  const text = doc.toString();
  const bytes = loadedBytes?.doc === doc ? loadedBytes.bytes : encoder.encode(text);
  const earlyRun = early?.text === text ? early.outcome : undefined;
  if (bytes.length > MAX_INPUT_BYTES) {
    say(fill(t.tooLarge, { size: formatSize(bytes.length), limit: formatSize(MAX_INPUT_BYTES) }), 'problem');
    list.replaceChildren();
    summaryBox.textContent = '';
    return [];
  }
  summaryBox.setAttribute('aria-busy', 'true');
  const outcome = await (earlyRun ?? validator.validate({ bytes, file: fileName, lang: page.lang }));
  if (view.state.doc !== doc) return []; // edited meanwhile: the next run reports
  summaryBox.removeAttribute('aria-busy');
  if ('timedOut' in outcome) {
    say(fill(t.timedOut, { seconds: TIME_LIMIT_MS / 1000 }), 'problem');
    list.replaceChildren();
    summaryBox.textContent = '';
    return [];
  }
  if ('failure' in outcome) {
    say(fill(t.workerFailed, { reason: outcome.failure }), 'problem');
    return [];
  }
  if (messageBox.dataset.kind === 'problem' && messageBox.dataset.sticky !== 'true') say('');
  renderList(view, outcome.diagnostics, outcome.summary);
  root.dataset.validated = String(Number(root.dataset.validated ?? 0) + 1);
  return outcome.diagnostics.map((d) => toEditorDiagnostic(view.state, d));
}

const highlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--pg-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--pg-string)' },
  { tag: tags.lineComment, color: 'var(--pg-comment)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.keyword, tags.labelName, tags.typeName], color: 'var(--pg-meta)' },
  { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.brace], color: 'var(--pg-punctuation)' },
]);

const extensions: Extension[] = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightActiveLine(),
  drawSelection(),
  history(),
  indentOnInput(),
  yaml(),
  syntaxHighlighting(highlight),
  lintGutter(),
  linter(lint, { delay: 300 }),
  keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
  EditorState.tabSize.of(2),
  // Long lines wrap: the page scrolls, never a nested scroll box.
  EditorView.lineWrapping,
  // A problem with how the page was opened (a damaged share link) stays until the reader edits.
  EditorView.updateListener.of((update) => {
    if (update.transactions.some((tr) => tr.isUserEvent('input') || tr.isUserEvent('delete'))) delete messageBox.dataset.sticky;
  }),
  EditorView.contentAttributes.of({ 'aria-label': t.editorLabel, lang: 'en' }),
];

const initialText = editorHost.querySelector('pre')?.textContent ?? '';
const view = new EditorView({ doc: initialText, extensions, parent: editorHost });
editorHost.querySelector('pre')?.remove();
root.dataset.ready = 'true';
// The first run at once, not after the typing delay (its result may already be on its way: early.ts).
forceLinting(view);

function load(text: string, name: string, bytes?: Uint8Array): void {
  fileName = /\.(ya?ml|json|mdx?)$/i.test(name) ? name : `${name}.yaml`;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
  loadedBytes = bytes ? { doc: view.state.doc, bytes } : undefined;
}

// ---- examples, files, drag and drop -----------------------------------------------------------------------------

async function loadSiteFile(path: string): Promise<void> {
  if (!page.files.includes(path)) {
    say(fill(t.unknownExample, { file: path }), 'problem');
    return;
  }
  try {
    const response = await fetch(`${page.base}${path}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    load(await response.text(), path.split('/').pop()!);
    say(fill(t.loadedExample, { file: path }));
  } catch (error) {
    say(fill(t.loadFailed, { file: path, reason: error instanceof Error ? error.message : String(error) }), 'problem');
  }
}

examples.addEventListener('change', () => {
  if (examples.value) void loadSiteFile(examples.value);
  // Back to the placeholder, so the same example can be loaded again after edits.
  examples.value = '';
});

async function loadLocalFile(file: File): Promise<void> {
  if (file.size > MAX_INPUT_BYTES) {
    say(fill(t.tooLarge, { size: formatSize(file.size), limit: formatSize(MAX_INPUT_BYTES) }), 'problem');
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  load(new TextDecoder().decode(bytes), file.name, bytes);
  say(fill(t.loadedFile, { file: file.name }));
}

$<HTMLButtonElement>('.pg-open').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void loadLocalFile(file);
  fileInput.value = '';
});

const dropZone = $<HTMLElement>('.pg-drop');
dropZone.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  dropZone.dataset.dragging = 'true';
});
dropZone.addEventListener('dragleave', () => delete dropZone.dataset.dragging);
dropZone.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files[0];
  delete dropZone.dataset.dragging;
  if (!file) return;
  event.preventDefault();
  void loadLocalFile(file);
});

// ---- copy, download, share ------------------------------------------------------------------------------------

async function copy(text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    say(done);
  } catch {
    say(t.copyFailed, 'problem');
  }
}

$<HTMLButtonElement>('.pg-copy').addEventListener('click', () => void copy(view.state.doc.toString(), t.copied));

$<HTMLButtonElement>('.pg-download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([view.state.doc.toString()], { type: 'application/yaml' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
});

$<HTMLButtonElement>('.pg-share').addEventListener('click', () => {
  const fragment = encodeShare(view.state.doc.toString(), fileName);
  if (fragment.length > MAX_SHARE_CHARS) {
    say(fill(t.shareTooLarge, { size: formatSize(fragment.length) }), 'problem');
    return;
  }
  const url = new URL(location.href);
  url.search = '';
  url.hash = fragment;
  window.history.replaceState(null, '', url);
  void copy(url.href, t.shareCopied);
});

// ---- what to show first: a share link, ?file=, or the sample ---------------------------------------------------

function restoreFromFragment(): boolean {
  try {
    const shared = decodeShare(location.hash, MAX_INPUT_BYTES);
    if (shared === undefined) return false;
    load(shared.text, shared.name);
    say(t.loadedShare);
  } catch (error) {
    if (!(error instanceof ShareLinkError)) throw error;
    const corrupt = { 'bad-characters': t.shareBadCharacters, damaged: t.shareDamaged, 'cut-short': t.shareCutShort } as const;
    const message =
      error.problem === 'too-long'
        ? fill(t.shareTooLong, { length: error.length, limit: MAX_SHARE_CHARS })
        : error.problem === 'too-much-text'
          ? fill(t.shareTooMuchText, { limit: formatSize(MAX_INPUT_BYTES) })
          : fill(t.corruptShare, { reason: corrupt[error.problem] });
    say(message, 'problem');
    messageBox.dataset.sticky = 'true';
  }
  return true;
}

window.addEventListener('hashchange', () => {
  delete messageBox.dataset.sticky;
  restoreFromFragment();
});

if (!restoreFromFragment()) {
  const requested = new URLSearchParams(location.search).get('file');
  if (requested) void loadSiteFile(requested);
}
