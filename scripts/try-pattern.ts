// Tries a chapter's pattern on the reader's current cluster: checks that kubectl and the cluster are there, creates
// a dedicated namespace, runs the chapter's "Run it" steps (scripts/patterns/<slug>.ts), checks the output the page
// promises, and deletes the namespace again — also when a step fails or the run is interrupted (unless --keep).
//
//   node scripts/try-pattern.ts <slug>|--all [--namespace <name>] [--keep] [--lang en|ko] [--dry-run]
//
// Exit codes: 0 every step passed; 1 a step (or the cleanup) failed; 2 bad usage; 3 the environment is not ready
// (no kubectl, no reachable cluster, a missing cluster requirement, the namespace already exists).
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findPattern, patterns } from './patterns/index.ts';
import type { ClusterRequirement, PatternRun, PatternStep } from './patterns/types.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const EXIT = { ok: 0, failed: 1, usage: 2, environment: 3, interrupted: 130 } as const;
const DEFAULT_TIMEOUT_SECONDS = { apply: 60, delete: 60, run: 60, show: 30 } as const;
/** Extra time the runner gives kubectl beyond a wait step's own --timeout before killing it. */
const KILL_GRACE_SECONDS = 15;
const RETRY_INTERVAL_MS = 2000;
const CLUSTER_CHECK_TIMEOUT_MS = 20_000;
const NAMESPACE_DELETE_TIMEOUT_SECONDS = 300;
const TARGET_MINOR = 36;

type Lang = 'en' | 'ko';

export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when kubectl could not be started at all (ENOENT: not on PATH). */
  spawnError?: NodeJS.ErrnoException;
}

export class EnvironmentError extends Error {}
class UsageError extends Error {}

// ---- the command line a step stands for (shared with the page/run consistency test) --------------------------

/** kubectl arguments of a step, without the namespace, with `{namespace}` replaced. */
export function stepArgs(step: PatternStep, namespace: string): string[] {
  switch (step.kind) {
    case 'apply':
      return ['apply', '-f', `examples/${step.file}`];
    case 'delete':
      return ['delete', '-f', `examples/${step.file}`];
    case 'wait':
      return [...step.kubectl, `--timeout=${step.timeoutSeconds}s`].map((arg) => withNamespace(arg, namespace));
    case 'run':
    case 'show':
      return step.kubectl.map((arg) => withNamespace(arg, namespace));
  }
}

/** The step as the page writes it: `kubectl get pods -l app=web`, shell-quoted where needed. */
export function commandLine(step: PatternStep, namespace: string): string {
  return ['kubectl', ...stepArgs(step, namespace)].map(shellQuote).join(' ');
}

export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function withNamespace(text: string, namespace: string): string {
  return text.replaceAll('{namespace}', namespace);
}

