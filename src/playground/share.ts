// Share links: the manifest, compressed, in the URL fragment (#yaml=...), which browsers never send to a server.
import { strFromU8, strToU8, Unzlib, zlibSync } from 'fflate';
import { DEFAULT_NAME } from './protocol.ts';

export const SHARE_KEY = 'yaml';
/** The file name, when it is not the default: it decides YAML/JSON vs Markdown, as for the CLI. */
export const NAME_KEY = 'name';
/** The Kubernetes version ('1.33') the manifest was checked against, so the link checks it the same way. */
export const VERSION_KEY = 'v';
/** Longest fragment accepted: links beyond this break in mail and chat clients anyway. */
export const MAX_SHARE_CHARS = 64 * 1024;

/** What is wrong with a share link: corrupt (bad characters, damaged data, cut short) or oversized (too long, or
 *  holding more text than the page validates). The page words each in its language. */
export type ShareProblem = 'bad-characters' | 'damaged' | 'cut-short' | 'too-long' | 'too-much-text';

export class ShareLinkError extends Error {
  readonly problem: ShareProblem;
  /** For 'too-long': the link's length in characters. */
  readonly length: number;

  constructor(problem: ShareProblem, length = 0) {
    super(`share link: ${problem}`);
    this.name = 'ShareLinkError';
    this.problem = problem;
    this.length = length;
  }

  get reason(): 'corrupt' | 'oversized' {
    return this.problem === 'too-long' || this.problem === 'too-much-text' ? 'oversized' : 'corrupt';
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareLinkError('bad-characters');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The fragment (without '#') that carries `text`, its Kubernetes version if given, and its file name unless it is the default. */
export function encodeShare(text: string, name = DEFAULT_NAME, kubernetesVersion?: string): string {
  const payload = `${SHARE_KEY}=${toBase64Url(zlibSync(strToU8(text), { level: 9 }))}`;
  const withName = name === DEFAULT_NAME ? payload : `${payload}&${NAME_KEY}=${encodeURIComponent(name)}`;
  return kubernetesVersion === undefined ? withName : `${VERSION_KEY}=${encodeURIComponent(kubernetesVersion)}&${withName}`;
}

/** What a fragment carries; undefined when the fragment is not a share link; throws ShareLinkError when it is broken.
 *  The version is as written in the link: the page checks that it has that version. */
export function decodeShare(fragment: string, maxBytes: number): { text: string; name: string; kubernetesVersion?: string } | undefined {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const payload = params.get(SHARE_KEY);
  if (payload === null) return undefined;
  if (payload.length > MAX_SHARE_CHARS) throw new ShareLinkError('too-long', payload.length);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch (error) {
    throw error instanceof ShareLinkError ? error : new ShareLinkError('bad-characters');
  }
  // Streamed, so a small link that inflates into gigabytes (a zip bomb) stops at the limit.
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Unzlib((chunk, final) => {
    size += chunk.length;
    if (size > maxBytes) throw new ShareLinkError('too-much-text');
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    inflater.push(bytes, true);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('damaged');
  }
  if (!ended) throw new ShareLinkError('cut-short');
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  const name = params.get(NAME_KEY);
  const kubernetesVersion = params.get(VERSION_KEY);
  // Only a plain file name: it names the download and picks the parser, nothing else.
  return {
    text: strFromU8(all),
    name: name && /^[\w.-]{1,100}$/.test(name) ? name : DEFAULT_NAME,
    ...(kubernetesVersion === null ? {} : { kubernetesVersion }),
  };
}
