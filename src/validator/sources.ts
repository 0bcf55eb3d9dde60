// Stage 1: find and read the inputs, and cut them into snippets of YAML text with their place in the file.
// Files and folders (recursively: .yaml .yml .json .md .mdx), standard input (`-`), and the ```yaml / ```yml
// fences of Markdown/MDX pages (with their line and column in the page).
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
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

export const STDIN = '-';
const FOLDER_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.md', '.mdx']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.mdx']);

export function isMarkdown(file: string): boolean {
  return MARKDOWN_EXTENSIONS.has(extname(file).toLowerCase());
}

function fileDiagnostic(file: string, message: string, rule: string, line = 1, col = 1): Diagnostic {
  return { file, line, col, severity: 'error', rule, message };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'not a directory (a parent of this path is a file)';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return error instanceof Error ? error.message : String(error);
  }
}

// ---- finding files ---------------------------------------------------------------------------

export interface FileList {
  files: string[];
  diagnostics: Diagnostic[];
}

/** Expands folders (sorted, recursive), keeps explicit files whatever their extension, drops ignored names. */
export async function listFiles(paths: string[], ignoreFilenamePatterns: string[] = []): Promise<FileList> {
  const ignored = ignoreFilenamePatterns.map((pattern) => new RegExp(pattern));
  const isIgnored = (path: string) => ignored.some((re) => re.test(path));
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];

  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      diagnostics.push(fileDiagnostic(folder, `cannot read folder: ${describeFsError(error)}`, 'unreadable'));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (isIgnored(path)) continue;
      if (entry.isDirectory()) await walk(path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && FOLDER_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    }
  };

  for (const path of paths) {
    if (path === STDIN) {
      files.push(STDIN);
      continue;
    }
    if (isIgnored(path)) continue;
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      diagnostics.push(fileDiagnostic(path, `cannot read: ${describeFsError(error)}`, 'unreadable'));
      continue;
    }
    if (info.isDirectory()) await walk(path);
    else files.push(path);
  }
  return { files, diagnostics };
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

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads one file (or stdin) and cuts it into snippets. */
export async function readSource(file: string): Promise<SourceFile> {
  let buffer: Uint8Array;
  try {
    // Synchronous: one small file at a time, and the thread has nothing else to do meanwhile.
    buffer = file === STDIN ? await readStdin() : readFileSync(file);
  } catch (error) {
    return { file, snippets: [], diagnostics: [fileDiagnostic(file, `cannot read: ${describeFsError(error)}`, 'unreadable')] };
  }
  if (file === STDIN && buffer.length === 0) {
    return { file, snippets: [], diagnostics: [fileDiagnostic(file, 'standard input is empty: nothing to validate', 'empty-input')] };
  }
  const decoded = decodeText(file, buffer);
  if ('diagnostic' in decoded) return { file, snippets: [], diagnostics: [decoded.diagnostic] };
  return { file, snippets: snippetsFromText(decoded.text, file), diagnostics: [] };
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
