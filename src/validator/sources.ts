// Stage 1 (Node-free part): cut a file's text into snippets of YAML text with their place in the file: the
// whole text for YAML/JSON, the ```yaml / ```yml fences of Markdown/MDX pages (with their line and column in
// the page); decode bytes into text. Finding and reading files is in files.ts (Node only).
import type { Diagnostic, Snippet } from './types.ts';

/** A snippet plus the columns its fence's indentation removed (0 for whole files). */
export interface SourceSnippet extends Snippet {
  colOffset: number;
}

export interface SourceFile {
  file: string;
  snippets: SourceSnippet[];
  /** Unreadable, binary, badly encoded... (the file then has no snippets). */
  diagnostics: Diagnostic[];
}

const MARKDOWN_EXTENSIONS = new Set(['.md', '.mdx']);

/** The extension of a file name, lower-cased, with its dot ('.yaml'); '' when there is none. */
export function extensionOf(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function isMarkdown(file: string): boolean {
  return MARKDOWN_EXTENSIONS.has(extensionOf(file));
}

export function fileDiagnostic(file: string, message: string, rule: string, line = 1, col = 1): Diagnostic {
  return { file, line, col, severity: 'error', rule, message };
}

// ---- reading and decoding ------------------------------------------------------------------------

const utf8 = new TextDecoder('utf-8', { fatal: true });

function lineColAt(buffer: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (buffer[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const col = new TextDecoder().decode(buffer.subarray(lineStart, offset)).length + 1;
  return { line, col };
}

/** Offset of the first byte that is not valid UTF-8 (only called once the decoder has refused the file). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    const trailing = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (trailing < 0 || i + trailing >= bytes.length) return i;
    for (let k = 1; k <= trailing; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    const next = bytes[i + 1];
    // Overlong forms, surrogates and code points above U+10FFFF.
    if ((c === 0xe0 && next < 0xa0) || (c === 0xed && next > 0x9f) || (c === 0xf0 && next < 0x90) || (c === 0xf4 && next > 0x8f)) return i;
    i += trailing + 1;
  }
  return bytes.length;
}

/** Turns file bytes into text, or a diagnostic naming the problem (binary, UTF-16, invalid UTF-8). */
export function decodeText(file: string, buffer: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    return { diagnostic: fileDiagnostic(file, 'file is UTF-16 encoded; save it as UTF-8', 'encoding') };
  }
  const nul = buffer.indexOf(0);
  if (nul !== -1) {
    const { line, col } = lineColAt(buffer, nul);
    return { diagnostic: fileDiagnostic(file, 'binary file (contains NUL bytes), not YAML', 'encoding', line, col) };
  }
  let text: string;
  try {
    text = utf8.decode(buffer);
  } catch {
    const { line, col } = lineColAt(buffer, firstInvalidUtf8(buffer));
    return { diagnostic: fileDiagnostic(file, 'invalid UTF-8 byte sequence', 'encoding', line, col) };
  }
  // TextDecoder already drops a leading UTF-8 BOM (ignoreBOM is false).
  return { text };
}

// ---- Markdown / MDX fences --------------------------------------------------------------------------

const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const YAML_LANGUAGES = new Set(['yaml', 'yml']);

/** Lines of a page, without their line breaks (a trailing \r is kept off too). */
function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** Index of the first line after a leading `---` frontmatter block (0 when there is none). */
function frontmatterEnd(lines: string[]): number {
  if (lines[0] !== '---') return 0;
  for (let i = 1; i < lines.length; i++) if (lines[i] === '---' || lines[i] === '...') return i + 1;
  return 0;
}

/**
 * Every ```yaml / ```yml (or ~~~) fence of a Markdown/MDX page, including fences indented inside lists or
 * JSX components. The fence's indentation is removed from its lines and given back as `colOffset`.
 */
export function markdownSnippets(text: string, file: string): SourceSnippet[] {
  const lines = splitLines(text);
  const snippets: SourceSnippet[] = [];
  let i = frontmatterEnd(lines);
  while (i < lines.length) {
    const open = FENCE_OPEN.exec(lines[i]);
    if (!open || (open[2][0] === '`' && open[3].includes('`'))) {
      i++;
      continue;
    }
    const [, indent, marker, info] = open;
    const closing = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end])) end++;
    const words = info.trim().split(/[\s{]+/);
    const language = (words[0] ?? '').toLowerCase();
    if (YAML_LANGUAGES.has(language)) {
      const body = lines.slice(i + 1, end).map((line) => stripIndent(line, indent.length));
      snippets.push({
        file,
        text: body.join('\n') + '\n',
        lineOffset: i + 1,
        colOffset: indent.length,
        language: 'yaml',
        ...(/(^|[^\w-])novalidate([^\w-]|$)/.test(info) ? { optedOut: true } : {}),
      });
    }
    i = end + 1;
  }
  return snippets;
}

function stripIndent(line: string, width: number): string {
  let n = 0;
  while (n < width && (line[n] === ' ' || line[n] === '\t')) n++;
  return line.slice(n);
}

/** Cuts a file's text into snippets: the whole text for YAML/JSON, the YAML fences for Markdown/MDX. */
export function snippetsFromText(text: string, file: string): SourceSnippet[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (isMarkdown(file)) return markdownSnippets(text, file);
  return [{ file, text, lineOffset: 0, colOffset: 0, language: 'yaml' }];
}
