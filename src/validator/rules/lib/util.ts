// Small, defensive accessors for the plain objects the rules receive. Rules run after the schema check,
// but a resource that failed the schema is still handed over, so every value may be null or of the wrong type.
import type { Lang, RuleFinding, Severity } from '../../types.ts';

export type Path = (string | number)[];
export type Obj = Record<string, unknown>;
export type Msg = Record<Lang, string>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): Obj | undefined {
  return isObj(value) ? value : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string map (labels, annotations, matchLabels, selector). Non-string values are skipped. */
export function entries(value: unknown): [string, unknown][] {
  return isObj(value) ? Object.entries(value) : [];
}

/** Whether the key is present with a value other than null (kubectl drops nulls). */
export function has(o: Obj | undefined, key: string): boolean {
  return o !== undefined && o[key] !== undefined && o[key] !== null;
}

export function msg(en: string, ko: string): Msg {
  return { en, ko };
}

export function finding(path: Path, message: Msg, extra?: { at?: 'key' | 'value'; severity?: Severity }): RuleFinding {
  const f: RuleFinding = { path, message };
  if (extra?.at) f.at = extra.at;
  if (extra?.severity) f.severity = extra.severity;
  return f;
}

/** A finding for a missing field: points at the parent's key, as the contract asks. */
export function missing(parentPath: Path, message: Msg): RuleFinding {
  return { path: parentPath, at: 'key', message };
}

/** Quote a user value for a message, shortened so a huge value cannot flood the output. */
export function q(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  if (text.length > 80) text = `${text.slice(0, 77)}...`;
  return `"${text}"`;
}

/** Integer check that also accepts integral floats parsed from YAML (3.0). */
export function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
