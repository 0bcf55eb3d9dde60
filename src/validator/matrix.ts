// Matrix mode: one run checked against several Kubernetes versions, reported per resource as the versions that
// accept it (CLI -kubernetes-versions 1.30-1.36; the site's "Accepted by Kubernetes 1.3x–1.36" lines). Node-free:
// the reports come from whichever API ran them (index.ts for files, core.ts for text).
import { BUNDLED_KUBERNETES_VERSIONS, resolveKubernetesVersion, UnsupportedKubernetesVersionError } from './registry.ts';
import { diagnosticLine, text, xmlEscape, type FormatOptions } from './output/common.ts';
import { escapeData, escapeProperty } from './output/github.ts';
import type { Diagnostic, Lang, ValidationReport } from './types.ts';

/** A version set that cannot be used (malformed range, version listed twice, unsupported version). */
export class KubernetesVersionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubernetesVersionsError';
  }
}

function resolveOne(spec: string, whole: string): string {
  try {
    return resolveKubernetesVersion(spec);
  } catch (error) {
    if (error instanceof UnsupportedKubernetesVersionError) {
      throw new KubernetesVersionsError(`-kubernetes-versions "${whole}": Kubernetes version "${spec}" is not bundled; supported: ${BUNDLED_KUBERNETES_VERSIONS.join(', ')}`);
    }
    throw error;
  }
}

/**
 * '1.30-1.36', '1.31,1.33,1.36', 'v1.30-v1.32,1.36' -> the bundled minor versions, oldest first. Throws
 * KubernetesVersionsError for an empty item, a range whose ends are reversed or not versions, an unsupported
 * version, or a version named twice (directly or through a range).
 */
export function parseKubernetesVersions(spec: string): string[] {
  const items = spec.split(',').map((item) => item.trim());
  const versions: string[] = [];
  for (const item of items) {
    if (!item) throw new KubernetesVersionsError(`-kubernetes-versions "${spec}": empty item; write versions and ranges separated by commas, e.g. 1.30-1.36 or 1.31,1.36`);
    const ends = item.split('-');
    if (ends.length > 2 || ends.some((end) => !end.trim())) throw new KubernetesVersionsError(`-kubernetes-versions "${spec}": malformed range "${item}"; write it as 1.30-1.36`);
    const [from, to] = ends.map((end) => resolveOne(end.trim(), spec));
    const range = to === undefined ? [from] : BUNDLED_KUBERNETES_VERSIONS.slice(BUNDLED_KUBERNETES_VERSIONS.indexOf(from), BUNDLED_KUBERNETES_VERSIONS.indexOf(to) + 1);
    if (range.length === 0) throw new KubernetesVersionsError(`-kubernetes-versions "${spec}": range "${item}" goes backwards; write the older version first`);
    for (const version of range) {
      if (versions.includes(version)) throw new KubernetesVersionsError(`-kubernetes-versions "${spec}": Kubernetes ${version} is listed twice`);
      versions.push(version);
    }
  }
  return versions.sort((a, b) => BUNDLED_KUBERNETES_VERSIONS.indexOf(a) - BUNDLED_KUBERNETES_VERSIONS.indexOf(b));
}

/** ['1.30', '1.31', '1.32', '1.36'] -> '1.30–1.32, 1.36' (en dash between the ends of a run of consecutive versions). */
export function formatVersionRanges(versions: readonly string[], dash = '–'): string {
  const indexes = versions.map((v) => BUNDLED_KUBERNETES_VERSIONS.indexOf(v)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; i++) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    const first = BUNDLED_KUBERNETES_VERSIONS[indexes[i]];
    const last = BUNDLED_KUBERNETES_VERSIONS[indexes[j]];
    parts.push(i === j ? first : `${first}${dash}${last}`);
    i = j;
  }
  return parts.join(', ');
}

export interface MatrixResource {
  file: string;
  line: number;
  col: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  /** Versions that accept it (status valid, or skipped as asked), oldest first. */
  acceptedBy: string[];
  /** Versions that do not, with their errors. */
  rejectedBy: Array<{ kubernetesVersion: string; diagnostics: Diagnostic[] }>;
}

