// What the playground page and its validator worker say to each other.
import type { Lang, Severity } from '../validator/core.ts';

export interface ValidateRequest {
  id: number;
  /** The editor's text as UTF-8, or a loaded file's exact bytes (so binary or UTF-16 files get the CLI's message). */
  bytes: Uint8Array;
  /** The name the text is validated as (its extension decides YAML/JSON vs Markdown). */
  file: string;
  lang: Lang;
  /** The Kubernetes version to validate against ('1.33'); the newest bundled one when absent. */
  kubernetesVersion?: string;
}

export interface PlaygroundDiagnostic {
  line: number;
  col: number;
  severity: Severity;
  rule: string;
  message: string;
  /** The right spelling offered by a "did you mean" (unknown field or enum value), for a one-click fix. */
  suggestion?: string;
}

export type ValidateReply =
  | { id: number; diagnostics: PlaygroundDiagnostic[]; summary: string; kubernetesVersion: string; ms: number }
  | { id: number; failure: string };

/** The name the editor's text is validated as until a file with another name is loaded. */
export const DEFAULT_NAME = 'manifest.yaml';
/** Above this, the page does not validate (the CLI does): keeps the page responsive. */
export const MAX_INPUT_BYTES = 1024 * 1024;
/**
 * Above this many characters the editor shows the text without highlighting and line numbers: prism-code-editor tokenizes the whole
 * text on every keystroke, which makes typing lag in large texts (measured by `npm run bench:site`).
 */
export const HIGHLIGHT_LIMIT = 100 * 1024;
/** A run longer than this is stopped and the worker restarted. */
export const TIME_LIMIT_MS = 5000;
