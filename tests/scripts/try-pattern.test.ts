// The try-pattern runner against a fake kubectl (tests/fixtures/fake-kubectl): it records every call and answers
// from canned outputs, so these tests see exactly which kubectl commands the runner issues and in what order.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runKubectl } from '../../scripts/try-pattern.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fakeDir = join(root, 'tests/fixtures/fake-kubectl');
const script = join(root, 'scripts/try-pattern.ts');

interface Rule {
  match: string;
  stdout?: string;
  stderr?: string;
  exit?: number;
  sleepMs?: number;
  times?: number;
}

const serverVersion = JSON.stringify({ clientVersion: { gitVersion: 'v1.36.0' }, serverVersion: { gitVersion: 'v1.36.0' } });
const defaultStorageClass = JSON.stringify({
  items: [{ metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }],
});
/** A reachable cluster with a default StorageClass and none of the try-* namespaces yet. */
const healthyCluster: Rule[] = [
  { match: '^config current-context$', stdout: 'kind-kind\n' },
  { match: '^version -o json', stdout: serverVersion },
  { match: '^get storageclass -o json$', stdout: defaultStorageClass },
  { match: '^get namespace \\S+ --ignore-not-found -o name$', stdout: '' },
  { match: '^create namespace (\\S+)$', stdout: 'namespace/created\n' },
  { match: '^delete namespace ', stdout: 'namespace "x" deleted\n' },
];

/**
 * Canned answers for the self-awareness run: what a real cluster prints for the page's steps. The labels file
 * shows the old label `staleReads` more times after relabelling before the kubelet has rewritten it.
 */
function selfAwarenessAnswers(staleReads = 0): Rule[] {
  return [
    {
      match: 'logs self-aware$',
      stdout:
        'I am self-aware in namespace try-self-awareness, IP 10.244.0.12, on node kind-control-plane, as default\n' +
        'CPU request 50m, memory limit 32Mi, tier backend\n',
    },
    { match: 'exec self-aware -- cat /etc/podinfo/labels$', stdout: 'app="self-aware"\ntier="backend"', times: 1 + staleReads },
    { match: 'exec self-aware -- cat /etc/podinfo/labels$', stdout: 'app="self-aware"\ntier="frontend"' },
    { match: 'grep \\^build= /etc/podinfo/annotations$', stdout: 'build="2026-11-25.1"\n' },
    { match: 'grep \\. /etc/podinfo/cpu_limit /etc/podinfo/memory_limit$', stdout: '/etc/podinfo/cpu_limit:250\n/etc/podinfo/memory_limit:32\n' },
    { match: 'printenv POD_TIER$', stdout: 'backend\n' },
  ];
}

const workDirs: string[] = [];
afterEach(() => {
  for (const dir of workDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every kubectl invocation, in order. */
  calls: string[][];
}

function fakeEnv(rules: Rule[], options: { kubectlOnPath?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'try-pattern-'));
  workDirs.push(dir);
  const scenario = join(dir, 'scenario.json');
  const log = join(dir, 'calls.jsonl');
  writeFileSync(scenario, JSON.stringify({ rules }));
  const emptyBin = join(dir, 'bin');
  const env = {
    HOME: dir,
    // Without the fake, PATH holds only an empty folder, so no kubectl can be found (not even a real one).
    PATH: options.kubectlOnPath === false ? emptyBin : `${fakeDir}:${dirname(process.execPath)}:/usr/bin:/bin`,
    FAKE_KUBECTL_NODE: process.execPath,
    FAKE_KUBECTL_SCENARIO: scenario,
    FAKE_KUBECTL_LOG: log,
  };
  const calls = () =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as string[])
      : [];
  return { env, calls };
}

function tryPattern(
  args: string[],
  rules: Rule[],
  options: { kubectlOnPath?: boolean; interruptWhen?: (calls: string[][]) => boolean } = {},
): Promise<Run> {
  const { env, calls } = fakeEnv(rules, options);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (options.interruptWhen) {
      const poll = setInterval(() => {
        if (options.interruptWhen!(calls())) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 50);
      child.on('close', () => clearInterval(poll));
    }
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`try-pattern did not finish within 25 s\n${stdout}\n${stderr}`));
    }, 25_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, calls: calls() });
    });
  });
}

const subcommands = (run: Run) => run.calls.map((args) => args.join(' '));

