// Stage 2: parse a snippet's text into YAML documents.
// Two parsers, one set of rules (go-yaml v2 scalars, duplicate keys are errors):
// - the positioned path (`yaml` with a LineCounter, this module) is the reference: it alone gives every answer;
// - a fast path (parse-fast.ts, js-yaml, no positions) may be registered to read the common, valid case first.
//   The Node library registers it; the browser playground does without (39 KB less to download), and the
//   tests hold both paths to the same documents and positions.
// The text is first cut at document markers so that each document is parsed on its own: memory stays
// bounded on huge files and one broken document does not hide the others.
import { Composer, CST, isAlias, isMap, isScalar, isSeq, isNode, Parser, visit, type Document, type ParsedNode } from 'yaml';
import type { ScalarTag } from 'yaml';
import { classifyPlainScalar, resolvePlainScalar, type PlainScalarKind } from './scalars.ts';
import { astLocator, type Positions } from './locate.ts';

/** Deepest nesting accepted; real manifests stay far below, and deeper input would exhaust the stack later. */
export const MAX_DEPTH = 1000;
/** Aliases a document may expand (the `yaml` package's guard against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** Quoted scalars under-indented in go-yaml v2's way that one document may have mended. */
const MAX_MENDED_SCALARS = 100;

export interface ParseProblem {
  /** 1-based, relative to the snippet text. */
  line: number;
  col: number;
  message: string;
  /** The `yaml` package's error code, when it found the problem ('TAB_AS_INDENT', 'BAD_INDENT'...). */
  code?: string;
  rule: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-alias-limit' | 'yaml-undefined-alias' | 'yaml-too-deep' | 'not-a-mapping';
  /** The alias's name, for 'yaml-undefined-alias'. */
  alias?: string;
}

/** One YAML document of a snippet. */
export interface YamlDocument {
  /** Plain JSON-like value; null for an empty or comment-only document. */
  value: unknown;
  /** Where the document's content starts (1-based, relative to the snippet text). */
  line: number;
  col: number;
  /** Set when the document cannot be read; `value` is then null. */
  problem?: ParseProblem;
  /** Where paths of this document sit in the text; built on demand, only for documents with something to report. */
  positioned(): Positions;
}


// ---- scalar tags shared by both parsers --------------------------------------------------------

export const YAML_TAG = 'tag:yaml.org,2002:';

export function kindMatches(kind: PlainScalarKind, wanted: PlainScalarKind): boolean {
  return kind === wanted || (wanted === 'float' && kind === 'int');
}

export function explicitValue(text: string, wanted: PlainScalarKind): unknown {
  const value = resolvePlainScalar(text);
  return wanted === 'float' ? Number(value) : value;
}

// `yaml`: the same decisions through `test` (duck-typed: the package only calls `.test(str)`).
const yamlScalarTags: ScalarTag[] = (['null', 'bool', 'int', 'float'] as const).map((wanted) => ({
  tag: YAML_TAG + wanted,
  default: true,
  identify: () => false,
  test: { test: (text: string) => classifyPlainScalar(text) === wanted } as unknown as RegExp,
  resolve(text: string, onError: (message: string) => void) {
    if (!kindMatches(classifyPlainScalar(text), wanted)) onError(`cannot read "${text}" as !!${wanted}`);
    return explicitValue(text, wanted);
  },
}));

// Explicit tags (`!!int "12"`) look tags up by name, and skip those with a `test`: give them test-less twins.
const yamlExplicitTags = yamlScalarTags.map((tag) => ({ ...tag, default: false, test: undefined }));

const YAML_OPTIONS = {
  schema: 'failsafe',
  customTags: (tags: unknown[]) => [...tags, ...yamlScalarTags, ...yamlExplicitTags],
  merge: true,
  uniqueKeys: true,
  version: '1.2',
  strict: true,
  prettyErrors: false,
} as const;

// ---- splitting at document markers ------------------------------------------------------------

export interface Chunk {
  text: string;
  /** 0-based line of the chunk's first line in the snippet. */
  startLine: number;
}

// A line starting with `---` or `...` (then blank or space) is always a document marker in YAML:
// it cannot occur inside a scalar, so cutting there is safe.
const MARKER = /^(?:---|\.\.\.)(?:[ \t]|\r?$)/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?\r?$/;

