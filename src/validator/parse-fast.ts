// The parse stage's fast path: js-yaml reads the common, valid document several times faster than the reference
// parser (parse.ts), with the same go-yaml v2 scalar rules; positions come from a second js-yaml pass when
// something must be located. Whatever js-yaml might read differently is left to the reference (referenceOnly),
// and the tests hold both paths to the same documents and positions.
// Importing this module installs the path (registerFastReader): the Node library does (index.ts, the thread
// worker); the browser playground does not, so js-yaml stays out of its download.
import jsYaml from 'js-yaml';
import { classifyPlainScalar, resolvePlainScalar } from './scalars.ts';
import { astLocator, treeLocator, type Positions, type TreeNode } from './locate.ts';
import {
  contentStart, depthExceeds, explicitValue, kindMatches, lineMapper, MAX_DEPTH, positionedChunk, registerFastReader, YAML_TAG,
  type Chunk, type YamlDocument,
} from './parse.ts';

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
export const REFERENCE_ONLY_SPEC = new RegExp([ODD_KEY, ODD_MARKER, GLUED_COMMENT, BLOCK_INDICATOR, TAG_START, TAB_INDENT, OPEN_QUOTE_LINE].map((re) => re.source).join('|'), 'm');

const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d;
const isBlank = (c: number) => c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);

/**
 * One pass over the text for what the regular expressions above describe (ODD_KEY, ODD_MARKER, GLUED_COMMENT,
 * BLOCK_INDICATOR, TAG_START, TAB_INDENT, OPEN_QUOTE_LINE), an order of magnitude faster than running them. They
 * stay as the specification; the tests compare both on random text.
 */
export function referenceOnly(text: string): boolean {
  let atLineStart = true; // only spaces (or, for `?`, spaces and dashes) so far on this line
  let lineStart = 0;
  let quote = 0; // the quote a scalar opened on this line and has not closed yet (OPEN_QUOTE_LINE), else 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Letters and most of the text decide nothing on their own ('|' is the one character above '?' that does;
    // the others only matter as the character before one that does): the common case leaves at once.
    if (c > 0x3f && c !== 0x7c) {
      atLineStart = false;
      continue;
    }
    if (c === SPACE) continue;
    if (c >= 0x30 && c <= 0x39) { // digits, as common as they decide nothing
      atLineStart = false;
      continue;
    }
    if (c === LF) {
      if (quote !== 0) return true;
      atLineStart = true;
      lineStart = i + 1;
      continue;
    }
    const previous = i > 0 ? text.charCodeAt(i - 1) : NaN;
    switch (c) {
      case 0x22: // '"'
      case 0x27: // "'"
        if (quote === 0) quote = c;
        else if (quote === c) quote = 0;
        break;
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
    if (!(c === 0x2d && atLineStart)) atLineStart = false;
  }
  return quote !== 0;
}
const NULL_WORDS = ['~', 'null', 'Null', 'NULL'];

function fastDocuments(chunk: Chunk): YamlDocument[] | undefined {
  // Anchors mean aliases, whose expansion only the positioned parser caps; js-yaml tolerates tabs in
  // indentation, which YAML (and the reference parser) forbids.
  // Tags (`!!int`, `!`) are rare in manifests, and the two parsers differ on odd ones: leave them to the reference.
  // Odd keys (empty, null, `? ` explicit, collections) are refused by Kubernetes: the reference says how.
  // Where js-yaml is more lenient than YAML 1.2 (and the reference): comments glued to a token, block
  // scalar indentation indicators, quoted scalars running over several lines, `---` glued to content.
  if (chunk.text.includes('&') || referenceOnly(chunk.text)) return undefined;
  let values: unknown[];
  try {
    values = jsYaml.loadAll(chunk.text, undefined, { schema: GO_YAML_V2_SCHEMA }) as unknown[];
  } catch {
    return undefined;
  }
  if (values.length > 1) return undefined; // a marker the splitter did not see: let the reference parser decide
  // Every level of nesting takes at least one character of its own (`:`, `-`, `[`, `{`, `?`): shorter text cannot
  // nest too deeply, and most documents are spared the walk.
  if (values.length === 1 && values[0] !== null && typeof values[0] === 'object' && chunk.text.length > MAX_DEPTH && depthExceeds(values[0], MAX_DEPTH, false)) return undefined;
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

registerFastReader(fastDocuments);
