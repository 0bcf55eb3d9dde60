// The site's one door to the validator library (src/validator/, branch core): the build gate, the dev re-validation,
// <ValidatorOutput> and the Kubernetes version shown on pages all go through here.
import { relative, resolve } from 'node:path';
import type { Diagnostic, Lang, ValidationReport } from '../validator/types.ts';
import { BUNDLED_KUBERNETES_VERSIONS, formatReport, formatVersionRanges, validatePaths, validateText, validateTextMatrix, type MatrixReport } from '../validator/index.ts';
import { describeRules, type RuleDescription } from '../validator/rules/index.ts';

export interface GateResult {
  /** One `file:line:col: message` line per error, as the validator's text output prints it. */
  errors: string[];
  /** The same for warnings (best-practice rules): shown, but they do not stop the build. */
  warnings: string[];
  summary: string;
  report: ValidationReport;
}

/** Strict validation of the given folders (relative to root), reported with repo-relative paths. */
export async function runGate(root: string, paths: string[]): Promise<GateResult> {
  const here = resolve(process.cwd()) === resolve(root);
  const report = await validatePaths(here ? paths : paths.map((path) => resolve(root, path)), {
    strict: true,
    ignoreMissingPaths: true,
  });
  const { summary } = report;
  const text = `${summary.files} file(s): ${summary.valid} valid resource(s), ${summary.skipped} skipped, ` +
    `${summary.warnings} warning(s), ${summary.ignored} finding(s) opted out by annotation or comment, ${summary.optedOut} fence(s) opted out with novalidate`;
  const lines = formatReport(report, 'text', { lang: 'en' })
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (here ? line : line.replaceAll(resolve(root) + '/', '')));
  return {
    errors: lines.filter((line) => !/: warning\[/.test(line)),
    warnings: lines.filter((line) => /: warning\[/.test(line)),
    summary: text,
    report,
  };
}

/** Validates one source (a page or a manifest) the way the gate does. */
export function validateSource(text: string, file: string): Promise<ValidationReport> {
  return validateText(text, file, { strict: true });
}

/** Validates one source against every bundled Kubernetes version, the way the gate does: which versions accept what. */
export function validateSourceAcrossVersions(text: string, file: string): Promise<MatrixReport> {
  return validateTextMatrix(text, file, BUNDLED_KUBERNETES_VERSIONS, { strict: true });
}

export { BUNDLED_KUBERNETES_VERSIONS, formatVersionRanges };

/** The first error of a report, file diagnostics first. */
export function firstError(report: ValidationReport): Diagnostic | undefined {
  const all = [...report.fileDiagnostics, ...report.resources.flatMap((resource) => resource.diagnostics)];
  return all.find((diagnostic) => diagnostic.severity === 'error');
}

/** The validator's text output for a file (e.g. a broken manifest in src/mistakes/), in the page's language. */
export async function validatorOutput(text: string, file: string, lang: Lang): Promise<{ output: string; ok: boolean }> {
  const report = await validateText(text, file, { strict: true, lang });
  return { output: formatReport(report, 'text', { lang }).trimEnd(), ok: report.ok };
}

let bundledVersion: Promise<string> | undefined;

/** The Kubernetes version the validator bundles schemas for, and so the version every example is checked against. */
export function kubernetesVersion(): Promise<string> {
  bundledVersion ??= validateText('', 'version.yaml').then((report) => report.kubernetesVersion);
  return bundledVersion;
}

export function repoRelative(root: string, path: string): string {
  return relative(root, path).replace(/\\/g, '/');
}

export type { RuleDescription };

/** The validator's rules as it describes them (id, severity, what it checks in both languages, kinds). */
export function validatorRules(): RuleDescription[] {
  return describeRules();
}
