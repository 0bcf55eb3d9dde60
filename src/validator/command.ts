// k8s-validate's command line, with kubeconform's flags and exit codes (0 valid, 1 invalid or error).
// `main` takes its arguments and output streams so tests can run it in-process; cli.ts is the entry point.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { formatMatrix, formatReport, KubernetesVersionsError, OUTPUT_FORMATS, parseKubernetesVersions, validatePaths, validatePathsMatrix, type OutputFormat, type ValidatePathsOptions } from './index.ts';
import { BUNDLED_KUBERNETES_VERSIONS } from './registry.ts';
import { langFromEnv, msg } from './messages.ts';
import { describeRules } from './rules/index.ts';
import { applyProjectConfig, controlErrorText } from './config-file.ts';
import { ruleFilter, RULE_GROUPS } from './rule-control.ts';
import { CONFIG_FILE_NAMES } from './config.ts';
import { OPT_OUT_ANNOTATION, OPT_OUT_COMMENT } from './opt-outs.ts';
import type { Lang } from './types.ts';

interface FlagSpec {
  name: string;
  kind: 'bool' | 'string' | 'list' | 'int';
  help: string;
  value?: string;
}

const FLAGS: FlagSpec[] = [
  { name: 'config', kind: 'string', value: 'file', help: 'project config file (default: .k8s-validate.yaml or .k8s-validate.yml in the working folder, if there is one); flags override it' },
  { name: 'disable-rule', kind: 'list', value: 'ids', help: `comma-separated rule ids or groups (${RULE_GROUPS.join(', ')}) not to check (can be specified multiple times); see -list-rules` },
  { name: 'enable-rule', kind: 'list', value: 'ids', help: 'comma-separated rule ids or groups to check even though a wider group is disabled (can be specified multiple times)' },
  { name: 'exit-on-error', kind: 'bool', help: 'immediately stop execution when the first error is encountered' },
  { name: 'fail-on-warning', kind: 'bool', help: 'a warning makes its resource invalid (exit 1)' },
  { name: 'h', kind: 'bool', help: 'show help information' },
  { name: 'ignore-filename-pattern', kind: 'list', value: 'value', help: 'regular expression specifying paths to ignore (can be specified multiple times)' },
  { name: 'ignore-missing-paths', kind: 'bool', help: 'a path that does not exist is not an error (for builds whose folders may not exist yet)' },
  { name: 'ignore-missing-schemas', kind: 'bool', help: 'skip files with missing schemas instead of failing' },
  { name: 'insecure-skip-tls-verify', kind: 'bool', help: 'accepted for kubeconform compatibility; has no effect (schemas are bundled, nothing is downloaded)' },
  { name: 'kubernetes-version', kind: 'string', value: 'string', help: `version of Kubernetes to validate against; bundled: ${BUNDLED_KUBERNETES_VERSIONS.join(', ')} (default "${BUNDLED_KUBERNETES_VERSIONS[BUNDLED_KUBERNETES_VERSIONS.length - 1]}")` },
  { name: 'kubernetes-versions', kind: 'string', value: 'list', help: 'check against several versions at once and report, per resource, the versions that accept it: versions and ranges separated by commas ("1.30-1.36", "1.31,1.36"); exit status 1 unless every resource is accepted by every listed version' },
  { name: 'lang', kind: 'string', value: 'string', help: 'language of messages: en or ko (default: from LC_ALL, LC_MESSAGES or LANG)' },
  { name: 'list-rules', kind: 'bool', help: 'list the API-server rules checked beyond the JSON Schemas, and exit' },
  { name: 'n', kind: 'int', value: 'int', help: `number of threads for large inputs (default ${defaultWorkers()}: one per two cores, at most 4)` },
  { name: 'output', kind: 'string', value: 'string', help: `output format - ${OUTPUT_FORMATS.join(', ')} (default "text")` },
  { name: 'reject', kind: 'string', value: 'string', help: 'comma-separated list of kinds or GVKs to reject' },
  { name: 'schema-location', kind: 'list', value: 'value', help: 'override schemas location search path: "default" (the bundled schemas), a folder or a path template (can be specified multiple times)' },
  { name: 'skip', kind: 'string', value: 'string', help: 'comma-separated list of kinds or GVKs to ignore' },
  { name: 'strict', kind: 'bool', help: 'disallow additional properties not in schema or duplicated keys' },
  { name: 'summary', kind: 'bool', help: 'print a summary at the end (ignored for junit output)' },
  { name: 'v', kind: 'bool', help: 'show version information' },
  { name: 'verbose', kind: 'bool', help: 'print results for all resources (ignored for tap and junit output)' },
];

