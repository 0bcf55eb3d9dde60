// The typed contract between the validator's stages and its users (CLI, site build, tests).
// Pipeline: sources -> parse -> registry (find schema) -> check (schema, then rules) -> output.
// Every stage lives in its own module and only talks to the others through these types.

export type Lang = 'en' | 'ko';
export type Severity = 'error' | 'warning';

/** 1-based line and column, as editors and `file:line:col` expect. */
export interface Position {
  line: number;
  col: number;
}

/** Text to validate, with where it came from. A Markdown fence is one Snippet. */
export interface Snippet {
  /** Path as given by the user (or `-`/`stdin` for standard input). */
  file: string;
  text: string;
  /** Added to every line reported inside `text` (fence start in a page; 0 for whole files). */
  lineOffset: number;
  /** 'yaml' also covers JSON (JSON is YAML). */
  language: 'yaml';
  /** Set for Markdown/MDX fences the author opted out of validation; such snippets are counted, not checked. */
  optedOut?: boolean;
}

/** A problem with the input as a whole (unreadable file, bad encoding, YAML syntax...). */
export interface Diagnostic extends Position {
  file: string;
  severity: Severity;
  /** Stable id: 'schema', 'yaml-syntax', 'removed-api', 'job-restart-policy', ... */
  rule: string;
  message: string;
  /** JSON-pointer-like path inside the resource ('/spec/template/spec/containers/0/name'), when relevant. */
  path?: string;
}

export type ResourceStatus = 'valid' | 'invalid' | 'error' | 'skipped';

/** One Kubernetes resource (one YAML document, or one item of a `kind: List`). */
export interface ResourceResult extends Position {
  file: string;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  status: ResourceStatus;
  /** Why it was skipped (-skip, -ignore-missing-schemas). */
  skipReason?: string;
  /** Errors and warnings, sorted by position. Warnings alone leave the status 'valid'. */
  diagnostics: Diagnostic[];
}

export interface ValidationSummary {
  valid: number;
  invalid: number;
  errors: number;
  skipped: number;
  warnings: number;
  /** Markdown/MDX fences opted out of validation. */
  optedOut: number;
  files: number;
}

export interface ValidationReport {
  resources: ResourceResult[];
  /** Problems that belong to no resource (missing path, unreadable file, YAML syntax error before any document). */
  fileDiagnostics: Diagnostic[];
  summary: ValidationSummary;
  /** False when any resource is invalid/error or any file diagnostic is an error. */
  ok: boolean;
  kubernetesVersion: string;
}

export interface ValidateOptions {
  /** Bundled Kubernetes version ('1.36'); others are refused before any work. */
  kubernetesVersion?: string;
  /** Reject properties not in the schema (kubeconform -strict). Default true for the library. */
  strict?: boolean;
  /** Kinds or GVKs ('Deployment', 'apps/v1/Deployment') to skip / to reject. */
  skip?: string[];
  reject?: string[];
  ignoreMissingSchemas?: boolean;
  /** Extra schema locations: folders or path templates like kubeconform's -schema-location. */
  schemaLocations?: string[];
  /** Regexes; matching file paths are not read. */
  ignoreFilenamePatterns?: string[];
  /** Language of messages. */
  lang?: Lang;
  /** Run the API-server rules (default true). */
  rules?: boolean;
}

/** Options of validatePaths (the Node library API) beyond those of validateText. */
export interface ValidatePathsOptions extends ValidateOptions {
  /** Worker threads for big inputs (CLI -n). Default 1: everything in the calling thread. */
  workers?: number;
  /** Stop reading further files after the first invalid or failed resource (CLI -exit-on-error). */
  exitOnError?: boolean;
  /** A path that does not exist is not an error (for builds that validate folders that may not exist yet). */
  ignoreMissingPaths?: boolean;
}

// ---- registry stage: find the schema for a group-version-kind -------------------------------

import type { ErrorObject, ValidateFunction } from 'ajv';
export type { ErrorObject, ValidateFunction };

export type SchemaLookup =
  /** `validate` is a compiled ajv function; its `errors` are mapped to positions by the check stage. */
  | { status: 'found'; validate: ValidateFunction; source: string }
  /** A removed API version: the message names the replacement ('batch/v1 CronJob'). */
  | { status: 'removed'; removedIn: string; replacement: string }
  | { status: 'missing' };

export interface SchemaRegistry {
  readonly kubernetesVersion: string;
  lookup(apiVersion: string, kind: string): SchemaLookup;
}

/**
 * How the registry reads local schema folders and path templates (-schema-location). The core has no file
 * access of its own (it also runs in the browser): the Node library API passes schema-files.ts's.
 */
export interface SchemaFiles {
  exists(path: string): boolean;
  isFile(path: string): boolean;
  isFolder(path: string): boolean;
  readText(path: string): string;
  /** The folder part of a path, as the host's path module gives it. */
  dirname(path: string): string;
}

// ---- check stage: API-server rules beyond JSON Schema ------------------------------------------

/** A parsed resource handed to the rules: plain JSON value, no YAML nodes. */
export interface Resource {
  file: string;
  apiVersion: string;
  kind: string;
  object: Record<string, unknown>;
}

export interface RuleFinding {
  /** Path inside the resource to the offending node, e.g. ['spec','template','spec','restartPolicy']. */
  path: (string | number)[];
  /** Point at the key (e.g. missing or extra field) or its value (default). */
  at?: 'key' | 'value';
  message: Record<Lang, string>;
  /** Overrides the rule's default severity. */
  severity?: Severity;
}

export interface Rule {
  /** Stable kebab-case id shown as `error[id]`. */
  id: string;
  severity: Severity;
  description: Record<Lang, string>;
  /** 'group/version/Kind' or 'Kind' entries this rule applies to; omitted means every resource. */
  appliesTo?: string[];
  check(resource: Resource): RuleFinding[];
}

/** Rules that look at every resource of one run together (e.g. StatefulSet serviceName vs headless Service). */
export interface CrossResourceRule {
  id: string;
  severity: Severity;
  description: Record<Lang, string>;
  checkAll(resources: Resource[]): Array<RuleFinding & { resource: Resource }>;
}
