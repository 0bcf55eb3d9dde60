// The project config file (`.k8s-validate.yaml` in the working folder): defaults for the command line, in the
// library's option names. Parsing is Node-free (the playground may take a pasted config); reading the file is
// config-file.ts. Every mistake is a ConfigError at its file:line:col, never a setting silently dropped.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { closest } from './check.ts';
import { msg, type Localized } from './messages.ts';
import { unknownRuleMessage } from './rule-control.ts';
import type { Position, ValidateOptions } from './types.ts';

export const CONFIG_FILE_NAMES = ['.k8s-validate.yaml', '.k8s-validate.yml'] as const;

/** What the file can set, and the command-line flag each setting gives the default of. */
const SETTINGS = {
  disableRules: { type: 'list', flag: 'disable-rule' },
  enableRules: { type: 'list', flag: 'enable-rule' },
  failOnWarning: { type: 'boolean', flag: 'fail-on-warning' },
  strict: { type: 'boolean', flag: 'strict' },
  kubernetesVersion: { type: 'string', flag: 'kubernetes-version' },
  skip: { type: 'list', flag: 'skip' },
  reject: { type: 'list', flag: 'reject' },
  ignoreMissingSchemas: { type: 'boolean', flag: 'ignore-missing-schemas' },
  schemaLocations: { type: 'list', flag: 'schema-location' },
  ignoreFilenamePatterns: { type: 'list', flag: 'ignore-filename-pattern' },
} as const satisfies Record<string, { type: 'boolean' | 'string' | 'list'; flag: string }>;

export type ProjectConfig = Pick<ValidateOptions, keyof typeof SETTINGS>;

export class ConfigError extends Error implements Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly messages: Localized;
  constructor(file: string, position: Position, messages: Localized) {
    super(`${file}:${position.line}:${position.col}: ${messages.en}`);
    this.name = 'ConfigError';
    this.file = file;
    this.line = position.line;
    this.col = position.col;
    this.messages = messages;
  }

  /** `file:line:col: message` in the wanted language. */
  localized(lang: 'en' | 'ko'): string {
    return `${this.file}:${this.line}:${this.col}: ${this.messages[lang]}`;
  }
}

/** Reads a config file's text; throws ConfigError at the first mistake. */
export function parseConfig(text: string, file: string): ProjectConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (node: Node | null | undefined): Position => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, col: pos.col };
  };
  const fail = (position: Position, messages: Localized): never => {
    throw new ConfigError(file, position, messages);
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lineCounter.linePos(syntax.pos[0]);
    fail({ line: pos.line, col: pos.col }, syntax.code === 'DUPLICATE_KEY' ? msg.duplicateKey(undefined) : msg.yamlSyntax(syntax.message.split('\n')[0]!, syntax.code));
  }
  const config: Record<string, unknown> = {};
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return config;
  if (!isMap(doc.contents)) return fail(at(doc.contents), msg.configNotMapping());
  const known = Object.keys(SETTINGS);
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!(key in SETTINGS)) fail(at(keyNode), msg.configUnknownKey(key, closest(key, known), known));
    const setting = SETTINGS[key as keyof typeof SETTINGS];
    const valueNode = pair.value as Node | null;
    const wrongType = () => fail(at(valueNode ?? keyNode), msg.configWrongType(key, setting.type));
    if (setting.type === 'list') {
      if (!isSeq(valueNode)) return wrongType();
      const items: string[] = [];
      for (const item of valueNode.items as Node[]) {
        if (!isScalar(item) || typeof item.value !== 'string' || item.value === '') return wrongType();
        const problem = itemProblem(key, item.value);
        if (problem) fail(at(item), problem);
        items.push(item.value);
      }
      config[key] = items;
    } else {
      const value = isScalar(valueNode) ? valueNode.value : undefined;
      if (key === 'kubernetesVersion' && typeof value === 'number') fail(at(valueNode), msg.configQuoteVersion());
      if (typeof value !== setting.type) return wrongType();
      config[key] = value;
    }
  }
  return config as ProjectConfig;
}

function itemProblem(key: string, value: string): Localized | undefined {
  if (key === 'disableRules' || key === 'enableRules') return unknownRuleMessage(value);
  if (key === 'ignoreFilenamePatterns') {
    try {
      new RegExp(value);
    } catch (error) {
      return msg.configBadPattern((error as Error).message);
    }
  }
  return undefined;
}

/**
 * The config as default flag values (kubeconform's flag shapes: `-skip` a comma-separated string, repeatable
 * flags lists), for the flags the command line does not give.
 */
export function configAsFlags(config: ProjectConfig): Map<string, string | boolean | string[]> {
  const flags = new Map<string, string | boolean | string[]>();
  for (const [key, value] of Object.entries(config)) {
    const { flag } = SETTINGS[key as keyof typeof SETTINGS];
    flags.set(flag, (flag === 'skip' || flag === 'reject') && Array.isArray(value) ? value.join(',') : (value as string | boolean | string[]));
  }
  return flags;
}