export interface MatrixReport {
  kubernetesVersions: string[];
  resources: MatrixResource[];
  /** Problems that belong to no resource (unreadable file, YAML syntax...), with the versions that report them. */
  fileDiagnostics: Array<Diagnostic & { kubernetesVersions: string[] }>;
  /** Every resource accepted by every version, and no file error. */
  ok: boolean;
}

/** Joins one report per version (same input, same order) into one line per resource. */
export function buildMatrix(reports: ValidationReport[]): MatrixReport {
  const byPlace = new Map<string, MatrixResource>();
  const fileDiagnostics = new Map<string, Diagnostic & { kubernetesVersions: string[] }>();
  for (const report of reports) {
    const version = report.kubernetesVersion;
    for (const r of report.resources) {
      const key = `${r.file}\u0000${r.line}\u0000${r.col}`;
      let entry = byPlace.get(key);
      if (!entry) {
        entry = { file: r.file, line: r.line, col: r.col, apiVersion: r.apiVersion, kind: r.kind, name: r.name, acceptedBy: [], rejectedBy: [] };
        byPlace.set(key, entry);
      }
      if (r.status === 'valid' || r.status === 'skipped') entry.acceptedBy.push(version);
      else entry.rejectedBy.push({ kubernetesVersion: version, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') });
    }
    for (const d of report.fileDiagnostics) {
      const key = `${d.file}\u0000${d.line}\u0000${d.col}\u0000${d.rule}\u0000${d.message}`;
      const known = fileDiagnostics.get(key);
      if (known) known.kubernetesVersions.push(version);
      else fileDiagnostics.set(key, { ...d, kubernetesVersions: [version] });
    }
  }
  const resources = [...byPlace.values()];
  const versions = reports.map((r) => r.kubernetesVersion);
  const fileList = [...fileDiagnostics.values()];
  return {
    kubernetesVersions: versions,
    resources,
    fileDiagnostics: fileList,
    ok: resources.every((r) => r.rejectedBy.length === 0) && !fileList.some((d) => d.severity === 'error'),
  };
}

const LABELS = {
  en: { accepted: 'accepted by', rejected: 'rejected by', none: 'no version', all: 'every version' },
  ko: { accepted: '통과', rejected: '거부', none: '없음', all: '모든 버전' },
} as const;

function place(r: MatrixResource): string {
  return `${r.file}:${r.line}:${r.col}`;
}

function label(r: MatrixResource): string {
  return [r.apiVersion, r.kind, r.name].filter(Boolean).join(' ');
}

function counts(matrix: MatrixReport): { resources: number; acceptedByAll: number; acceptedBySome: number; acceptedByNone: number } {
  const all = matrix.resources.filter((r) => r.rejectedBy.length === 0).length;
  const none = matrix.resources.filter((r) => r.acceptedBy.length === 0).length;
  return { resources: matrix.resources.length, acceptedByAll: all, acceptedBySome: matrix.resources.length - all - none, acceptedByNone: none };
}

function summary(matrix: MatrixReport, lang: Lang): string {
  const { acceptedByAll: all, acceptedBySome: some, acceptedByNone: none } = counts(matrix);
  const versions = formatVersionRanges(matrix.kubernetesVersions, '-');
  return lang === 'ko'
    ? `요약(쿠버네티스 ${versions}): 리소스 ${matrix.resources.length}개 - 모든 버전 통과 ${all}, 일부 버전만 통과 ${some}, 모두 거부 ${none}`
    : `Summary (Kubernetes ${versions}): ${matrix.resources.length} resources - accepted by every version: ${all}, by some: ${some}, by none: ${none}`;
}

function versionsLine(r: MatrixResource, lang: Lang): string {
  const t = LABELS[lang];
  const accepted = r.acceptedBy.length ? formatVersionRanges(r.acceptedBy, '-') : t.none;
  const rejected = r.rejectedBy.length ? `; ${t.rejected} ${formatVersionRanges(r.rejectedBy.map((x) => x.kubernetesVersion), '-')}` : '';
  return `${t.accepted} ${accepted}${rejected}`;
}

/** The matrix in an output format: text/pretty, json, github, tap, junit. */
export function formatMatrix(matrix: MatrixReport, format: string, options: FormatOptions = {}): string {
  const lang: Lang = options.lang ?? 'en';
  const shown = matrix.resources.filter((r) => options.verbose || r.rejectedBy.length > 0);
  const fileLines = matrix.fileDiagnostics.map((d) => `${diagnosticLine(d, lang)} (${formatVersionRanges(d.kubernetesVersions, '-')})`);
  switch (format) {
    case 'json':
      return JSON.stringify({
        kubernetesVersions: matrix.kubernetesVersions,
        ok: matrix.ok,
        resources: matrix.resources.map((r) => ({
          filename: r.file, line: r.line, col: r.col, version: r.apiVersion ?? '', kind: r.kind ?? '', name: r.name ?? '',
          acceptedBy: r.acceptedBy,
          rejectedBy: r.rejectedBy.map((x) => ({ kubernetesVersion: x.kubernetesVersion, diagnostics: x.diagnostics.map((d) => ({ line: d.line, col: d.col, rule: d.rule, message: text(d, lang), ...(d.path ? { path: d.path } : {}) })) })),
        })),
        fileDiagnostics: matrix.fileDiagnostics.map((d) => ({ filename: d.file, line: d.line, col: d.col, severity: d.severity, rule: d.rule, message: text(d, lang), kubernetesVersions: d.kubernetesVersions })),
        summary: counts(matrix),
      }, null, 2) + '\n';
    case 'github': {
      const lines = [
        ...matrix.fileDiagnostics.map((d) => `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.col},title=${escapeProperty(`k8s-validate ${d.rule}`)}::${escapeData(text(d, lang))}`),
        ...matrix.resources.flatMap((r) => r.rejectedBy.flatMap((x) => x.diagnostics.map((d) =>
          `::error file=${escapeProperty(d.file)},line=${d.line},col=${d.col},title=${escapeProperty(`k8s-validate ${d.rule} (Kubernetes ${x.kubernetesVersion})`)}::${escapeData(text(d, lang))}`))),
      ];
      if (options.summary) lines.push(summary(matrix, lang));
      return lines.length ? lines.join('\n') + '\n' : '';
    }
    case 'tap': {
      const lines = ['TAP version 13', `1..${matrix.resources.length}`];
      matrix.resources.forEach((r, i) => {
        lines.push(`${r.rejectedBy.length ? 'not ok' : 'ok'} ${i + 1} - ${place(r)} ${label(r)} (${versionsLine(r, lang)})`);
      });
      for (const line of fileLines) lines.push(`# ${line}`);
      return lines.join('\n') + '\n';
    }
    case 'junit': {
      const cases = matrix.resources.map((r) => {
        const failure = r.rejectedBy.length
          ? `<failure message="${xmlEscape(versionsLine(r, lang))}">${xmlEscape(r.rejectedBy.flatMap((x) => x.diagnostics.map((d) => `${x.kubernetesVersion}: ${diagnosticLine(d, lang)}`)).join('\n'))}</failure>`
          : '';
        return `    <testcase classname="${xmlEscape(r.file)}" name="${xmlEscape(`${label(r)} (${place(r)})`)}">${failure}</testcase>`;
      });
      const failures = matrix.resources.filter((r) => r.rejectedBy.length).length;
      return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="k8s-validate" tests="${matrix.resources.length}" failures="${failures}">`,
        `  <testsuite name="Kubernetes ${formatVersionRanges(matrix.kubernetesVersions, '-')}" tests="${matrix.resources.length}" failures="${failures}" errors="${matrix.fileDiagnostics.length}">`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
      ].join('\n') + '\n';
    }
    default: {
      const lines = [...fileLines];
      for (const r of shown) {
        lines.push(`${place(r)}: ${label(r)}: ${versionsLine(r, lang)}`);
        // The same error from several versions is printed once, with those versions.
        const versionsByLine = new Map<string, string[]>();
        for (const x of r.rejectedBy) for (const d of x.diagnostics) versionsByLine.set(diagnosticLine(d, lang), [...(versionsByLine.get(diagnosticLine(d, lang)) ?? []), x.kubernetesVersion]);
        for (const [line, versions] of versionsByLine) lines.push(`  ${formatVersionRanges(versions, '-')}: ${line}`);
      }
      if (options.summary) lines.push(summary(matrix, lang));
      return lines.length ? lines.join('\n') + '\n' : '';
    }
  }
}