/** An expectation with `{namespace}` filled in; strings match literally. */
export function expectationRegExp(expected: string | RegExp, namespace: string): RegExp {
  if (typeof expected === 'string') return new RegExp(escapeRegExp(withNamespace(expected, namespace)));
  return new RegExp(withNamespace(expected.source, escapeRegExp(namespace)), expected.flags);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function timeoutSecondsOf(step: PatternStep): number {
  return step.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS[step.kind as keyof typeof DEFAULT_TIMEOUT_SECONDS];
}

// ---- running kubectl ---------------------------------------------------------------------------------------

let currentChild: ReturnType<typeof spawn> | undefined;
let interrupted = false;

/** Runs kubectl with a hard time limit; never throws. */
export function runKubectl(args: string[], timeoutMs: number): Promise<KubectlResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const child = spawn('kubectl', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    currentChild = child;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      currentChild = undefined;
      resolve({ code: null, stdout, stderr, timedOut, spawnError: error });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      currentChild = undefined;
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

// ---- environment checks ------------------------------------------------------------------------------------

/** Refuses (EnvironmentError) unless kubectl is on PATH and the current context's API server answers. */
export async function checkCluster(): Promise<{ context: string; serverVersion: string }> {
  const context = await runKubectl(['config', 'current-context'], CLUSTER_CHECK_TIMEOUT_MS);
  if (context.spawnError) {
    throw new EnvironmentError(
      context.spawnError.code === 'ENOENT'
        ? 'kubectl was not found on PATH. Install it (https://kubernetes.io/docs/tasks/tools/) and try again.'
        : `kubectl could not be started: ${context.spawnError.message}`,
    );
  }
  const contextName = (context.code === 0 && context.stdout.trim()) || '(none)';
  const version = await runKubectl(['version', '-o', 'json', '--request-timeout=5s'], CLUSTER_CHECK_TIMEOUT_MS);
  let serverVersion: string | undefined;
  try {
    serverVersion = (JSON.parse(version.stdout) as { serverVersion?: { gitVersion?: string } }).serverVersion?.gitVersion;
  } catch {
    serverVersion = undefined;
  }
  if (version.timedOut || version.code !== 0 || !serverVersion) {
    const reason = version.timedOut ? 'no answer within 20 s' : firstLine(version.stderr) || 'no server version reported';
    throw new EnvironmentError(
      `Cannot reach a Kubernetes cluster (kubectl context: ${contextName}): ${reason}\n` +
        'Start a local cluster first (kind create cluster, or minikube start) or pick one with kubectl config use-context.',
    );
  }
  return { context: contextName, serverVersion };
}

function olderThanTarget(gitVersion: string): boolean {
  const minor = /^v?1\.(\d+)/.exec(gitVersion)?.[1];
  return minor !== undefined && Number(minor) < TARGET_MINOR;
}

async function checkRequirement(requirement: ClusterRequirement): Promise<void> {
  switch (requirement) {
    case 'default-storage-class': {
      const result = await runKubectl(['get', 'storageclass', '-o', 'json'], CLUSTER_CHECK_TIMEOUT_MS);
      if (result.code !== 0) throw new EnvironmentError(`Cannot list StorageClasses: ${firstLine(result.stderr)}`);
      const items = (JSON.parse(result.stdout) as { items?: Array<{ metadata?: { annotations?: Record<string, string> } }> }).items ?? [];
      const isDefault = items.some((item) => {
        const annotations = item.metadata?.annotations ?? {};
        return (
          annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
          annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
        );
      });
      if (!isDefault) {
        throw new EnvironmentError(
          'This pattern needs a default StorageClass, and the cluster has none (kind and minikube come with one named "standard").\n' +
            'See kubectl get storageclass, and https://kubernetes.io/docs/concepts/storage/storage-classes/#default-storageclass.',
        );
      }
      return;
    }
  }
}

// ---- running one pattern -----------------------------------------------------------------------------------

interface Output {
  out(line: string): void;
  err(line: string): void;
}

const indent = (text: string) =>
  text
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

/** Runs one step; returns a failure message, or undefined when it passed. */
async function runStep(step: PatternStep, namespace: string, io: Output): Promise<string | undefined> {
  io.out(`  $ ${commandLine(step, namespace)}`);
  const args = ['--namespace', namespace, ...stepArgs(step, namespace)];
  const timeoutSeconds = timeoutSecondsOf(step);
  const killAfterMs = (timeoutSeconds + (step.kind === 'wait' ? KILL_GRACE_SECONDS : 0)) * 1000;
  const expectations = step.kind === 'show' ? (step.expect ?? []).map((e) => expectationRegExp(e, namespace)) : [];
  const retryUntil = step.kind === 'show' && step.retryForSeconds ? Date.now() + step.retryForSeconds * 1000 : 0;

  for (;;) {
    const result = await runKubectl(args, killAfterMs);
    if (interrupted) return 'interrupted';
    const output = result.stdout + result.stderr;
    let failure: string | undefined;
    if (result.timedOut) failure = `timed out: kubectl did not finish within ${killAfterMs / 1000} s`;
    else if (result.code !== 0) {
      const timeoutHint = step.kind === 'wait' && /timed out/i.test(result.stderr) ? ` (the wait's ${timeoutSeconds} s timeout passed)` : '';
      failure = `kubectl exited with code ${result.code}${timeoutHint}: ${firstLine(result.stderr) || firstLine(result.stdout)}`;
    } else {
      const missing = expectations.filter((expected) => !expected.test(output));
      if (missing.length > 0) failure = `the output lacks what the page promises: ${missing.map(String).join(', ')}`;
    }
    if (!failure) {
      if (output.trim()) io.out(indent(output));
      return undefined;
    }
    if (Date.now() + RETRY_INTERVAL_MS < retryUntil) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_INTERVAL_MS));
      if (interrupted) return 'interrupted';
      continue;
    }
    if (output.trim()) io.out(indent(output));
    return failure;
  }
}

