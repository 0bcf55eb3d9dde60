// Stage 1 (Node only): find the input files (folders recursively: .yaml .yml .json .md .mdx; standard input
// as `-`) and read them into snippets (sources.ts cuts the text).
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { decodeText, fileDiagnostic, snippetsFromText, type SourceFile } from './sources.ts';
import type { Diagnostic } from './types.ts';

export const STDIN = '-';
const FOLDER_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.md', '.mdx']);

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

