// JUnit XML in kubeconform's shape: <testsuites> of one <testsuite> per file, one <testcase> per resource
// (classname Kind@apiVersion, name namespace/name). Valid against the Jenkins JUnit schema kubeconform cites.
import type { Diagnostic, Lang, ResourceResult, ValidationReport } from '../types.ts';
import { diagnosticLine, failureMessages, ignoredLine, text, xmlEscape, type FormatOptions } from './common.ts';

interface Suite {
  name: string;
  cases: string[];
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function formatJunit(report: ValidationReport, options: FormatOptions & { timeSeconds?: number } = {}): string {
  const lang: Lang = options.lang ?? 'en';
  const suites = new Map<string, Suite>();
  const suite = (file: string) => {
    let s = suites.get(file);
    if (!s) suites.set(file, (s = { name: file, cases: [], tests: 0, failures: 0, errors: 0, skipped: 0 }));
    return s;
  };
  const details = (ds: Diagnostic[], r?: ResourceResult) => xmlEscape([...ds.map((d) => diagnosticLine(d, lang)), ...(r?.ignored ?? []).map((d) => ignoredLine(d, lang))].join('\n'));
  for (const d of report.fileDiagnostics) {
    const s = suite(d.file);
    s.tests++;
    s.errors++;
    s.cases.push(`      <testcase name="${xmlEscape(d.file)}" classname="file">\n        <error message="${xmlEscape(text(d, lang))}" type="${xmlEscape(d.rule)}">${details([d])}</error>\n      </testcase>`);
  }
  for (const r of report.resources) {
    const s = suite(r.file);
    s.tests++;
    const name = xmlEscape(caseName(r));
    const classname = xmlEscape(`${r.kind ?? ''}@${r.apiVersion ?? ''}`);
    const message = xmlEscape(failureMessages(r, lang));
    let body = '';
    if (r.status === 'invalid') {
      s.failures++;
      body = `\n        <failure message="${message}" type="invalid">${details(r.diagnostics, r)}</failure>\n      `;
    } else if (r.status === 'error') {
      s.errors++;
      body = `\n        <error message="${message}" type="error">${details(r.diagnostics, r)}</error>\n      `;
    } else if (r.status === 'skipped') {
      s.skipped++;
      body = `\n        <skipped>${xmlEscape(r.skipReason ?? '')}</skipped>\n      `;
    } else if (r.diagnostics.length > 0 || r.ignored) {
      body = `\n        <system-out>${details(r.diagnostics, r)}</system-out>\n      `;
    }
    s.cases.push(`      <testcase name="${name}" classname="${classname}">${body}</testcase>`);
  }
  const total = report.summary;
  const all = [...suites.values()];
  const head = `<testsuites name="k8s-validate" time="${(options.timeSeconds ?? 0).toFixed(3)}" tests="${all.reduce((n, s) => n + s.tests, 0)}" failures="${total.invalid}" disabled="${total.skipped}" errors="${total.errors + report.fileDiagnostics.length}">`;
  const body = all.map((s, i) =>
    `  <testsuite name="${xmlEscape(s.name)}" id="${i + 1}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" disabled="${s.skipped}" skipped="${s.skipped}">\n` +
    s.cases.join('\n') + (s.cases.length ? '\n' : '') + '  </testsuite>');
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...body, '</testsuites>'].join('\n') + '\n';
}

function caseName(r: ResourceResult): string {
  const name = r.name ?? '';
  const qualified = r.namespace ? `${r.namespace}/${name}` : name;
  return qualified || `${r.file}:${r.line}`;
}
