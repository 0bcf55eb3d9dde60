// Stage 2: parse a snippet's text into YAML documents.
// Two parsers, one set of rules (go-yaml v2 scalars, duplicate keys are errors):
// - the fast path (js-yaml, no positions) reads the common, valid case;
// - the positioned path (`yaml` with a LineCounter) is the reference: it runs whenever the fast path
//   fails or refuses (anchors/aliases, which it cannot cap), and whenever an error must be located.
// The text is first cut at document markers so that each document is parsed on its own: memory stays
// bounded on huge files and one broken document does not hide the others.
import jsYaml from 'js-yaml';
import { Composer, isAlias, isMap, isScalar, isSeq, Parser, type Document, type ParsedNode } from 'yaml';
import type { ScalarTag } from 'yaml';
import { classifyPlainScalar, resolvePlainScalar, type PlainScalarKind } from './scalars.ts';
import { astLocator, treeLocator, type Positions, type TreeNode } from './locate.ts';

/** Deepest nesting accepted; real manifests stay far below, and deeper input would exhaust the stack later. */
export const MAX_DEPTH = 1000;
/** Aliases a document may expand (the `yaml` package's guard against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export interface ParseProblem {
  /** 1-based, relative to the snippet text. */
  line: number;
  col: number;
  message: string;
  /** The `yaml` package's error code, when it found the problem ('TAB_AS_INDENT', 'BAD_INDENT'...). */
  code?: string;
  rule: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-alias-limit' | 'yaml-too-deep' | 'not-a-mapping';
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

const YAML_TAG = 'tag:yaml.org,2002:';

function kindMatches(kind: PlainScalarKind, wanted: PlainScalarKind): boolean {
  return kind === wanted || (wanted === 'float' && kind === 'int');
}

function explicitValue(text: string, wanted: PlainScalarKind): unknown {
  const value = resolvePlainScalar(text);
  return wanted === 'float' ? Number(value) : value;
}

// js-yaml: one implicit type decides every plain scalar (js-yaml would otherwise ask four types in turn), and
// the four typed tags serve explicit `!!null`, `!!bool`, `!!int`, `!!float`.
const jsYamlExplicitTypes = (['null', 'bool', 'int', 'float'] as const).map(
  (wanted) =>
    new jsYaml.Type(YAML_TAG + wanted, {
      kind: 'scalar',
      resolve: (data: string | null) => data === null ? wanted === 'null' : kindMatches(classifyPlainScalar(data), wanted),
      construct: (data: string | null) => (data === null ? null : explicitValue(data, wanted)),
    }),
);
const jsYamlPlainType = new jsYaml.Type('tag:k8s-validate.invalid,2026:plain', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || classifyPlainScalar(data) !== 'str',
  construct: (data: string | null) => (data === null ? null : resolvePlainScalar(data)),
});
const GO_YAML_V2_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [jsYamlPlainType, (jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge],
  explicit: jsYamlExplicitTypes,
});

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

