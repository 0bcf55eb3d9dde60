// How plain (unquoted) YAML scalars are read, following go-yaml v2 (what kubectl, the API server's
// sigs.k8s.io/yaml and kubeconform use) rather than YAML 1.2 or 1.1 as the `yaml` package knows them:
// yes/no/on/off/y/n are booleans, 0777 is octal, underscores are dropped from numbers,
// timestamps stay strings and there are no sexagesimal numbers (1:20 is a string).
// Both parsers (the fast one and the positioned one) resolve scalars through `resolvePlainScalar`,
// so they cannot disagree.

export type PlainScalarKind = 'null' | 'bool' | 'int' | 'float' | 'str';

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity,
  '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity,
};
// Go's strconv.ParseInt(s, 0, 64) syntax (after go-yaml drops every '_').
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
// go-yaml v2's yamlStyleFloat.
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// go-yaml only tries numbers for scalars starting like one.
const NUMBER_HINT = /^[-+.0-9]/;

// First characters that can start anything but a string: most scalars in a manifest are names, images,
// labels... and are settled by this one lookup.
const MAYBE_NOT_STRING = new Set([...'~nNyYtTfFoO-+.0123456789']);

let lastText = '';
let lastKind: PlainScalarKind = 'null';

export function classifyPlainScalar(text: string): PlainScalarKind {
  if (text.length > 0 && !MAYBE_NOT_STRING.has(text[0])) return 'str';
  // js-yaml asks each implicit type in turn about the same scalar: remember the last answer.
  if (text === lastText) return lastKind;
  lastText = text;
  lastKind = classify(text);
  return lastKind;
}

function classify(text: string): PlainScalarKind {
  // Every null and boolean word is at most 5 characters long; keys such as "namespace" skip the lookups.
  if (text.length <= 5) {
    if (NULLS.has(text)) return 'null';
    if (TRUES.has(text) || FALSES.has(text)) return 'bool';
  }
  if (!NUMBER_HINT.test(text)) return 'str'; // the special floats start like numbers too
  if (text in SPECIAL_FLOATS) return 'float';
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  if (GO_INT.test(plain)) return 'int';
  if (GO_FLOAT.test(plain)) return 'float';
  return 'str';
}

function parseGoInt(plain: string): number {
  let sign = 1;
  let digits = plain;
  if (digits[0] === '-' || digits[0] === '+') {
    if (digits[0] === '-') sign = -1;
    digits = digits.slice(1);
  }
  let radix = 10;
  if (digits.length > 1 && digits[0] === '0') {
    const prefix = digits[1].toLowerCase();
    if (prefix === 'x') { radix = 16; digits = digits.slice(2); }
    else if (prefix === 'b') { radix = 2; digits = digits.slice(2); }
    else if (prefix === 'o') { radix = 8; digits = digits.slice(2); }
    else { radix = 8; digits = digits.slice(1); }
  }
  return sign * parseInt(digits, radix);
}

/** The JSON value go-yaml v2 gives an untagged plain scalar. */
export function resolvePlainScalar(text: string): null | boolean | number | string {
  switch (classifyPlainScalar(text)) {
    case 'null': return null;
    case 'bool': return TRUES.has(text);
    case 'int': return parseGoInt(text.replaceAll('_', ''));
    case 'float': return text in SPECIAL_FLOATS ? SPECIAL_FLOATS[text] : Number(text.replaceAll('_', ''));
    default: return text;
  }
}
