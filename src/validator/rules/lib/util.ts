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
export function missing(parentPath: Path, message: Msg, field?: string): RuleFinding {
  const f: RuleFinding = { path: parentPath, at: 'key', message };
  if (field !== undefined) f.field = field;
  return f;
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

const PARTICLES = {
  '은/는': ['은', '는'],
  '이/가': ['이', '가'],
  '을/를': ['을', '를'],
  '와/과': ['과', '와'],
  '으로/로': ['으로', '로'],
} as const;

/** Digits read in Korean (영, 일, 이, 삼, ...): which end in a final consonant, and which in ㄹ. */
const DIGIT_FINAL = '0136778'.split('').map(Number);
const DIGIT_RIEUL = [1, 7, 8];
/** Latin word endings read with a final consonant in Korean (Job 잡, Set 셋, Map 맵, Ten 텐, Mail 메일; not Deployment 트). */
const LATIN_FINAL = /[aeiou][bckpt]$|[lmn]$|ng$|(le|me|ne)$/i;

/**
 * A Korean particle after a word that may be Latin, digits or quoted ("Job은", "Deployment는", "\"web_1\"은"),
 * chosen by how the word's last character is read. Messages interpolate kinds and values, so the particle
 * cannot be written by hand.
 */
export function josa(value: string | number, particle: keyof typeof PARTICLES): string {
  const word = String(value);
  const [withFinal, withoutFinal] = PARTICLES[particle];
  const core = word.replace(/["'`)\]}\s]+$/, '');
  const last = core.at(-1) ?? '';
  let final = false;
  let rieul = false;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    final = jong !== 0;
    rieul = jong === 8;
  } else if (/\d/.test(last)) {
    final = DIGIT_FINAL.includes(Number(last));
    rieul = DIGIT_RIEUL.includes(Number(last));
  } else if (/[A-Z]{2,}s?$/.test(core) && /[A-Z]$/.test(core)) {
    // An acronym is read letter by letter: only L (엘), M (엠), N (엔) and R (알) end in a consonant.
    final = /[LMNR]$/.test(core);
    rieul = /[LR]$/.test(core);
  } else {
    final = LATIN_FINAL.test(core);
    rieul = /l$|le$/i.test(core);
  }
  if (particle === '으로/로') return word + (final && !rieul ? withFinal : withoutFinal);
  return word + (final ? withFinal : withoutFinal);
}