interface Chunk {
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
    const line = text.slice(lineStart, lineEnd);
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
function contentStart(chunk: Chunk): { line: number; col: number } {
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
function depthExceeds(value: unknown, limit: number, shared = true): boolean {
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

function positionedChunk(chunk: Chunk): { docs: Document.Parsed[]; position: (offset: number) => { line: number; col: number } } {
  const position = lineMapper(chunk);
  try {
    const composer = new Composer(YAML_OPTIONS as never);
    const docs = [...composer.compose(new Parser().parse(chunk.text), true)] as Document.Parsed[];
    return { docs, position };
  } catch (error) {
    // Only the stack can give out here (pathological nesting); report it as a document problem.
    if (error instanceof RangeError) return { docs: [], position };
    throw error;
  }
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

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

function problemOf(doc: Document.Parsed, position: (offset: number) => { line: number; col: number }): ParseProblem | undefined {
  const error = doc.errors[0];
  if (!error) {
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

const ODD_KEY = /(?:^|[\s{,])(?:~|null|Null|NULL)?[ \t]*:(?:\s|$)|[\]}][ \t]*:(?:\s|$)|(?:^|\n)[ \t-]*\?(?:\s|$)/;
const ODD_MARKER = /^(?:---|\.\.\.)[^\s]|[{[,][ \t]*\?/m;
const GLUED_COMMENT = /[^\s]#/;
const BLOCK_INDICATOR = /[|>][-+]?[0-9]/;
// A line whose quotes do not pair up (a quoted scalar continues on the next line); apostrophes inside plain
// words (it's) also match, which only costs the slower path.
const OPEN_QUOTE_LINE = /^[^"'\n]*(?:"[^"\n]*"[^"'\n]*|'[^'\n]*'[^"'\n]*)*(?:"[^"\n]*|'[^'\n]*)$/m;
const TAG_START = /(?:^|[\s[{,:-])!/;
const TAB_INDENT = /(?:^|\n)[ ]*\t/;
/** The specification of referenceOnly (tests compare the two): one regular expression, multiline. */
export const REFERENCE_ONLY_SPEC = new RegExp([ODD_KEY, ODD_MARKER, GLUED_COMMENT, BLOCK_INDICATOR, TAG_START, TAB_INDENT].map((re) => re.source).join('|'), 'm');

const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d;
const isBlank = (c: number) => c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);

/**
 * One pass over the text for what the regular expressions above describe (ODD_KEY, ODD_MARKER, GLUED_COMMENT,
 * BLOCK_INDICATOR, TAG_START, TAB_INDENT), an order of magnitude faster than running them. They stay as the
 * specification; the tests compare both on random text.
 */
export function referenceOnly(text: string): boolean {
  let atLineStart = true; // only spaces (or, for `?`, spaces and dashes) so far on this line
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      atLineStart = true;
      lineStart = i + 1;
      continue;
    }
    const previous = i > 0 ? text.charCodeAt(i - 1) : NaN;
    switch (c) {
      case TAB:
        if (atLineStart && /^[ ]*$/.test(text.slice(lineStart, i))) return true; // tab in indentation
        break;
      case 0x23: // '#' glued to a token
        if (!isBlank(previous)) return true;
        break;
      case 0x7c: // '|'
      case 0x3e: { // '>' with an indentation indicator
        let j = i + 1;
        if (text.charCodeAt(j) === 0x2d || text.charCodeAt(j) === 0x2b) j++;
        const d = text.charCodeAt(j);
        if (d >= 0x30 && d <= 0x39) return true;
        break;
      }
      case 0x21: // '!' starting a tag
        if (i === lineStart || isBlank(previous) || previous === 0x5b || previous === 0x7b || previous === 0x2c || previous === 0x3a || previous === 0x2d) return true;
        break;
      case 0x2d: // '-'
      case 0x2e: // '.': `---` or `...` glued to content at a line start
        if (i === lineStart && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c && !isBlank(text.charCodeAt(i + 3))) return true;
        break;
      case 0x3f: { // '?' as an explicit key
        if (isBlank(text.charCodeAt(i + 1))) {
          let j = i - 1;
          while (j >= lineStart && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB || text.charCodeAt(j) === 0x2d)) j--;
          if (j < lineStart) return true;
        }
        let k = i - 1;
        while (k >= 0 && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k--;
        const before = k >= 0 ? text.charCodeAt(k) : NaN;
        if (before === 0x7b || before === 0x5b || before === 0x2c) return true;
        break;
      }
      case 0x3a: { // ':' after an empty, null or collection key
        if (!isBlank(text.charCodeAt(i + 1))) break;
        if (i === lineStart || isBlank(previous) || previous === 0x7b || previous === 0x2c) return true;
        if (previous === 0x5d || previous === 0x7d) return true; // ']' or '}' (with spaces between, isBlank above)
        if (previous === 0x7e || previous === 0x6c || previous === 0x4c) { // '~', 'l', 'L': maybe ~ or null
          for (const word of NULL_WORDS) {
            const start = i - word.length;
            if (start >= 0 && text.startsWith(word, start)) {
              const b = start > 0 ? text.charCodeAt(start - 1) : NaN;
              if (start === lineStart || isBlank(b) || b === 0x7b || b === 0x2c) return true;
            }
          }
        }
        break;
      }
    }
    if (c !== SPACE && !(c === 0x2d && atLineStart)) atLineStart = false;
  }
  return false;
}
const NULL_WORDS = ['~', 'null', 'Null', 'NULL'];
const BLANK_ONLY = /^(?:[ \t]*(?:#.*)?\r?(?:\n|$))*$/;

function fastDocuments(chunk: Chunk): YamlDocument[] | undefined {
  // Anchors mean aliases, whose expansion only the positioned parser caps; js-yaml tolerates tabs in
  // indentation, which YAML (and the reference parser) forbids.
  // Tags (`!!int`, `!`) are rare in manifests, and the two parsers differ on odd ones: leave them to the reference.
  // Odd keys (empty, null, `? ` explicit, collections) are refused by Kubernetes: the reference says how.
  // Where js-yaml is more lenient than YAML 1.2 (and the reference): comments glued to a token, block
  // scalar indentation indicators, quoted scalars running over several lines, `---` glued to content.
  if (chunk.text.includes('&') || referenceOnly(chunk.text) || OPEN_QUOTE_LINE.test(chunk.text)) return undefined;
  let values: unknown[];
  try {
    values = jsYaml.loadAll(chunk.text, undefined, { schema: GO_YAML_V2_SCHEMA }) as unknown[];
  } catch {
    return undefined;
  }
  if (values.length > 1) return undefined; // a marker the splitter did not see: let the reference parser decide
  if (values.length === 1 && values[0] !== null && typeof values[0] === 'object' && depthExceeds(values[0], MAX_DEPTH, false)) return undefined;
  const start = contentStart(chunk);
  let positioned: Positions | undefined;
  // Positions come from a second js-yaml pass that records where each node starts (about as fast as the
  // first); when that record cannot be trusted (see nodeTree), from the reference parser.
  const lazy = () => {
    if (!positioned) {
      const tree = nodeTree(chunk.text);
      if (tree) positioned = treeLocator(tree, chunk.text, lineMapper(chunk));
      else {
        const { docs, position } = positionedChunk(chunk);
        positioned = docs[0] ? astLocator(docs[0], position) : { source: 'none', locate: () => undefined };
      }
    }
    return positioned;
  };
  if (values.length === 0) return [];
  return [{ value: values[0] ?? null, ...start, positioned: lazy }];
}

/** Offset in a chunk -> snippet line and column (1-based). */
function lineMapper(chunk: Chunk): (offset: number) => { line: number; col: number } {
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

interface ListenerState {
  position: number;
  kind: string | null;
  result: unknown;
}

/**
 * The document's node tree with start offsets, from js-yaml's open/close events. Each mapping's children
 * alternate key, value; each sequence's children are its items. Returns undefined when the events do not
 * line up with the values (flow keys without values, empty block sequence items...): the caller then uses
 * the reference parser.
 */
function nodeTree(text: string): TreeNode | undefined {
  const roots: TreeNode[] = [];
  const stack: TreeNode[] = [];
  let reliable = true;
  const listener = (event: string, state: ListenerState) => {
    if (event === 'open') {
      const node: TreeNode = { start: state.position, kind: null, children: [] };
      (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
      stack.push(node);
      return;
    }
    const node = stack.pop()!;
    node.kind = state.kind as TreeNode['kind'];
    if (node.kind === 'scalar') {
      node.value = state.result;
      node.children = [];
    } else if (node.kind === 'mapping') {
      const keys = Object.keys(state.result as object);
      if (node.children.length !== keys.length * 2) reliable = false;
    } else if (node.kind === 'sequence') {
      if (node.children.length !== (state.result as unknown[]).length) reliable = false;
    }
  };
  try {
    jsYaml.loadAll(text, undefined, { schema: GO_YAML_V2_SCHEMA, listener } as jsYaml.LoadOptions);
  } catch {
    return undefined;
  }
  return reliable && roots.length === 1 ? roots[0] : undefined;
}

// Indentation this deep only comes from pathological nesting, which the parsers handle in quadratic time.
const MAX_INDENT = 1000;
const DEEP_INDENT = new RegExp(`(?:^|\\n)[ ]{${MAX_INDENT},}`);

function tooDeeplyIndented(chunk: Chunk): YamlDocument | undefined {
  const match = DEEP_INDENT.exec(chunk.text);
  if (!match) return undefined;
  const offset = match.index + (match[0].startsWith('\n') ? 1 : 0);
  const line = chunk.startLine + chunk.text.slice(0, offset).split('\n').length;
  const problem: ParseProblem = { line, col: 1, rule: 'yaml-too-deep', message: `indented more than ${MAX_INDENT} columns` };
  return { value: null, ...contentStart(chunk), problem, positioned: () => ({ source: 'none', locate: () => undefined }) };
}

function documentsOfChunk(chunk: Chunk, fast: boolean): YamlDocument[] {
  if (BLANK_ONLY.test(chunk.text)) return [];
  const refused = tooDeeplyIndented(chunk);
  if (refused) return [refused];
  return (fast ? fastDocuments(chunk) : undefined) ?? documentsFromPositioned(chunk);
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

