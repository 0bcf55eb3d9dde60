// Finds where a path inside a resource sits in the YAML text: walks the `yaml` AST segment by segment
// (resolving aliases and merge keys) and returns the key's or the value's position.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type PathSegment = string | number;

export interface Positions {
  /** Which parser's record the positions come from (the fast path's node tree, or the reference AST). */
  readonly source: 'tree' | 'ast' | 'none';
  /** Position of a path's key or value (the deepest existing node when the path goes further). */
  locate(path: PathSegment[], at: 'key' | 'value'): { line: number; col: number } | undefined;
}

/** Splits an ajv instancePath ('/spec/containers/0/a~1b') into segments, unescaping ~1 and ~0. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function pathToPointer(path: PathSegment[]): string {
  return path.map((segment) => '/' + String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

function resolve(node: unknown, doc: Document.Parsed): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(doc);
  return current;
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? 'null' : String(key.value);
  return undefined;
}

function findPair(map: unknown, segment: string, doc: Document.Parsed, depth = 0): Pair<Node, unknown> | undefined {
  if (!isMap(map) || depth > 20) return undefined;
  let merged: Pair<Node, unknown> | undefined;
  for (const pair of map.items as Pair<Node, unknown>[]) {
    const key = keyText(pair);
    if (key === segment) return pair;
    if (key === '<<' && merged === undefined) {
      const source = resolve(pair.value, doc);
      const sources = isSeq(source) ? source.items.map((item) => resolve(item, doc)) : [source];
      for (const candidate of sources) {
        merged = findPair(candidate, segment, doc, depth + 1);
        if (merged) break;
      }
    }
  }
  return merged;
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

/** True for an empty value (`name:` with nothing after it): pointing at its key reads better. */
function isEmptyScalar(node: unknown): boolean {
  if (!isScalar(node) || node.value !== null) return false;
  const range = node.range;
  return !range || range[0] === range[1];
}

type Position = { line: number; col: number };

/**
 * Locator over the `yaml` AST: the position of `path` in the document, its key (`at: 'key'`) or its value.
 * When the path goes further than the document (a missing field), the deepest existing node on the way is
 * used. An empty value (`name:`) is pointed at through its key.
 */
export function astLocator(doc: Document.Parsed, position: (offset: number) => Position): Positions {
  return { source: 'ast', locate: (path, at) => locateInAst(doc, position, path, at) };
}

function locateInAst(doc: Document.Parsed, position: (offset: number) => Position, path: PathSegment[], at: 'key' | 'value'): Position | undefined {
  let node: unknown = resolve(doc.contents, doc);
  let keyNode: unknown = undefined;
  let best = startOf(node);
  for (const segment of path) {
    let next: unknown;
    let nextKey: unknown;
    if (isMap(node)) {
      const pair = findPair(node, String(segment), doc);
      if (pair) {
        nextKey = pair.key;
        next = pair.value;
      }
    } else if (isSeq(node)) {
      const index = Number(segment);
      if (Number.isInteger(index) && index >= 0 && index < node.items.length) {
        next = node.items[index];
        nextKey = next;
      }
    }
    if (nextKey === undefined) break; // the rest of the path does not exist: keep the deepest node found
    keyNode = nextKey;
    node = resolve(next, doc);
    best = at === 'key' || isEmptyScalar(next) || next == null ? startOf(keyNode) : startOf(next);
    if (best === undefined) best = startOf(keyNode);
  }
  if (path.length === 0 && at === 'key') best = startOf(node);
  return best === undefined ? undefined : position(best);
}

// ---- the same walk over js-yaml's node tree (fast path) ------------------------------------------

/** A node seen through js-yaml's listener: where it starts, what it is, its children in document order. */
export interface TreeNode {
  start: number;
  kind: 'mapping' | 'sequence' | 'scalar' | null;
  /** Resolved value of a scalar (mapping keys are matched through it). */
  value?: unknown;
  children: TreeNode[];
}

/** js-yaml reports a value's start before the spaces, line breaks and comments that lead to it. */
function contentStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol + 1;
    } else break;
  }
  return i;
}

function keyString(node: TreeNode): string {
  return node.value === null || node.value === undefined ? 'null' : String(node.value);
}

/** Locator over the fast path's node tree; gives the same positions as astLocator (tested). */
export function treeLocator(root: TreeNode, text: string, position: (offset: number) => Position): Positions {
  const startOf = (node: TreeNode) => contentStart(text, node.start);
  return {
    source: 'tree',
    locate(path, at) {
      let node = root;
      let best = startOf(node);
      for (const segment of path) {
        let next: TreeNode | undefined;
        let keyNode: TreeNode | undefined;
        if (node.kind === 'mapping') {
          for (let i = 0; i + 1 < node.children.length; i += 2) {
            if (keyString(node.children[i]) === String(segment)) {
              keyNode = node.children[i];
              next = node.children[i + 1];
              break;
            }
          }
        } else if (node.kind === 'sequence') {
          const index = Number(segment);
          if (Number.isInteger(index) && index >= 0 && index < node.children.length) keyNode = next = node.children[index];
        }
        if (!next || !keyNode) break;
        node = next;
        best = at === 'key' || next.kind === null ? startOf(keyNode) : startOf(next);
      }
      return position(best);
    },
  };
}
