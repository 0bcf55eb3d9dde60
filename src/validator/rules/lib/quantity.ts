// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource), parsed exactly as rationals with BigInt
// so that "1Gi" vs "1073741824", "500m" vs "0.5" or "1e3" vs "1k" compare without floating-point error.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** value = num / den, den > 0. */
  num: bigint;
  den: bigint;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const SHAPE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(.*)$/;
const EXPONENT = /^[eE]([+-]?\d+)$/;

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(num: bigint, den: bigint, format: QuantityFormat): Quantity {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g, format };
}

// Manifests repeat the same few quantities ("100m", "64Mi"), and several rules read each one: parsed once.
const parsedQuantities = new Map<string | number, Quantity | null>();

/** Parses a quantity written as a string or a YAML number; undefined when it is not a valid quantity. */
export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  let parsed = parsedQuantities.get(input);
  if (parsed === undefined) {
    const quantity = parseQuantityText(input);
    parsed = quantity ? Object.freeze(quantity) : null;
    if (parsedQuantities.size >= 4096) parsedQuantities.clear();
    parsedQuantities.set(input, parsed);
  }
  return parsed ?? undefined;
}

function parseQuantityText(input: string | number): Quantity | undefined {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    text = String(input);
  } else if (typeof input === 'string') text = input.trim();
  else return undefined;
  const m = SHAPE.exec(text);
  if (!m) return undefined;
  const [, sign, digits, suffix] = m as unknown as [string, string, string, string];
  const [intPart, fracPart = ''] = digits.split('.');
  let num = BigInt((intPart || '0') + fracPart);
  let den = 10n ** BigInt(fracPart.length);
  if (sign === '-') num = -num;

  let format: QuantityFormat;
  if (suffix in BINARY) {
    num *= 2n ** BigInt(BINARY[suffix]!);
    format = 'BinarySI';
  } else if (suffix in DECIMAL) {
    const exp = DECIMAL[suffix]!;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
    format = 'DecimalSI';
  } else {
    const e = EXPONENT.exec(suffix);
    if (!e) return undefined;
    const exp = Number(e[1]);
    if (Math.abs(exp) > 1000) return undefined;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
    format = 'DecimalExponent';
  }
  return make(num, den, format);
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function quantityEquals(q: Quantity, num: bigint, den = 1n): boolean {
  return q.num * den === num * q.den;
}