export function splitDocuments(text: string): Chunk[] {
  // CRLF and lone CR are line breaks (YAML and editors agree). With plain LF both parsers read them alike
  // (the `yaml` package rejects CRLF inside multi-line quoted scalars), and lines and columns stay the same.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const chunks: Chunk[] = [];
  let start = 0;
  let startLine = 0;
  let hasContent = false;
  let lineStart = 0;
  let lineNo = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    // Only lines starting with `-` or `.` can be markers, and only before the content starts do the others
    // matter: most lines are not copied out.
    const first = text.charCodeAt(lineStart);
    const line = first === 0x2d || first === 0x2e || !hasContent ? text.slice(lineStart, lineEnd) : '';
    if (line.startsWith('---') && MARKER.test(line)) {
      if (hasContent) {
        chunks.push({ text: text.slice(start, lineStart), startLine });
        start = lineStart;
        startLine = lineNo;
      }
      hasContent = true;
    } else if (line.startsWith('...') && MARKER.test(line)) {
      chunks.push({ text: text.slice(start, lineEnd), startLine });
      start = lineEnd + 1;
      startLine = lineNo + 1;
      hasContent = false;
    } else if (!hasContent && !BLANK_OR_COMMENT.test(line) && !line.startsWith('%')) {
      hasContent = true;
    }
    lineStart = lineEnd + 1;
    lineNo++;
  }
  if (start < text.length) chunks.push({ text: text.slice(start), startLine });
  return chunks;
}

// ---- parsing ------------------------------------------------------------------------------------

/** Where the first content of a chunk starts (skipping comments, blank lines, directives, `---`). */
export function contentStart(chunk: Chunk): { line: number; col: number } {
  const text = chunk.text;
  let lineStart = 0;
  for (let i = 0; lineStart < text.length && i < 10_000; i++) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    if (BLANK_OR_COMMENT.test(line) || line.startsWith('%')) continue;
    let col = line.search(/\S/);
    if (line.startsWith('---')) {
      const rest = line.slice(3).search(/[^ \t\r]/);
      if (rest === -1 || line[3 + rest] === '#') continue;
      col = 3 + rest;
    }
    return { line: chunk.startLine + i + 1, col: col + 1 };
  }
  return { line: chunk.startLine + 1, col: 1 };
}

