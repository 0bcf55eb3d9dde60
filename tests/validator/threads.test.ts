// Worker threads (-n) must not change a single byte of the output: the same mixed corpus (valid and invalid
// resources, YAML errors, missing schemas, Lists, Markdown pages, a cross-resource finding) with -n 1 and -n 2.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/validator/command.ts';
import { fixtures } from './helpers.ts';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, stdinIsTTY: true });
  return { code, stdout, stderr };
}

const statefulSet = (name: string) => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${name}\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n      - name: db\n        image: postgres:17\n`;

describe('worker threads', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(`${tmpdir()}/k8s-validate-threads-`);
    const manifests = readdirSync(`${fixtures}manifests`);
    // 24 folders, each with every fixture manifest, the fixture page, a broken file, a lone StatefulSet (a
    // cross-resource warning, found wherever its file was read) and padding: ~3 MB, above the thread threshold.
    for (let copy = 0; copy < 24; copy++) {
      const sub = `${dir}/part-${String(copy).padStart(2, '0')}`;
      mkdirSync(sub);
      for (const name of manifests) cpSync(`${fixtures}manifests/${name}`, `${sub}/${name}`);
      cpSync(`${fixtures}pages/chapter.mdx`, `${sub}/chapter.mdx`);
      writeFileSync(`${sub}/broken.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok-${copy}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tab\n---\n- not\n- a mapping\n`);
      writeFileSync(`${sub}/statefulset.yaml`, statefulSet(`db-${copy}`));
      // Custom resources in every folder, their CustomResourceDefinitions in the first only (read by one thread).
      for (const name of ['widget-resources.yaml', 'prometheusrule-resources.yaml']) cpSync(`${fixtures}crds/${name}`, `${sub}/${name}`);
      if (copy === 0) for (const name of ['widgets.yaml', 'widgets-unstructural.yaml', 'monitoring.coreos.com_prometheusrules.yaml']) cpSync(`${fixtures}crds/${name}`, `${sub}/${name}`);
      writeFileSync(`${sub}/padding.yaml`, Array.from({ length: 250 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pad-${copy}-${i}\ndata:\n  k: "${'v'.repeat(400)}"\n`).join('---\n'));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('-n 1 and -n 2 print the same report, byte for byte (text and JSON)', async () => {
    const bytes = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((sum, e) => sum + readFileSync(`${e.parentPath}/${e.name}`).length, 0);
    expect(bytes).toBeGreaterThan(2 * 1024 * 1024); // threads are used only above 2 MB of input
    for (const format of ['text', 'json']) {
      const one = await run(['-output', format, '-verbose', '-summary', '-n', '1', dir]);
      const two = await run(['-output', format, '-verbose', '-summary', '-n', '2', dir]);
      expect(one.code).toBe(1);
      expect(two.code).toBe(1);
      expect(two.stderr).toBe(one.stderr);
      expect(two.stdout).toBe(one.stdout);
      if (format === 'json') {
        const report = JSON.parse(two.stdout);
        const rules = new Set(report.resources.flatMap((r: { diagnostics: Array<{ rule: string }> }) => r.diagnostics.map((d) => d.rule)));
        expect(report.summary.invalid).toBeGreaterThan(0);
        expect(report.summary.errors).toBeGreaterThan(0);
        expect(rules).toContain('statefulset-headless-service');
        expect(rules).toContain('yaml-syntax');
        expect(rules).toContain('not-a-mapping');
        expect(rules).toContain('crd-schema');
        // Every folder's custom resources were checked against the CRDs of the first folder.
        const customResources = report.resources.filter((r: { kind?: string }) => r.kind === 'Widget' || r.kind === 'PrometheusRule');
        expect(customResources.filter((r: { status: string }) => r.status === 'statusValid')).toHaveLength(24 * 2);
        expect(customResources.filter((r: { status: string; diagnostics: Array<{ rule: string }> }) => r.status === 'statusInvalid' && r.diagnostics[0].rule === 'schema')).toHaveLength(24 * 3);
      }
    }
  });
});
