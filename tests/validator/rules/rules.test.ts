import { describe, expect, it } from 'vitest';
import { crossResourceRules, rules, runRules, type RuleResult } from '../../../src/validator/rules/index.ts';
import { fixtureExists, loadFixture, pathText } from './fixtures.ts';

const HANGUL = /[\uac00-\ud7a3]/;
const allRules = [...rules, ...crossResourceRules];

function findingsByDocument(name: string) {
  const documents = loadFixture(name);
  const results = runRules(documents.map((d) => d.resource));
  return documents.map((d) => ({ ...d, results: results.filter((r) => r.resource === d.resource) }));
}

function describeFinding(r: RuleResult): string {
  return `${r.rule} ${pathText(r.path)}: ${r.message.en}`;
}

describe.each(allRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  it('has a failing and a passing fixture', () => {
    expect(fixtureExists(`${id}.fail.yaml`), `tests/fixtures/rules/${id}.fail.yaml`).toBe(true);
    expect(fixtureExists(`${id}.pass.yaml`), `tests/fixtures/rules/${id}.pass.yaml`).toBe(true);
  });

  it('reports exactly the expected findings on its failing fixture', () => {
    const documents = findingsByDocument(`${id}.fail.yaml`);
    expect(documents.filter((d) => d.expectedPaths.length > 0).length).toBeGreaterThan(0);
    for (const doc of documents) {
      const own = doc.results.filter((r) => r.rule === id);
      const name = (doc.resource.object.metadata as { name?: string } | undefined)?.name ?? '(no name)';
      expect(doc.declared, `${id}.fail.yaml document ${name} declares no "# expect:"`).toBe(true);
      expect(own.map((r) => pathText(r.path)).sort(), `${id}.fail.yaml document ${name}:\n${own.map(describeFinding).join('\n')}`).toEqual(
        [...doc.expectedPaths].sort(),
      );
      for (const r of own) {
        expect(r.message.en.length).toBeGreaterThan(10);
        expect(r.message.ko).toMatch(HANGUL);
        expect(r.message.ko).not.toEqual(r.message.en);
        expect(['error', 'warning']).toContain(r.severity);
      }
    }
  });

  it('reports nothing on its passing fixture, and no other rule reports an error there', () => {
    for (const doc of findingsByDocument(`${id}.pass.yaml`)) {
      const unexpected = doc.results.filter((r) => r.rule === id || r.severity === 'error');
      expect(unexpected.map(describeFinding), `${id}.pass.yaml`).toEqual([]);
    }
  });

  it('describes itself in English and Korean', () => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rule.description.en.length).toBeGreaterThan(20);
    expect(rule.description.ko).toMatch(HANGUL);
  });
});