/** Whether nesting goes deeper than `limit` (iterative: the value may be too deep for recursion). */
export function depthExceeds(value: unknown, limit: number, shared = true): boolean {
  if (value === null || typeof value !== 'object') return false;
  const nodes: unknown[] = [value];
  const depths: number[] = [0];
  // Aliases (reference parser only) make shared sub-trees: visit each once.
  const seen = shared ? new Set<object>() : undefined;
  while (nodes.length > 0) {
    const node = nodes.pop() as object;
    const depth = depths.pop()!;
    if (depth >= limit) return true;
    if (seen) {
      if (seen.has(node)) continue;
      seen.add(node);
    }
    if (Array.isArray(node)) {
      for (const child of node) if (child !== null && typeof child === 'object') (nodes.push(child), depths.push(depth + 1));
    } else {
      for (const key in node) {
        const child = (node as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') (nodes.push(child), depths.push(depth + 1));
      }
    }
  }
  return false;
}

export function positionedChunk(chunk: Chunk): { docs: Document.Parsed[]; position: (offset: number) => { line: number; col: number } } {
  const position = lineMapper(chunk);
  try {
    const compose = (text: string) => [...new Composer(YAML_OPTIONS as never).compose(new Parser().parse(text), true)] as Document.Parsed[];
    const docs = compose(chunk.text);
    if (docs.some((doc) => doc.errors.some((e) => e.code === 'MISSING_CHAR' && /quote/.test(e.message)))) {
      // go-yaml v2 (kubectl) reads a quoted scalar whose continuation lines sit at its key's indentation (or
      // less); YAML 1.2 does not. Indenting those lines changes no value (a quoted scalar's line breaks fold and
      // their leading spaces go) and no line number.
      const indented = indentQuotedContinuations(chunk.text);
      if (indented !== undefined) {
        const retried = compose(indented);
        if (retried.every((doc) => doc.errors.length === 0)) return { docs: retried, position: lineMapper({ text: indented, startLine: chunk.startLine }) };
      }
    }
    return { docs, position };
  } catch (error) {
    // Only the stack can give out here (pathological nesting); report it as a document problem.
    if (error instanceof RangeError) return { docs: [], position };
    throw error;
  }
}

/** Where the quote closing the quoted scalar that opens at `start` sits (as YAML pairs quotes), or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let end = text.indexOf(quote, start + 1);
  if (quote === "'") {
    while (end !== -1 && text[end + 1] === "'") end = text.indexOf("'", end + 2);
    return end;
  }
  for (; end !== -1; end = text.indexOf('"', end + 1)) {
    let backslashes = 0;
    while (text[end - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) break;
  }
  return end;
}

/** The first quoted scalar the `yaml` lexer cut short at an under-indented line although its closing quote follows. */
function quotedScalarCutShort(text: string): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  const check = (token: CST.Token | null | undefined) => {
    if (found || !token || (token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar')) return;
    const end = closingQuote(text, token.offset);
    if (end > token.offset + token.source.length - 1) found = { start: token.offset, end };
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    check(token.value);
    CST.visit(token, (item) => {
      check(item.key);
      check(item.value);
      return found ? CST.visit.BREAK : undefined;
    });
    if (found) return found;
  }
  return undefined;
}

/**
 * The text with every continuation line of a multi-line quoted scalar indented one column deeper than the line
 * the scalar starts on, where it is not already (go-yaml v2 reads such scalars); undefined when nothing needs it.
 */
function indentQuotedContinuations(text: string): string | undefined {
  let mended = text;
  // One scalar per round: the lexer's reading of what follows a scalar cut short cannot be trusted until it is mended.
  for (let round = 0; round < MAX_MENDED_SCALARS; round++) {
    const cut = quotedScalarCutShort(mended);
    if (!cut) break;
    const lines = mended.split('\n');
    const lineOf = (offset: number) => mended.slice(0, offset).split('\n').length - 1;
    const from = lineOf(cut.start);
    const minimum = /^ */.exec(lines[from])![0].length + 1;
    let changed = false;
    for (let line = from + 1; line <= lineOf(cut.end); line++) {
      const indent = /^ */.exec(lines[line])![0].length;
      if (indent < minimum && lines[line].trim() !== '') {
        lines[line] = ' '.repeat(minimum - indent) + lines[line];
        changed = true;
      }
    }
    if (!changed) break;
    mended = lines.join('\n');
  }
  return mended === text ? undefined : mended;
}

/** Kubernetes (sigs.k8s.io/yaml) turns YAML into JSON and refuses keys that JSON cannot have. */
function unsupportedKey(doc: Document.Parsed): { offset: number; message: string } | undefined {
  let found: { offset: number; message: string } | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (found || depth > MAX_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as ParsedNode | null;
        const offset = key?.range?.[0] ?? (node as ParsedNode).range?.[0] ?? 0;
        if (key === null || (isScalar(key) && key.value === null)) {
          found = { offset, message: 'a null or empty mapping key (Kubernetes accepts only string, number and boolean keys)' };
          return;
        }
        if (!isScalar(key) && !isAlias(key)) {
          found = { offset, message: 'a sequence or mapping used as a mapping key (Kubernetes accepts only string, number and boolean keys)' };
          return;
        }
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item, depth + 1);
  };
  visit(doc.contents, 0);
  return found;
}

/**
 * The first alias naming no anchor set before it in the same document (anchors do not cross `---`). The `yaml`
 * package only finds out when expanding, with an error that names no position.
 */
function undefinedAlias(doc: Document.Parsed): { offset: number; name: string } | undefined {
  const anchors = new Set<string>();
  let found: { offset: number; name: string } | undefined;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          found = { offset: (node as ParsedNode).range?.[0] ?? 0, name: node.source };
          return visit.BREAK;
        }
      } else if (isNode(node) && node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

function problemOf(doc: Document.Parsed, position: (offset: number) => { line: number; col: number }): ParseProblem | undefined {
  const error = doc.errors[0];
  if (!error) {
    const alias = undefinedAlias(doc);
    if (alias) return { ...position(alias.offset), message: `undefined alias "*${alias.name}"`, rule: 'yaml-undefined-alias', alias: alias.name };
    const key = unsupportedKey(doc);
    return key ? { ...position(key.offset), message: key.message, rule: 'yaml-syntax' } : undefined;
  }
  const { line, col } = position(error.pos[0]);
  const duplicate = error.code === 'DUPLICATE_KEY';
  let message = firstLine(error.message);
  if (/call stack/i.test(message)) return { line, col, message: 'nested too deeply to read', rule: 'yaml-too-deep' };
  if (duplicate) {
    const key = findDuplicateKey(doc, error.pos[0]);
    message = key === undefined ? 'duplicate key' : `duplicate key "${key}"`;
  }
  return { line, col, message, code: error.code, rule: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax' };
}

function findDuplicateKey(doc: Document.Parsed, offset: number): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as ParsedNode | null;
        if (key && key.range && key.range[0] <= offset && offset <= key.range[2] && isScalar(key)) found = String(key.value);
        visit(pair.value);
      }
    } else if (isSeq(node)) node.items.forEach(visit);
  };
  visit(doc.contents);
  return found;
}