describe('try-pattern: refusing to start', () => {
  it('refuses with exit code 3 when kubectl is not on PATH', async () => {
    const run = await tryPattern(['self-awareness'], healthyCluster, { kubectlOnPath: false });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('kubectl was not found on PATH');
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it('refuses with exit code 3 when the cluster cannot be reached, before touching anything', async () => {
    const run = await tryPattern(
      ['self-awareness'],
      [
        { match: '^config current-context$', stdout: 'kind-kind\n' },
        {
          match: '^version',
          stdout: JSON.stringify({ clientVersion: { gitVersion: 'v1.36.0' } }),
          stderr: 'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\n',
          exit: 1,
        },
      ],
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Cannot reach a Kubernetes cluster (kubectl context: kind-kind)');
    expect(run.stderr).toContain('The connection to the server 127.0.0.1:6443 was refused');
    expect(run.stderr).toContain('kind create cluster');
    // The check asks for the version with a short request timeout, and nothing is created.
    expect(run.calls.find((args) => args[0] === 'version')).toContain('--request-timeout=5s');
    expect(subcommands(run).some((call) => /create|apply/.test(call))).toBe(false);
  });

  it('refuses a pattern that needs a default StorageClass on a cluster without one', async () => {
    const run = await tryPattern(['stateful-service'], [
      { match: '^get storageclass -o json$', stdout: JSON.stringify({ items: [{ metadata: { name: 'slow' } }] }) },
      ...healthyCluster,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('needs a default StorageClass');
    expect(subcommands(run).some((call) => call.startsWith('create namespace'))).toBe(false);
  });

  it('refuses to reuse a namespace that already exists, and leaves it alone', async () => {
    const run = await tryPattern(['self-awareness'], [
      { match: '^get namespace try-self-awareness ', stdout: 'namespace/try-self-awareness\n' },
      ...healthyCluster,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Namespace try-self-awareness already exists');
    expect(subcommands(run).some((call) => /^(create|delete) namespace/.test(call))).toBe(false);
  });

  it('rejects bad usage with exit code 2 and the usage text, without calling kubectl', async () => {
    for (const args of [['no-such-pattern'], [], ['self-awareness', '--all'], ['self-awareness', '--namespace', 'Bad_Name'], ['self-awareness', '--lang', 'fr']]) {
      const run = await tryPattern(args, healthyCluster);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: node scripts/try-pattern.ts');
      expect(run.calls).toEqual([]);
    }
  });
});

describe('try-pattern --dry-run', () => {
  it('prints the plan without calling kubectl', async () => {
    const run = await tryPattern(['stateful-service', '--dry-run'], healthyCluster);
    expect(run.code).toBe(0);
    expect(run.calls).toEqual([]);
    expect(run.stdout).toContain('$ kubectl --namespace try-stateful-service apply -f examples/stateful-service/statefulset.yaml');
    expect(run.stdout).toContain(
      '$ kubectl --namespace try-stateful-service exec web-0 -- wget -qO- http://web-1.web.try-stateful-service.svc.cluster.local:8080/',
    );
    expect(run.stdout).toContain('$ kubectl delete namespace try-stateful-service');
  });
});

describe('try-pattern: running a pattern', () => {
  it('runs every step in a dedicated namespace, checks the promised output, and deletes the namespace', async () => {
    const run = await tryPattern(['self-awareness'], [...selfAwarenessAnswers(1), ...healthyCluster]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const calls = subcommands(run);
    const ns = '--namespace try-self-awareness';
    expect(calls).toContain('create namespace try-self-awareness');
    expect(calls).toContain(`${ns} apply -f examples/self-awareness/self-aware.yaml`);
    expect(calls).toContain(`${ns} wait --for=condition=Ready pod/self-aware --timeout=120s`);
    expect(calls).toContain(`${ns} label pod self-aware tier=frontend --overwrite`);
    // The labels file was read until the new label appeared: once before relabelling, twice after (one stale read).
    expect(calls.filter((call) => call.endsWith('cat /etc/podinfo/labels'))).toHaveLength(3);
    // Cleanup: the page's delete, then the namespace, last.
    expect(calls.at(-2)).toBe(`${ns} delete -f examples/self-awareness/self-aware.yaml`);
    expect(calls.at(-1)).toMatch(/^delete namespace try-self-awareness --timeout=\d+s$/);
    expect(run.stdout).toContain('[1/9] Create the Pod');
    expect(run.stdout).toContain('$ kubectl exec self-aware -- printenv POD_TIER');
    expect(run.stdout).toContain('✓ self-awareness: all 9 steps passed');
  });

  it('prints the step titles in Korean with --lang ko and honours --namespace', async () => {
    const answers = selfAwarenessAnswers().map((rule) =>
      rule.stdout ? { ...rule, stdout: rule.stdout.replace('try-self-awareness', 'demo') } : rule,
    );
    const run = await tryPattern(['self-awareness', '--lang', 'ko', '--namespace', 'demo'], [...answers, ...healthyCluster]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[1/9] 파드를 만든다');
    expect(subcommands(run)).toContain('--namespace demo apply -f examples/self-awareness/self-aware.yaml');
    expect(subcommands(run).at(-1)).toMatch(/^delete namespace demo /);
  });

  it('fails a wait step that times out, skips the rest and still cleans up', async () => {
    const run = await tryPattern(['self-awareness'], [
      { match: ' wait --for=condition=Ready pod/self-aware', stderr: 'error: timed out waiting for the condition on pods/self-aware\n', exit: 1 },
      ...selfAwarenessAnswers(),
      ...healthyCluster,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("step 2 failed: kubectl exited with code 1 (the wait's 120 s timeout passed)");
    expect(run.stderr).toContain('✗ self-awareness: failed');
    const calls = subcommands(run);
    expect(calls.some((call) => call.includes('logs self-aware'))).toBe(false);
    // Before cleaning up it shows what went wrong.
    expect(calls).toContain('--namespace try-self-awareness get events --sort-by=.lastTimestamp');
    expect(run.stdout).toContain('Diagnostics');
    expect(calls.at(-1)).toMatch(/^delete namespace try-self-awareness /);
  });

  it('fails when the output lacks what the page promises, naming the expectation', async () => {
    const run = await tryPattern(['self-awareness'], [
      { match: 'printenv POD_TIER$', stdout: 'frontend\n' },
      ...selfAwarenessAnswers(),
      ...healthyCluster,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('step 9 failed: the output lacks what the page promises: /^backend\\s*$/');
    expect(run.stdout).toContain('    frontend'); // the actual output is shown
    expect(subcommands(run).at(-1)).toMatch(/^delete namespace try-self-awareness /);
  });

  it('keeps the namespace with --keep and says how to delete it', async () => {
    const run = await tryPattern(['self-awareness', '--keep'], [...selfAwarenessAnswers(), ...healthyCluster]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Kept namespace try-self-awareness (--keep). Delete it when done: kubectl delete namespace try-self-awareness');
    expect(subcommands(run).some((call) => call.startsWith('delete'))).toBe(false);
  });

  it('cleans up when interrupted in the middle of a step (Ctrl-C)', async () => {
    const run = await tryPattern(
      ['self-awareness'],
      [{ match: ' wait --for=condition=Ready pod/self-aware', sleepMs: 15_000 }, ...selfAwarenessAnswers(), ...healthyCluster],
      { interruptWhen: (calls) => calls.some((args) => args.includes('wait')) },
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Interrupted: stopping the current step and cleaning up');
    const calls = subcommands(run);
    expect(calls.some((call) => call.includes('logs self-aware'))).toBe(false);
    expect(calls.at(-2)).toBe('--namespace try-self-awareness delete -f examples/self-awareness/self-aware.yaml');
    expect(calls.at(-1)).toMatch(/^delete namespace try-self-awareness /);
  });

  it('refuses --all once when the cluster is unreachable', async () => {
    const run = await tryPattern(['--all'], [{ match: '^version', stderr: 'Unable to connect to the server: dial tcp: i/o timeout\n', exit: 1 }]);
    expect(run.code).toBe(3);
    expect(run.stderr.match(/Cannot reach a Kubernetes cluster/g)).toHaveLength(1);
    expect(run.stderr).toContain('kubectl context: (none)'); // the fake's current-context prints nothing
  });

  it('reports a failed cleanup with a non-zero exit code', async () => {
    const run = await tryPattern(['self-awareness'], [
      { match: '^delete namespace ', stderr: 'Error from server (Forbidden): namespaces "try-self-awareness" is forbidden\n', exit: 1 },
      ...selfAwarenessAnswers(),
      ...healthyCluster,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not delete namespace try-self-awareness: Error from server (Forbidden)');
    expect(run.stderr).toContain('Delete it yourself: kubectl delete namespace try-self-awareness');
  });
});

describe('runKubectl', () => {
  it('kills a kubectl that hangs once its time is up', async () => {
    const { env } = fakeEnv([{ match: '^get pods$', sleepMs: 20_000, stdout: 'too late' }]);
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const started = Date.now();
      const result = await runKubectl(['get', 'pods'], 500);
      expect(result.timedOut).toBe(true);
      expect(result.stdout).toBe('');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
