// The playground page: an editor (editor.ts) whose text is validated as you type by the validator core running in a
// Web Worker, diagnostics as underlines, gutter marks and a list, "did you mean" fixes, a Kubernetes version picker,
// examples, files, share links. The worker is started by early.ts, a script of its own, so both download at once.
// The share-link code (and its compressor) loads only when a link is opened or made.
import { createPlaygroundEditor, type Mark } from './editor.ts';
import { DEFAULT_NAME, HIGHLIGHT_LIMIT, MAX_INPUT_BYTES, TIME_LIMIT_MS, type PlaygroundDiagnostic } from './protocol.ts';
import { early, validator } from './early.ts';
import { fill, type PlaygroundStrings } from './strings.ts';

const loadShare = () => import('./share.ts');

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
const messageBox = $<HTMLElement>('.pg-message');
const summaryBox = $<HTMLElement>('.pg-summary');
const list = $<HTMLOListElement>('.pg-diagnostics');
const examples = $<HTMLSelectElement>('.pg-examples');
const versionPicker = $<HTMLSelectElement>('.pg-version');
const highlightNote = $<HTMLElement>('.pg-plain-note');
const fileInput = $<HTMLInputElement>('.pg-file');
const encoder = new TextEncoder();

const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function say(text: string, kind: 'info' | 'problem' = 'info'): void {
  messageBox.textContent = text;
  messageBox.dataset.kind = kind;
}

// ---- diagnostics: marks in the editor, fixes, the list -----------------------------------------------------------

/** Offset of a 1-based line:col in `text` (clamped to the text and to the line). */
function offsetOf(text: string, line: number, col: number): number {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return Math.min(start + Math.max(col, 1) - 1, end < 0 ? text.length : end);
}

/** The scalar (key or value) that starts at `from`: quoted, or plain up to the next separator. */
function tokenAt(text: string, from: number): { from: number; to: number; quoted: boolean } {
  const lineEnd = text.indexOf('\n', from);
  const rest = text.slice(from, lineEnd < 0 ? text.length : lineEnd);
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    if (close > 0) return { from: from + 1, to: from + close, quoted: true };
  }
  const plain = /^[^\s:#,[\]{}]+/.exec(rest)?.[0] ?? '';
  return { from, to: from + plain.length, quoted: false };
}

/** Where each diagnostic is in `text`: its scalar, or at least one character (lines walked once, in order). */
function marksOf(text: string, diagnostics: readonly PlaygroundDiagnostic[]): Mark[] {
  const marks: Mark[] = [];
  let line = 1;
  let lineStart = 0;
  for (const d of diagnostics) {
    for (; line < d.line; line++) {
      const next = text.indexOf('\n', lineStart);
      if (next < 0) break;
      lineStart = next + 1;
    }
    const lineEnd = text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart);
    const from = Math.min(lineStart + Math.max(d.col, 1) - 1, lineEnd);
    const token = tokenAt(text, from);
    // An empty line or a problem at the end of a line: mark the character before, so the mark can be seen.
    const to = Math.max(token.to + (token.quoted ? 1 : 0), Math.min(from + 1, lineEnd));
    marks.push(from < to ? { from, to, line, severity: d.severity } : { from: Math.max(from - 1, lineStart), to: from, line, severity: d.severity });
  }
  return marks;
}

/** Replaces the scalar a "did you mean" diagnostic points at (where it is now) with the suggestion. */
function applyFix(d: PlaygroundDiagnostic & { suggestion: string }): void {
  const token = tokenAt(editor.text, offsetOf(editor.text, d.line, d.col));
  if (token.to > token.from) editor.replace(token.from, token.to, d.suggestion);
}

function ruleHref(rule: string): string {
  return `${page.validationUrl}#${page.rules.includes(rule) ? `rule-${rule}` : page.checksAnchor}`;
}

function renderList(diagnostics: PlaygroundDiagnostic[], summary: string): void {
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
    position.addEventListener('click', () => editor.jumpTo(offsetOf(editor.text, d.line, d.col)));
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
    const { suggestion } = d;
    if (suggestion !== undefined) {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'pg-fix';
      fix.textContent = fill(t.fix, { suggestion });
      fix.addEventListener('click', () => applyFix({ ...d, suggestion }));
      item.append(fix);
    }
    list.append(item);
  }
}

// ---- what is being edited, validated as it changes ------------------------------------------------------------

/** Quiet time after a keystroke before the text is validated. */
const TYPING_DELAY_MS = 300;

let fileName = DEFAULT_NAME;
/** A loaded file's exact bytes, validated as such until the first edit (binary or UTF-16 files get the CLI's message). */
let loadedBytes: { text: string; bytes: Uint8Array } | undefined;
/** Bumped by every change (text, file name, version): a run whose generation is stale reports nothing. */
let generation = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

function clearResults(): void {
  list.replaceChildren();
  summaryBox.textContent = '';
  summaryBox.removeAttribute('aria-busy');
  editor.setMarks([]);
}