/**
 * -n when not given: one thread per two cores, at most 4 (kubeconform's default). Each validating thread keeps
 * about 1.4 cores busy, because V8 collects its garbage and optimises its code on background threads; on two
 * cores a second thread therefore mostly competes with the first one's background work (measured: -n 2 about as
 * fast as -n 1 on a quiet machine, slower on a busy one), and each thread costs ~50 MB.
 */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)));
}

export function usage(): string {
  const lines = ['Usage: k8s-validate [OPTION]... [FILE OR FOLDER]...', '', 'Validates Kubernetes manifests (YAML/JSON files, and ```yaml fences in Markdown/MDX) offline.', 'With no FILE, or when FILE is -, reads standard input.', ''];
  for (const flag of FLAGS) {
    lines.push(`  -${flag.name}${flag.value ? ' ' + flag.value : ''}`);
    lines.push(`        ${flag.help}`);
  }
  lines.push(
    '',
    `Rule control: -list-rules lists the rule ids and groups; flags override ${CONFIG_FILE_NAMES[0]} in the working folder.`,
    'One resource opts out of a rule, giving the reason, with an annotation or a YAML comment in its document:',
    `  ${OPT_OUT_ANNOTATION}<rule-id>: "<reason>"`,
    `  # ${OPT_OUT_COMMENT} <rule-id> -- <reason>`,
  );
  lines.push('', 'Exit status: 0 if every resource is valid, 1 if any is invalid or could not be validated (or has a warning, with -fail-on-warning).');
  return lines.join('\n') + '\n';
}

export interface ParsedArgs {
  flags: Map<string, string | boolean | string[]>;
  paths: string[];
}

export class UsageError extends Error {}

/** Go `flag` syntax (-flag, --flag, -flag=value, -flag value), accepted anywhere before `--`. */
export function parseArgs(argv: string[]): ParsedArgs {
  const flags = new Map<string, string | boolean | string[]>();
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    const spec = FLAGS.find((f) => f.name === name) ?? (name === 'help' ? FLAGS.find((f) => f.name === 'h') : undefined);
    if (!spec) throw new UsageError(`flag provided but not defined: -${name}`);
    let value: string | undefined = eq === -1 ? undefined : body.slice(eq + 1);
    if (spec.kind === 'bool') {
      if (value !== undefined && !/^(true|false|1|0|t|f|TRUE|FALSE|True|False)$/.test(value)) throw new UsageError(`invalid boolean value "${value}" for -${name}`);
      flags.set(spec.name, value === undefined || /^(true|1|t|TRUE|True)$/.test(value));
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: -${name}`);
      value = argv[++i];
    }
    if (spec.kind === 'list') flags.set(spec.name, [...((flags.get(spec.name) as string[] | undefined) ?? []), value]);
    else flags.set(spec.name, value);
  }
  return { flags, paths };
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  stdinIsTTY: boolean;
  /** Where the project config file is looked for (default: the process's working folder). */
  cwd?: string;
}

/** -list-rules: every rule with its severity, marked when rule control turns it off, then the groups. */
function listRules(lang: Lang, enabled: (rule: string) => boolean): string {
  const rules = describeRules();
  const width = Math.max(...rules.map((r) => r.id.length));
  const off = lang === 'ko' ? '(꺼짐) ' : '(off) ';
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${enabled(r.id) ? '' : off}${r.description[lang]}`);
  const groups = lang === 'ko'
    ? { all: '모든 규칙', 'best-practice': 'best-practice-로 시작하는 모범 사례 경고' }
    : { all: 'every rule', 'best-practice': 'the best-practice-* warnings' };
  for (const group of RULE_GROUPS) lines.push(`${group.padEnd(width)}  group    ${groups[group]}`);
  return lines.join('\n') + '\n';
}

