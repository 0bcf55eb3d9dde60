// The parse stage: go-yaml v2 scalar rules, document splitting, duplicate keys, and the promise that the
// fast path (js-yaml) and the positioned path (`yaml`) read every document the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseDocuments, parseDocumentsPositioned, splitDocuments } from '../../src/validator/parse.ts';
import { referenceOnly, REFERENCE_ONLY_SPEC } from '../../src/validator/parse-fast.ts';
import { resolvePlainScalar } from '../../src/validator/scalars.ts';

const values = (text: string) => parseDocuments(text).map((d) => d.value);
const positionedValues = (text: string) => parseDocumentsPositioned(text).map((d) => d.value);

// What go-yaml v2 (and so kubectl and the API server's YAML reader) makes of plain scalars.
const GO_YAML_V2: Array<[string, unknown]> = [
  ['yes', true], ['Yes', true], ['YES', true], ['on', true], ['y', true], ['Y', true], ['true', true], ['True', true],
  ['no', false], ['No', false], ['off', false], ['n', false], ['N', false], ['false', false], ['FALSE', false],
  ['~', null], ['null', null], ['Null', null], ['', null],
  ['0777', 511], ['0o17', 15], ['0x1F', 31], ['-0x1F', -31], ['0b101', 5], ['1_000', 1000], ['+12', 12], ['-7', -7], ['0', 0],
  ['08', 8], ['1e3', 1000], ['1.5', 1.5], ['.5', 0.5], ['-.5', -0.5], ['.inf', Infinity], ['-.Inf', -Infinity],
  ['1:20', '1:20'], ['2024-01-01', '2024-01-01'], ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
  ['e1', 'e1'], ['0x', '0x'], ['1.2.3', '1.2.3'], ['yess', 'yess'], ['NO_PROXY', 'NO_PROXY'], ['.', '.'],
  ['nginx:1.27', 'nginx:1.27'], ['100m', '100m'], ['64Mi', '64Mi'],
];

describe('go-yaml v2 scalars', () => {
  it.each(GO_YAML_V2)('plain %j reads as %j', (text, expected) => {
    expect(resolvePlainScalar(text)).toEqual(expected);
    if (text === '') return;
    const doc = `value: ${text}\n`;
    expect(values(doc)).toEqual([{ value: expected }]);
    expect(positionedValues(doc)).toEqual([{ value: expected }]);
  });

  it('quoted scalars stay strings; explicit tags are honoured', () => {
    const doc = 'a: "yes"\nb: \'0777\'\nc: !!str 12\nd: !!int "12"\ne: !!float 1\n';
    const expected = { a: 'yes', b: '0777', c: '12', d: 12, e: 1 };
    expect(values(doc)).toEqual([expected]);
    expect(positionedValues(doc)).toEqual([expected]);
  });

  it('keys go through the same rules (yes: is the key "true")', () => {
    expect(values('yes: 1\n')).toEqual([{ true: 1 }]);
    expect(positionedValues('yes: 1\n')).toEqual([{ true: 1 }]);
  });
});

describe('documents', () => {
  it('splits at --- and ..., keeps line numbers, skips blank chunks', () => {
    const text = '# head\na: 1\n---\nb: 2\n...\n---\n\n--- # c\nc: 3\n';
    expect(splitDocuments(text).map((c) => c.startLine)).toEqual([0, 2, 5, 7]);
    const docs = parseDocuments(text);
    expect(docs.map((d) => [d.value, d.line])).toEqual([[{ a: 1 }, 2], [{ b: 2 }, 4], [null, 6], [{ c: 3 }, 9]]);
  });

  it('a --- inside a block scalar at column 0 is a document marker, as the YAML spec says', () => {
    expect(values('a: |\n  text\n---\nb: 1\n')).toEqual([{ a: 'text\n' }, { b: 1 }]);
  });

  it('duplicate keys are a problem with the second key position', () => {
    const [doc] = parseDocuments('a: 1\nb:\n  c: 1\n  c: 2\n');
    expect(doc.problem).toEqual({ line: 4, col: 3, message: 'duplicate key "c"', code: 'DUPLICATE_KEY', rule: 'yaml-duplicate-key' });
  });

  it('a syntax error stays in its document; the others are read', () => {
    const docs = parseDocuments('a: 1\n---\nb: [1, 2\n---\nc: 3\n');
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, null, { c: 3 }]);
    expect(docs[1].problem).toMatchObject({ rule: 'yaml-syntax', line: 4 });
  });

  it('anchors and merge keys are read (by the positioned parser)', () => {
    const text = 'base: &b\n  x: 1\nmerged:\n  <<: *b\n  z: 2\n';
    expect(values(text)).toEqual([{ base: { x: 1 }, merged: { x: 1, z: 2 } }]);
  });

  it('the key `y` is the boolean true in go-yaml v2, so it becomes the JSON key "true" (a classic gotcha)', () => {
    expect(values('y: 2\n')).toEqual([{ true: 2 }]);
  });
});