/** Reads a document's value from the `yaml` AST, with the alias and depth caps. */
function valueOf(doc: Document.Parsed, position: (offset: number) => { line: number; col: number }, start: { line: number; col: number }): { value: unknown; problem?: ParseProblem } {
  const problem = problemOf(doc, position);
  if (problem) return { value: null, problem };
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (depthExceeds(value, MAX_DEPTH)) {
      return { value: null, problem: { ...start, rule: 'yaml-too-deep', message: `nested deeper than ${MAX_DEPTH} levels` } };
    }
    return { value };
  } catch (error) {
    if (error instanceof RangeError) {
      return { value: null, problem: { ...start, rule: 'yaml-too-deep', message: 'nested too deeply to read' } };
    }
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      return { value: null, problem: { ...start, rule: 'yaml-alias-limit', message: `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}): refusing a possible "billion laughs" document` } };
    }
    return { value: null, problem: { ...start, rule: 'yaml-syntax', message } };
  }
}

function documentsFromPositioned(chunk: Chunk): YamlDocument[] {
  const { docs, position } = positionedChunk(chunk);
  const start = contentStart(chunk);
  if (docs.length === 0 && !BLANK_ONLY.test(chunk.text)) {
    // The parser itself gave out (stack) on this chunk.
    const problem: ParseProblem = { ...start, rule: 'yaml-too-deep', message: 'nested too deeply to read' };
    return [{ value: null, ...start, problem, positioned: () => ({ source: 'none', locate: () => undefined }) }];
  }
  return docs.map((doc) => {
    const contents = doc.contents as ParsedNode | null;
    const docStart = contents?.range ? position(contents.range[0]) : start;
    const { value, problem } = valueOf(doc, position, docStart);
    const positions = astLocator(doc, position);
    return { value, ...docStart, problem, positioned: () => positions };
  });
}

export const BLANK_ONLY = /^(?:[ \t]*(?:#.*)?\r?(?:\n|$))*$/;

/** Offset in a chunk -> snippet line and column (1-based). */
export function lineMapper(chunk: Chunk): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = chunk.text.indexOf('\n'); i !== -1; i = chunk.text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: chunk.startLine + lo + 1, col: Math.max(0, offset - starts[lo]) + 1 };
  };
}

// Indentation this deep only comes from pathological nesting, which the parsers handle in quadratic time.
const MAX_INDENT = 1000;
const DEEP_INDENT = new RegExp(`(?:^|\\n)[ ]{${MAX_INDENT},}`);

function tooDeeplyIndented(chunk: Chunk): YamlDocument | undefined {
  if (chunk.text.length <= MAX_INDENT) return undefined;
  const match = DEEP_INDENT.exec(chunk.text);
  if (!match) return undefined;
  const offset = match.index + (match[0].startsWith('\n') ? 1 : 0);
  const line = chunk.startLine + chunk.text.slice(0, offset).split('\n').length;
  const problem: ParseProblem = { line, col: 1, rule: 'yaml-too-deep', message: `indented more than ${MAX_INDENT} columns` };
  return { value: null, ...contentStart(chunk), problem, positioned: () => ({ source: 'none', locate: () => undefined }) };
}

/** Reads a chunk's documents faster than the reference, or returns undefined to leave the chunk to it. */
export type FastReader = (chunk: Chunk) => YamlDocument[] | undefined;

let fastReader: FastReader | undefined;

/** Installs the fast path (parse-fast.ts does, when imported). */
export function registerFastReader(reader: FastReader): void {
  fastReader = reader;
}

function documentsOfChunk(chunk: Chunk, fast: boolean): YamlDocument[] {
  if (BLANK_ONLY.test(chunk.text)) return [];
  const refused = tooDeeplyIndented(chunk);
  if (refused) return [refused];
  return (fast ? fastReader?.(chunk) : undefined) ?? documentsFromPositioned(chunk);
}

function parseChunks(text: string, fast: boolean): YamlDocument[] {
  return splitDocuments(text).flatMap((chunk) => documentsOfChunk(chunk, fast));
}

/** Parses every document of a snippet's text, fast path first. */
export function parseDocuments(text: string): YamlDocument[] {
  return parseChunks(text, true);
}

/**
 * As parseDocuments, grouped by chunk (the text from one document marker to the next), so that one document can
 * later be parsed again on its own with parseChunkAt.
 */
export function parseDocumentsByChunk(text: string): YamlDocument[][] {
  return splitDocuments(text).map((chunk) => documentsOfChunk(chunk, true));
}

/** The documents of one chunk, as parseDocumentsByChunk(text)[index] gives them, without parsing the others. */
export function parseChunkAt(text: string, index: number): YamlDocument[] {
  const chunk = splitDocuments(text)[index];
  return chunk ? documentsOfChunk(chunk, true) : [];
}

/** Reference parse only (no fast path): used by tests to prove both paths agree. */
export function parseDocumentsPositioned(text: string): YamlDocument[] {
  return parseChunks(text, false);
}