/** What a reader would look at next when a step fails: the Pods and the namespace's recent events. */
async function showDiagnostics(namespace: string, io: Output): Promise<void> {
  io.out('Diagnostics');
  for (const args of [
    ['get', 'pods', '-o', 'wide'],
    ['get', 'events', '--sort-by=.lastTimestamp'],
  ]) {
    io.out(`  $ kubectl --namespace ${namespace} ${args.join(' ')}`);
    const result = await runKubectl(['--namespace', namespace, ...args], CLUSTER_CHECK_TIMEOUT_MS);
    const output = (result.stdout + result.stderr).trim();
    if (output) io.out(indent(output));
  }
}

async function namespaceExists(namespace: string): Promise<boolean> {
  const result = await runKubectl(['get', 'namespace', namespace, '--ignore-not-found', '-o', 'name'], CLUSTER_CHECK_TIMEOUT_MS);
  if (result.code !== 0) throw new EnvironmentError(`Cannot look up namespace ${namespace}: ${firstLine(result.stderr)}`);
  return result.stdout.trim() !== '';
}

async function deleteNamespace(namespace: string, io: Output): Promise<boolean> {
  io.out(`  $ kubectl delete namespace ${namespace} --timeout=${NAMESPACE_DELETE_TIMEOUT_SECONDS}s`);
  const result = await runKubectl(
    ['delete', 'namespace', namespace, `--timeout=${NAMESPACE_DELETE_TIMEOUT_SECONDS}s`],
    (NAMESPACE_DELETE_TIMEOUT_SECONDS + KILL_GRACE_SECONDS) * 1000,
  );
  if (result.code === 0) {
    io.out(indent(result.stdout + result.stderr));
    return true;
  }
  io.err(
    `  ✗ could not delete namespace ${namespace}: ${result.timedOut ? 'timed out' : firstLine(result.stderr)}\n` +
      `    Delete it yourself: kubectl delete namespace ${namespace}`,
  );
  return false;
}

export async function runPattern(pattern: PatternRun, namespace: string, options: { keep: boolean; lang: Lang }, io: Output): Promise<boolean> {
  const started = Date.now();
  for (const requirement of pattern.requires ?? []) await checkRequirement(requirement);
  if (await namespaceExists(namespace)) {
    throw new EnvironmentError(
      `Namespace ${namespace} already exists. Choose another one with --namespace, or delete it: kubectl delete namespace ${namespace}`,
    );
  }
  io.out(`\n${pattern.title[options.lang]} (${pattern.slug}) in namespace ${namespace}`);
  const created = await runKubectl(['create', 'namespace', namespace], 60_000);
  if (created.code !== 0) throw new EnvironmentError(`Cannot create namespace ${namespace}: ${firstLine(created.stderr)}`);

  let failure: string | undefined;
  const total = pattern.steps.length;
  for (const [index, step] of pattern.steps.entries()) {
    io.out(`[${index + 1}/${total}] ${step.title[options.lang]}`);
    failure = await runStep(step, namespace, io);
    if (failure) {
      io.err(`  ✗ step ${index + 1} failed: ${failure}`);
      break;
    }
  }

  if (failure && !interrupted) await showDiagnostics(namespace, io);

  let cleanedUp = true;
  if (options.keep) {
    io.out(`Kept namespace ${namespace} (--keep). Delete it when done: kubectl delete namespace ${namespace}`);
  } else {
    io.out('Cleanup');
    const wasInterrupted = interrupted;
    interrupted = false; // let the cleanup commands run after Ctrl-C
    for (const step of pattern.cleanup ?? []) {
      io.out(`  ${step.title[options.lang]}`);
      const cleanupFailure = await runStep(step, namespace, io);
      if (cleanupFailure) io.err(`  ! ${cleanupFailure} (continuing: deleting the namespace removes what is left)`);
    }
    cleanedUp = await deleteNamespace(namespace, io);
    interrupted = wasInterrupted;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  if (failure) io.err(`✗ ${pattern.slug}: failed after ${seconds} s`);
  else if (!cleanedUp) io.err(`✗ ${pattern.slug}: all ${total} steps passed, but the cleanup failed (${seconds} s)`);
  else io.out(`✓ ${pattern.slug}: all ${total} steps passed (${seconds} s)`);
  return !failure && cleanedUp;
}

// ---- command line ------------------------------------------------------------------------------------------

const USAGE = `Usage: node scripts/try-pattern.ts <slug>|--all [--namespace <name>] [--keep] [--lang en|ko] [--dry-run]

Tries a pattern's "Run it" steps on the cluster of kubectl's current context, in a namespace it creates
(default: try-<slug>) and deletes afterwards, also on failure (unless --keep).
With --all every pattern runs in turn, each in its own namespace (<name>-<slug> with --namespace).
--dry-run prints the steps and their kubectl commands without contacting a cluster.

Patterns: ${patterns.map((p) => p.slug).join(', ')}`;

function parseCommandLine(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        all: { type: 'boolean', default: false },
        namespace: { type: 'string' },
        keep: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  if (values.lang !== 'en' && values.lang !== 'ko') throw new UsageError(`--lang must be en or ko, not "${values.lang}"`);
  if (values.all === positionals.length > 0 || positionals.length > 1) throw new UsageError('Give exactly one pattern slug, or --all.');
  const selected = values.all ? patterns : positionals.map((slug) => {
    const pattern = findPattern(slug);
    if (!pattern) throw new UsageError(`Unknown pattern "${slug}".`);
    return pattern;
  });
  const namespaceOf = (pattern: PatternRun) =>
    values.namespace === undefined ? `try-${pattern.slug}` : values.all ? `${values.namespace}-${pattern.slug}` : values.namespace;
  for (const pattern of selected) {
    const namespace = namespaceOf(pattern);
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace) || namespace.length > 63) {
      throw new UsageError(`"${namespace}" is not a valid namespace name (lower-case letters, digits and "-", at most 63 characters).`);
    }
  }
  return { help: false as const, selected, namespaceOf, keep: values.keep, lang: values.lang as Lang, dryRun: values['dry-run'] };
}

