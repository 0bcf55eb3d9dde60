// Loads the rule fixtures: multi-document YAML files in tests/fixtures/rules/. In a "<rule>.fail.yaml" file,
// every document lists the findings it must produce with comment lines "# expect: <path>" (dot-separated,
// e.g. "spec.template.spec.restartPolicy"; "." for the document root; "none" for a supporting document that
// must produce no finding, such as the Service beside a StatefulSet); "<rule>.pass.yaml" must produce none.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Resource } from '../../../src/validator/types.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/rules/', import.meta.url));

export interface FixtureDocument {
  resource: Resource;
  expectedPaths: string[];
  /** Whether the document carries any "# expect:" line (a failing fixture must declare every document). */
  declared: boolean;
}

export function fixtureExists(name: string): boolean {
  return existsSync(FIXTURE_DIR + name);
}

export function loadFixture(name: string): FixtureDocument[] {
  const text = readFileSync(FIXTURE_DIR + name, 'utf8');
  const out: FixtureDocument[] = [];
  for (const chunk of text.split(/^---[ \t]*$/m)) {
    const object = parse(chunk) as unknown;
    if (object === null || object === undefined) continue;
    if (typeof object !== 'object' || Array.isArray(object)) throw new Error(`${name}: a document is not a mapping`);
    const o = object as Record<string, unknown>;
    const expectations = [...chunk.matchAll(/^#\s*expect:\s*(.+?)\s*$/gm)].map((m) => m[1]!);
    const expectedPaths = expectations.filter((e) => e !== 'none');
    out.push({
      resource: { file: name, apiVersion: String(o.apiVersion), kind: String(o.kind), object: o },
      expectedPaths,
      declared: expectations.length > 0,
    });
  }
  return out;
}

export function pathText(path: (string | number)[]): string {
  return path.length === 0 ? '.' : path.join('.');
}