// ---- the fast path and the positioned path agree -------------------------------------------------

const trickyScalar = fc.constantFrom(...GO_YAML_V2.map(([text]) => text).filter((t) => t !== ''), 'plain', 'a b', 'k8s.io/name', '-1.5e-3', '0.0', '00', '0_7');
const key = fc.oneof(fc.constantFrom('apiVersion', 'kind', 'metadata', 'name', 'spec', 'yes', '1', 'on'), fc.string({ minLength: 1, maxLength: 8 }));
const leaf = fc.oneof(trickyScalar, fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).node;

function allPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

describe('fast path guards', () => {
  it('the one-pass scanner says what its regular-expression specification says', () => {
    // Line breaks are LF by then (splitDocuments normalises CR and CRLF).
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom(...'ab :-\n\t[]{},#!|>?~.0nulN\'"'.split('')) }), (text) => {
        expect(referenceOnly(text)).toBe(REFERENCE_ONLY_SPEC.test(text));
      }),
      { numRuns: 20_000, seed: 3 },
    );
  });
});

describe('fast path == positioned path', () => {
  it('locates every key and value at the same line and column', () => {
    const sources: string[] = [];
    fc.assert(
      fc.property(tree, fc.constantFrom('block', 'flow'), fc.boolean(), (value, style, comments) => {
        let text = stringify({ root: value }, { collectionStyle: style === 'flow' ? 'flow' : 'block', version: '1.1' });
        if (comments) text = text.replace(/: \n/g, ': # note\n').replace(/\n/g, '\n\n');
        const [fast] = parseDocuments(text);
        const [reference] = parseDocumentsPositioned(text);
        expect(fast.value).toEqual(reference.value);
        sources.push(fast.positioned().source);
        expect(reference.positioned().source).toBe('ast');
        for (const path of allPaths(fast.value)) {
          for (const at of ['key', 'value'] as const) {
            expect([path, at, fast.positioned().locate(path, at)]).toEqual([path, at, reference.positioned().locate(path, at)]);
          }
          expect(fast.positioned().locate([...path, 'missing'], 'key')).toEqual(reference.positioned().locate([...path, 'missing'], 'key'));
        }
      }),
      { numRuns: 500, seed: 4242 },
    );
    // The comparison means something only if the fast path's own record was used often (random strings full
    // of quotes, # and tags send the rest to the reference parser).
    expect(sources.filter((s) => s === 'tree').length).toBeGreaterThan(sources.length / 4);
  });

  it('real manifests are located through the fast path, at the same places', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { fixtures, seed } = await import('./helpers.ts');
    const files = [seed, ...readdirSync(`${fixtures}manifests`).map((f) => `${fixtures}manifests/${f}`)];
    let located = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const fast = parseDocuments(text);
      const reference = parseDocumentsPositioned(text);
      fast.forEach((doc, i) => {
        if (doc.problem || doc.value === null) return;
        // Tab-indented JSON goes to the reference parser (YAML forbids tabs as indentation in block context).
        expect(doc.positioned().source).toBe(file.endsWith('.json') ? 'ast' : 'tree');
        for (const path of allPaths(doc.value)) {
          expect(doc.positioned().locate(path, 'key')).toEqual(reference[i].positioned().locate(path, 'key'));
          expect(doc.positioned().locate(path, 'value')).toEqual(reference[i].positioned().locate(path, 'value'));
          located++;
        }
      });
    }
    expect(located).toBeGreaterThan(200);
  });

  it('on generated documents in every YAML style (block, flow, quoted, tricky plain scalars)', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('block', 'flow'), fc.boolean(), (value, style, plainTricky) => {
        let text = stringify(value, { collectionStyle: style === 'flow' ? 'flow' : 'block', version: '1.1' });
        // Replace quoted tricky scalars by their plain form, so go-yaml rules are exercised, not just quoting.
        if (plainTricky) text = text.replace(/"(yes|no|on|off|y|n|0777|0x1F|1_000|1:20|2024-01-01)"/g, '$1');
        const fast = parseDocuments(text);
        const reference = parseDocumentsPositioned(text);
        expect(fast.map((d) => d.value)).toEqual(reference.map((d) => d.value));
        expect(fast.map((d) => d.problem?.rule)).toEqual(reference.map((d) => d.problem?.rule));
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it('on arbitrary text: equal values whenever the fast path accepts it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120, unit: fc.constantFrom(...'ab: -\n\t[]{},#&*!|>\'"%@`yesno0177x_.~?'.split('')) }), (text) => {
        const fast = parseDocuments(text);
        const reference = parseDocumentsPositioned(text);
        expect(fast.map((d) => (d.problem ? 'problem' : d.value))).toEqual(reference.map((d) => (d.problem ? 'problem' : d.value)));
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});