/** The steps and the commands they run, as --dry-run shows them. */
function printPlan(pattern: PatternRun, namespace: string, lang: Lang, io: Output): void {
  io.out(`${pattern.title[lang]} (${pattern.slug}) in namespace ${namespace}`);
  io.out(`  $ kubectl create namespace ${namespace}`);
  for (const [index, step] of pattern.steps.entries()) {
    io.out(`[${index + 1}/${pattern.steps.length}] ${step.title[lang]}`);
    io.out(`  $ kubectl --namespace ${namespace} ${stepArgs(step, namespace).map(shellQuote).join(' ')}`);
  }
  io.out('Cleanup');
  for (const step of pattern.cleanup ?? []) io.out(`  $ kubectl --namespace ${namespace} ${stepArgs(step, namespace).map(shellQuote).join(' ')}`);
  io.out(`  $ kubectl delete namespace ${namespace} --timeout=${NAMESPACE_DELETE_TIMEOUT_SECONDS}s\n`);
}

export async function main(argv: string[], io: Output): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (command.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (command.dryRun) {
    for (const pattern of command.selected) printPlan(pattern, command.namespaceOf(pattern), command.lang, io);
    return EXIT.ok;
  }
  try {
    const { context, serverVersion } = await checkCluster();
    io.out(`Cluster: context ${context}, Kubernetes ${serverVersion}`);
    if (olderThanTarget(serverVersion)) {
      io.err(`! The examples target Kubernetes 1.${TARGET_MINOR}; this cluster runs ${serverVersion}, so some steps may fail.`);
    }
    const results: Array<[string, boolean]> = [];
    for (const pattern of command.selected) {
      if (interrupted) break;
      try {
        results.push([pattern.slug, await runPattern(pattern, command.namespaceOf(pattern), command, io)]);
      } catch (error) {
        if (!(error instanceof EnvironmentError) || command.selected.length === 1) throw error;
        io.err(`✗ ${pattern.slug}: not run: ${error.message}`);
        results.push([pattern.slug, false]);
      }
    }
    if (interrupted) return EXIT.interrupted;
    if (results.length > 1) {
      io.out('\nSummary');
      for (const [slug, passed] of results) io.out(`  ${passed ? '✓' : '✗'} ${slug}`);
    }
    return results.every(([, passed]) => passed) ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof EnvironmentError) {
      io.err(error.message);
      return EXIT.environment;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    console.error('\nInterrupted: stopping the current step and cleaning up (press Ctrl-C again to leave immediately).');
    currentChild?.kill('SIGTERM');
    process.once('SIGINT', () => process.exit(EXIT.interrupted));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  main(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`try-pattern: unexpected error: ${(error as Error).message}`);
      process.exit(EXIT.failed);
    },
  );
}
