import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource, Rule } from '../../../src/validator/types.ts';
import { crossResourceRules, describeRules, ruleApplies, rules, runRules } from '../../../src/validator/rules/index.ts';
import { FIXTURE_DIR, loadFixture } from './fixtures.ts';

function resource(apiVersion: string, kind: string, object: Record<string, unknown>): Resource {
  return { file: 'test.yaml', apiVersion, kind, object: { apiVersion, kind, ...object } };
}

describe('runRules', () => {
  it('matches appliesTo by Kind and by group/version/Kind (core group as v1/Kind)', () => {
    const deployment = resource('apps/v1', 'Deployment', {});
    const service = resource('v1', 'Service', {});
    const customService = resource('example.com/v1', 'Service', {});
    expect(ruleApplies({ appliesTo: ['Deployment'] }, deployment)).toBe(true);
    expect(ruleApplies({ appliesTo: ['apps/v1/Deployment'] }, deployment)).toBe(true);
    expect(ruleApplies({ appliesTo: ['apps/v1beta1/Deployment'] }, deployment)).toBe(false);
    expect(ruleApplies({ appliesTo: ['v1/Service'] }, service)).toBe(true);
    expect(ruleApplies({ appliesTo: ['v1/Service'] }, customService)).toBe(false);
    expect(ruleApplies({ appliesTo: ['Service'] }, customService)).toBe(true);
    expect(ruleApplies({}, customService)).toBe(true);
  });

  it('tags each finding with its resource, rule id and severity (a finding may override the severity)', () => {
    const ingress = resource('networking.k8s.io/v1', 'Ingress', {
      metadata: { name: 'web', annotations: { 'kubernetes.io/ingress.class': 'nginx' } },
      spec: { ingressClassName: 'nginx', defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
    });
    const results = runRules([ingress]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ rule: 'ingress-class-annotation', severity: 'warning', resource: ingress, at: 'key' });
    expect(results[0]!.path).toEqual(['metadata', 'annotations', 'kubernetes.io/ingress.class']);
  });

  it('leaves rules of other kinds out: a Job rule does not fire on a custom resource called Job', () => {
    const custom = resource('example.com/v1', 'Job', {
      metadata: { name: 'x' },
      spec: { template: { spec: { restartPolicy: 'Always', containers: [{ name: 'a', image: 'a:1' }] } } },
    });
    expect(runRules([custom]).map((r) => r.rule)).toEqual([]);
  });

  it('runs the cross-resource rules over all resources of the run, across files', () => {
    const statefulSet = resource('apps/v1', 'StatefulSet', {
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:17' }] } },
      },
    });
    const headless: Resource = { ...resource('v1', 'Service', { metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'db' } } }), file: 'other.yaml' };
    const alone = runRules([statefulSet]).filter((r) => r.rule === 'statefulset-headless-service');
    expect(alone).toHaveLength(1);
    expect(alone[0]!.message.en).toContain('headless Service');
    expect(alone[0]!.message.en).toContain("governs the Pods' DNS names");
    expect(runRules([statefulSet, headless]).filter((r) => r.rule === 'statefulset-headless-service')).toEqual([]);
  });

  it('turns a rule that throws into an error finding instead of crashing the run', () => {
    const broken: Rule = {
      id: 'broken-rule',
      severity: 'warning',
      description: { en: 'throws', ko: '예외' },
      check() {
        throw new Error('boom');
      },
    };
    rules.push(broken);
    try {
      const results = runRules([resource('v1', 'ConfigMap', { metadata: { name: 'c' } })]);
      const crash = results.find((r) => r.rule === 'broken-rule');
      expect(crash?.severity).toBe('error');
      expect(crash?.message.en).toContain('boom');
    } finally {
      rules.pop();
    }
  });

  it('never throws on malformed input: every value replaced by null, numbers, strings, arrays or objects', () => {
    const documents = readdirSync(FIXTURE_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => loadFixture(f).map((d) => d.resource));
    const allPaths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
      if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => allPaths(v, [...prefix, i]))];
      if (value && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => allPaths(v, [...prefix, k]))];
      return [prefix];
    };
    const replaceAt = (root: unknown, path: (string | number)[], replacement: unknown): unknown => {
      if (path.length === 0) return replacement;
      const [head, ...rest] = path;
      if (Array.isArray(root)) {
        const copy = [...root];
        copy[head as number] = replaceAt(copy[head as number], rest, replacement);
        return copy;
      }
      const copy = { ...(root as Record<string, unknown>) };
      copy[head as string] = replaceAt(copy[head as string], rest, replacement);
      return copy;
    };
    fc.assert(
      fc.property(fc.nat(documents.length - 1), fc.nat(), fc.anything({ maxDepth: 2, withNullPrototype: false }), (docIndex, pathIndex, value) => {
        const doc = documents[docIndex]!;
        const paths = allPaths(doc.object).filter((p) => p.length > 0 && p[0] !== 'apiVersion' && p[0] !== 'kind');
        const path = paths[pathIndex % paths.length]!;
        const object = replaceAt(doc.object, path, value) as Record<string, unknown>;
        const results = runRules([{ ...doc, object }]);
        const crashes = results.filter((r) => r.message.en.startsWith('internal error'));
        expect(crashes.map((c) => `${c.rule}: ${c.message.en} at ${path.join('.')}`)).toEqual([]);
      }),
      { numRuns: 3000, seed: 20261125 },
    );
  });
});

describe('describeRules', () => {
  const described = describeRules();
  it('lists every rule once, with severity and both languages', () => {
    expect(described.map((d) => d.id)).toEqual([...rules, ...crossResourceRules].map((r) => r.id));
    expect(new Set(described.map((d) => d.id)).size).toBe(described.length);
    for (const d of described) {
      expect(['error', 'warning']).toContain(d.severity);
      expect(d.description.en).toBeTruthy();
      expect(d.description.ko).toMatch(/[\uac00-\ud7a3]/);
    }
  });
  it('keeps best-practice rules separate: warnings only, ids prefixed, listed last', () => {
    const best = described.filter((d) => d.bestPractice);
    expect(best.map((d) => d.id)).toEqual(['best-practice-image-tag', 'best-practice-resources']);
    expect(best.every((d) => d.severity === 'warning' && d.description.en.startsWith('Best practice'))).toBe(true);
    const singleResource = described.filter((d) => !d.crossResource);
    expect(singleResource.slice(-best.length).map((d) => d.id)).toEqual(best.map((d) => d.id));
  });
  it('marks the cross-resource rule', () => {
    const cross = described.filter((d) => d.crossResource);
    expect(cross.map((d) => d.id)).toEqual(['statefulset-headless-service']);
    expect(cross[0]!.appliesTo).toEqual(['apps/v1/StatefulSet', 'v1/Service']);
  });
  it('returns copies, so callers cannot alter the rules', () => {
    described[0]!.description.en = 'changed';
    expect(describeRules()[0]!.description.en).not.toBe('changed');
  });
});