const splitList = (value: unknown) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** Runs the command line; resolves to the exit code. Never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    io.stderr(`k8s-validate: ${(error as Error).message}\n${usage()}`);
    return 1;
  }
  const { flags } = parsed;
  if (flags.get('h')) {
    io.stdout(usage());
    return 0;
  }
  if (flags.get('v')) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const langFlag = flags.get('lang');
  if (langFlag !== undefined && langFlag !== 'en' && langFlag !== 'ko') {
    io.stderr(`k8s-validate: -lang must be en or ko, got "${String(langFlag)}"\n`);
    return 1;
  }
  const lang: Lang = (langFlag as Lang | undefined) ?? langFromEnv(io.env);
  let ruleLists: { disableRules: string[]; enableRules: string[] };
  try {
    ruleLists = applyProjectConfig(flags, io.cwd ?? process.cwd());
    if (flags.get('list-rules')) {
      io.stdout(listRules(lang, ruleFilter(ruleLists.disableRules, ruleLists.enableRules)));
      return 0;
    }
  } catch (error) {
    io.stderr(`k8s-validate: ${controlErrorText(error, lang) ?? (error as Error).message}\n`);
    return 1;
  }
  const output = (flags.get('output') as string | undefined) ?? 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(output)) {
    io.stderr(`k8s-validate: -output must be one of ${OUTPUT_FORMATS.join(', ')}, got "${output}"\n`);
    return 1;
  }
  const n = flags.has('n') ? Number(flags.get('n')) : defaultWorkers();
  if (!Number.isInteger(n) || n < 1) {
    io.stderr(`k8s-validate: -n must be a positive integer, got "${String(flags.get('n'))}"\n`);
    return 1;
  }
  const requested = flags.get('kubernetes-version') as string | undefined;
  let matrixVersions: string[] | undefined;
  if (flags.has('kubernetes-versions')) {
    try {
      if (requested !== undefined) throw new KubernetesVersionsError('-kubernetes-version and -kubernetes-versions cannot be used together: list every version in -kubernetes-versions');
      matrixVersions = parseKubernetesVersions(String(flags.get('kubernetes-versions')));
    } catch (error) {
      io.stderr(`k8s-validate: ${(error as Error).message}\n`);
      return 1;
    }
  }
  for (const pattern of (flags.get('ignore-filename-pattern') as string[] | undefined) ?? []) {
    try {
      new RegExp(pattern);
    } catch (error) {
      io.stderr(`k8s-validate: -ignore-filename-pattern "${pattern}" is not a valid regular expression: ${(error as Error).message}\n`);
      return 1;
    }
  }
  let paths = parsed.paths;
  if (paths.length === 0) {
    if (matrixVersions) {
      io.stderr('k8s-validate: -kubernetes-versions needs files or folders (standard input can be read only once)\n');
      return 1;
    }
    if (io.stdinIsTTY) {
      io.stderr(`k8s-validate: no file or folder given, and standard input is a terminal\n${usage()}`);
      return 1;
    }
    paths = ['-'];
  }
  const options: ValidatePathsOptions = {
    kubernetesVersion: requested,
    strict: flags.get('strict') === true,
    skip: splitList(flags.get('skip')),
    reject: splitList(flags.get('reject')),
    ignoreMissingSchemas: flags.get('ignore-missing-schemas') === true,
    schemaLocations: flags.get('schema-location') as string[] | undefined,
    ignoreFilenamePatterns: flags.get('ignore-filename-pattern') as string[] | undefined,
    lang,
    workers: n,
    exitOnError: flags.get('exit-on-error') === true,
    ignoreMissingPaths: flags.get('ignore-missing-paths') === true,
    ...ruleLists,
    failOnWarning: flags.get('fail-on-warning') === true,
  };
  const started = performance.now();
  if (matrixVersions) {
    let matrix;
    try {
      matrix = await validatePathsMatrix(paths, matrixVersions, options);
    } catch (error) {
      io.stderr(`k8s-validate: ${(error as Error).message}\n`);
      return 1;
    }
    io.stdout(formatMatrix(matrix, output, { lang, verbose: flags.get('verbose') === true, summary: flags.get('summary') === true }));
    return matrix.ok ? 0 : 1;
  }
  let report;
  try {
    report = await validatePaths(paths, options);
  } catch (error) {
    const e = error as Error & { kubernetesVersion?: string };
    const control = controlErrorText(error, lang);
    if (control) io.stderr(`k8s-validate: ${control}\n`);
    else if (e.name === 'UnsupportedKubernetesVersionError') io.stderr(`k8s-validate: ${msg.unsupportedVersion(String(e.kubernetesVersion), [...BUNDLED_KUBERNETES_VERSIONS])[lang]}\n`);
    else io.stderr(`k8s-validate: ${e.message ?? String(error)}\n`);
    return 1;
  }
  io.stdout(formatReport(report, output as OutputFormat, {
    lang,
    verbose: flags.get('verbose') === true,
    summary: flags.get('summary') === true,
    timeSeconds: (performance.now() - started) / 1000,
  }));
  return report.ok ? 0 : 1;
}