async function validate(): Promise<void> {
  const run = ++generation;
  clearTimeout(typingTimer);
  const text = editor.text;
  const kubernetesVersion = versionPicker.value;
  const bytes = loadedBytes?.text === text ? loadedBytes.bytes : encoder.encode(text);
  if (bytes.length > MAX_INPUT_BYTES) {
    say(fill(t.tooLarge, { size: formatSize(bytes.length), limit: formatSize(MAX_INPUT_BYTES) }), 'problem');
    clearResults();
    return;
  }
  const earlyRun = early?.text === text && early.kubernetesVersion === kubernetesVersion && fileName === DEFAULT_NAME ? early.outcome : undefined;
  summaryBox.setAttribute('aria-busy', 'true');
  const outcome = await (earlyRun ?? validator.validate({ bytes, file: fileName, lang: page.lang, kubernetesVersion }));
  if (run !== generation) return; // changed meanwhile: a later run reports
  summaryBox.removeAttribute('aria-busy');
  if ('timedOut' in outcome) {
    say(fill(t.timedOut, { seconds: TIME_LIMIT_MS / 1000 }), 'problem');
    clearResults();
    return;
  }
  if ('failure' in outcome) {
    say(fill(t.workerFailed, { reason: outcome.failure }), 'problem');
    return;
  }
  if (messageBox.dataset.kind === 'problem' && messageBox.dataset.sticky !== 'true') say('');
  renderList(outcome.diagnostics, `${outcome.summary} ${fill(t.summaryVersion, { version: outcome.kubernetesVersion })}`);
  editor.setMarks(marksOf(text, outcome.diagnostics));
  root.dataset.validated = String(Number(root.dataset.validated ?? 0) + 1);
}

function validateSoon(): void {
  generation++;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => void validate(), TYPING_DELAY_MS);
}

const editorHost = $<HTMLElement>('.pg-editor');
const placeholder = editorHost.querySelector('pre');
const editor = createPlaygroundEditor(editorHost, { text: placeholder?.textContent ?? '', label: t.editorLabel });
placeholder?.remove();
editor.onChange(validateSoon);
editor.onHighlightChange((highlighted) => (highlightNote.hidden = highlighted));
highlightNote.textContent = fill(t.plainText, { limit: formatSize(HIGHLIGHT_LIMIT) });
// A problem with how the page was opened (a damaged share link) stays until the reader edits.
editor.prism.textarea.addEventListener('input', () => delete messageBox.dataset.sticky);
versionPicker.addEventListener('change', () => void validate());

function load(text: string, name: string, bytes?: Uint8Array): void {
  fileName = /\.(ya?ml|json|mdx?)$/i.test(name) ? name : `${name}.yaml`;
  loadedBytes = bytes ? { text, bytes } : undefined;
  editor.setText(text);
  // At once, not after the typing delay (and even when the text is the same: the file name may differ).
  void validate();
}

// ---- examples, files, drag and drop -----------------------------------------------------------------------------

/** Loads one of the site's examples; false when it cannot (the message says why). */
async function loadSiteFile(path: string): Promise<boolean> {
  if (!page.files.includes(path)) {
    say(fill(t.unknownExample, { file: path }), 'problem');
    return false;
  }
  try {
    const response = await fetch(`${page.base}${path}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    load(await response.text(), path.split('/').pop()!);
    say(fill(t.loadedExample, { file: path }));
    return true;
  } catch (error) {
    say(fill(t.loadFailed, { file: path, reason: error instanceof Error ? error.message : String(error) }), 'problem');
    return false;
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

$<HTMLButtonElement>('.pg-copy').addEventListener('click', () => void copy(editor.text, t.copied));

$<HTMLButtonElement>('.pg-download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([editor.text], { type: 'application/yaml' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
});

$<HTMLButtonElement>('.pg-share').addEventListener('click', async () => {
  const { encodeShare, MAX_SHARE_CHARS } = await loadShare();
  const fragment = encodeShare(editor.text, fileName, versionPicker.value);
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

const opensShare = () => new URLSearchParams(location.hash.slice(1)).has('yaml');

/** Opens the share link in the fragment; false when it cannot be opened (the message says why). */
async function restoreFromFragment(): Promise<boolean> {
  const { decodeShare, MAX_SHARE_CHARS, ShareLinkError } = await loadShare();
  try {
    const shared = decodeShare(location.hash, MAX_INPUT_BYTES);
    if (shared === undefined) return false;
    const version = shared.kubernetesVersion;
    const known = version !== undefined && [...versionPicker.options].some((option) => option.value === version);
    if (known) versionPicker.value = version;
    load(shared.text, shared.name);
    if (version === undefined || known) say(t.loadedShare);
    else {
      say(fill(t.unknownVersion, { version, used: versionPicker.value }), 'problem');
      messageBox.dataset.sticky = 'true';
    }
    return true;
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
    return false;
  }
}

window.addEventListener('hashchange', () => {
  delete messageBox.dataset.sticky;
  if (opensShare()) void restoreFromFragment();
});

/** The first thing validated: a share link's manifest, a ?file= example, or else the sample (and the sample when
 *  the link or file cannot be opened). */
async function openFirst(): Promise<void> {
  const requested = new URLSearchParams(location.search).get('file');
  const opened = opensShare() ? await restoreFromFragment() : requested ? await loadSiteFile(requested) : false;
  // Ready once what the page opens with is in the editor, with any message about it (the share code loads lazily).
  root.dataset.ready = 'true';
  if (!opened) await validate();
}
void openFirst();
