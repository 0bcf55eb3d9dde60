// Benchmark of the validator (npm run bench:validate).
// 1. Generates a corpus of >= 50,000 resources (mixed kinds, ~1% invalid) in a temp folder.
// 2. Baseline, same run: single-threaded parse-only of that corpus with the `yaml` package (in a child process).
// 3. End to end: the command users run (bin/k8s-validate.mjs -strict -summary, which starts the CLI in a
//    child Node), with the default -n, with -n 1 and with -n 2; resources/s, ratio to the baseline, peak RSS of
//    the whole process tree (worker threads are threads of the CLI process, so its RSS includes them).
// 4. Cold `npm run validate` over the site (content/ and examples/ when present, else a site-sized corpus), and
//    the same command checking the seven bundled Kubernetes versions at once (-kubernetes-versions 1.30-1.36).
// 5. The targets, PASS or FAIL, for the default setting.
// The machine's cores are shared, so the baseline and the three settings are measured in ROUNDS interleaved
// rounds and the median of each is reported (every round's wall time is printed too).
// Options: --resources N (default 50000), --rounds N (default 3), --keep (leave the corpus).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir, availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { defaultWorkers } from '../src/validator/command.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const RESOURCES = option('resources', 50_000);
const ROUNDS = Math.max(1, option('rounds', 3));
const PER_FILE = 48;
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/k8s-validate.mjs');

// ---- corpus --------------------------------------------------------------------------------------

function labels(i: number) {
  return `    app: app-${i}\n    tier: t${i % 7}\n`;
}
// Every container sets requests and limits, as production manifests do (the best-practice rules would
// otherwise warn on most of them, and a warning, like an error, costs a positions pass).
const RESOURCES_BLOCK = (indent: string) =>
  `${indent}resources:\n${indent}  requests:\n${indent}    cpu: 50m\n${indent}    memory: 32Mi\n${indent}  limits:\n${indent}    memory: 64Mi\n`;
const KINDS: Array<(i: number) => string> = [
  (i) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\n  labels:\n${labels(i)}spec:\n  replicas: ${1 + (i % 5)}\n  selector:\n    matchLabels:\n      app: app-${i}\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n          name: http\n        resources:\n          requests:\n            cpu: 100m\n            memory: 64Mi\n          limits:\n            memory: 128Mi\n        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: http\n`,
  // The headless Service that governs the StatefulSet four resources later (same file: 48 per file).
  (i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: db-${i + 4}\nspec:\n  clusterIP: None\n  selector:\n    app: db-${i + 4}\n  ports:\n  - name: postgres\n    port: 5432\n    targetPort: 5432\n`,
  (i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-${i}\n  namespace: ns-${i % 3}\ndata:\n  LOG_LEVEL: info\n  config.yaml: |\n    server:\n      port: 8080\n      enabled: true\n`,
  (i) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: job-${i}\nspec:\n  backoffLimit: 4\n  completions: 3\n  parallelism: 2\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n      - name: work\n        image: busybox:1.36\n        command: ["sh", "-c", "echo hello ${i}"]\n${RESOURCES_BLOCK('        ')}`,
  (i) => `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: cron-${i}\nspec:\n  schedule: "*/5 * * * *"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: tick\n            image: busybox:1.36\n            args: ["date"]\n${RESOURCES_BLOCK('            ')}`,
  (i) => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db-${i}\nspec:\n  serviceName: db-${i}\n  replicas: 3\n  selector:\n    matchLabels:\n      app: db-${i}\n  template:\n    metadata:\n      labels:\n        app: db-${i}\n    spec:\n      containers:\n      - name: db\n        image: postgres:17\n        volumeMounts:\n        - name: data\n          mountPath: /var/lib/postgresql\n${RESOURCES_BLOCK('        ')}  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: ["ReadWriteOnce"]\n      resources:\n        requests:\n          storage: 1Gi\n`,
  (i) => `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent-${i}\nspec:\n  selector:\n    matchLabels:\n      app: agent-${i}\n  template:\n    metadata:\n      labels:\n        app: agent-${i}\n    spec:\n      containers:\n      - name: agent\n        image: fluent/fluent-bit:3.1\n        env:\n        - name: NODE_NAME\n          valueFrom:\n            fieldRef:\n              fieldPath: spec.nodeName\n${RESOURCES_BLOCK('        ')}`,
  (i) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa-${i}\n`,
];
// ~1% invalid, one kind of mistake each.
const BROKEN: Array<(i: number) => string> = [
  (i) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: broken-${i}\nspec:\n  replicas: two\n  selector:\n    matchLabels:\n      app: b\n  template:\n    metadata:\n      labels:\n        app: b\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`,
  (i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: broken-${i}\nspec:\n  prots:\n  - port: 80\n`,
  (i) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: broken-${i}\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      conatainers:\n      - name: c\n        image: busybox\n`,
];

function generateCorpus(dir: string, total: number): { files: number; invalid: number; bytes: number } {
  let n = 0;
  let files = 0;
  let invalid = 0;
  let bytes = 0;
  while (n < total) {
    const docs: string[] = [];
    for (let k = 0; k < PER_FILE && n < total; k++, n++) {
      if (n % 100 === 37) {
        docs.push(BROKEN[invalid % BROKEN.length](n));
        invalid++;
      } else docs.push(KINDS[n % KINDS.length](n));
    }
    const text = docs.join('---\n');
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `manifests-${String(files).padStart(5, '0')}.yaml`), text);
    files++;
  }
  return { files, invalid, bytes };
}

function generateSite(dir: string): void {
  mkdirSync(join(dir, 'content/en'), { recursive: true });
  mkdirSync(join(dir, 'content/ko'), { recursive: true });
  mkdirSync(join(dir, 'examples/demo'), { recursive: true });
  const slugs = ['batch-job', 'periodic-job', 'daemon-service', 'singleton-service', 'stateful-service', 'service-discovery', 'self-awareness', 'index', 'validation'];
  let i = 0;
  for (const lang of ['en', 'ko']) {
    for (const slug of slugs) {
      const fences = [0, 1, 2, 3].map(() => '```yaml\n' + KINDS[i++ % KINDS.length](i) + '```\n').join('\nSome prose.\n\n');
      writeFileSync(join(dir, `content/${lang}/${slug}.mdx`), `---\ntitle: ${slug}\n---\n\n# ${slug}\n\n${fences}\n\`\`\`yaml novalidate\nspec:\n  replicas: 1\n\`\`\`\n`);
    }
  }
  for (let k = 0; k < 40; k++) writeFileSync(join(dir, `examples/demo/example-${k}.yaml`), KINDS[k % KINDS.length](k));
}

// ---- measuring -------------------------------------------------------------------------------------

function descendants(pid: number): number[] {
  const out = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/).map(Number) : []) out.push(...descendants(child));
    }
  } catch {
    // process gone
  }
  return out;
}

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) of this process's finished children, from /proc/self/stat (cutime, cstime). */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

async function run(command: string, argv: string[], cwd: string): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number; code: number; stdout: string }> {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  let peak = 0;
  const timer = setInterval(() => {
    const total = descendants(child.pid!).reduce((sum, pid) => sum + rssKb(pid), 0);
    if (total > peak) peak = total;
  }, 10);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore, peakRssMb: peak / 1024, code, stdout };
}

function baseline(dir: string): { seconds: number; cpuSeconds: number; docs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let docs = 0;
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      doc.toJS();
      docs++;
    }
  }
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, docs };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

// The baseline runs in a child process of its own, like the validator: run in this process, its garbage was
// still being collected by V8's background threads while the next measurement ran, slowing that one.
if (args[0] === '--baseline-of') {
  console.log(JSON.stringify(baseline(args[1])));
  process.exit(0);
}
async function baselineInChild(corpusDir: string): Promise<ReturnType<typeof baseline>> {
  const child = await run(process.execPath, [new URL(import.meta.url).pathname, '--baseline-of', corpusDir], root);
  return JSON.parse(child.stdout) as ReturnType<typeof baseline>;
}

const dir = mkdtempSync(join(tmpdir(), 'k8s-validate-bench-'));
try {
  const corpusDir = join(dir, 'corpus');
  mkdirSync(corpusDir);
  const corpus = generateCorpus(corpusDir, RESOURCES);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}`);
  console.log(`corpus: ${fmt(RESOURCES)} resources (${fmt(corpus.invalid)} invalid) in ${fmt(corpus.files)} files, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB`);

  // The setting users get (no -n), then one thread and two threads, each in a fresh process.
  const settings: Array<{ label: string; flags: string[] }> = [
    { label: `default (-n omitted: ${defaultWorkers()} on this machine)`, flags: [] },
    { label: '-n 1', flags: ['-n', '1'] },
    { label: '-n 2', flags: ['-n', '2'] },
  ];
  const baseRuns: Array<ReturnType<typeof baseline>> = [];
  const runs: Array<Array<Awaited<ReturnType<typeof run>>>> = settings.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    baseRuns.push(await baselineInChild(corpusDir));
    for (const [i, setting] of settings.entries()) runs[i].push(await run(process.execPath, [bin, '-strict', '-summary', ...setting.flags, corpusDir], root));
  }
  const median = <T extends { seconds: number }>(list: T[]): T => [...list].sort((a, b) => a.seconds - b.seconds)[Math.floor((list.length - 1) / 2)];
  const walls = (list: Array<{ seconds: number }>) => `[${list.map((r) => r.seconds.toFixed(2)).join(', ')} s]`;

  const base = median(baseRuns);
  const baseRate = base.docs / base.seconds;
  console.log(`baseline (yaml parseAllDocuments + toJS, 1 thread, no validation), median of ${ROUNDS} ${walls(baseRuns)}: ${base.seconds.toFixed(2)} s, ${fmt(baseRate)} resources/s (${base.cpuSeconds.toFixed(2)} CPU s, ${fmt(base.docs / base.cpuSeconds)} resources per CPU second)`);
  const measured: Array<{ label: string; rate: number; peakRssMb: number }> = [];
  for (const [i, setting] of settings.entries()) {
    const e2e = median(runs[i]);
    const rate = RESOURCES / e2e.seconds;
    const peakRssMb = Math.max(...runs[i].map((r) => r.peakRssMb));
    measured.push({ label: setting.label, rate, peakRssMb });
    console.log(`end to end, ${setting.label}, exit ${e2e.code}, median of ${ROUNDS} ${walls(runs[i])}: ${e2e.seconds.toFixed(2)} s, ${fmt(rate)} resources/s, ratio to baseline ${(rate / baseRate).toFixed(2)}, peak RSS ${peakRssMb.toFixed(0)} MB (${e2e.cpuSeconds.toFixed(2)} CPU s in all threads, ${fmt(RESOURCES / e2e.cpuSeconds)} resources per CPU second)`);
  }
  console.log(`  ${runs[0][0].stdout.trim().split('\n').pop()}`);

  // Cold `npm run validate`: a fresh process validating the site (content/ and examples/) with all rules.
  let coldSeconds = NaN;
  const siteHasContent = existsSync(join(root, 'content')) || existsSync(join(root, 'examples'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (siteHasContent) {
    const site = await run(npm, ['run', '--silent', 'validate'], root);
    coldSeconds = site.seconds;
    console.log(`cold npm run validate (content/ and examples/ of this repository): ${site.seconds.toFixed(2)} s (${site.cpuSeconds.toFixed(2)} CPU s), exit ${site.code}: ${site.stdout.trim().split('\n').pop()}`);
  } else {
    // No pages yet: the same command on a site-sized corpus (18 pages with 4 fences each, 40 example files).
    const siteDir = join(dir, 'site');
    generateSite(siteDir);
    const scriptLine = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.validate as string;
    const argv = scriptLine.replace(/^node\s+/, '').split(/\s+/).map((arg) => (arg.endsWith('.ts') ? join(root, arg) : arg));
    const site = await run(process.execPath, argv, siteDir);
    coldSeconds = site.seconds;
    console.log(`cold validate of a site-sized corpus (content/ and examples/ do not exist yet; same command as npm run validate): ${site.seconds.toFixed(2)} s (${site.cpuSeconds.toFixed(2)} CPU s), exit ${site.code}: ${site.stdout.trim().split('\n').pop()}`);
  }

  // The same validation against every bundled Kubernetes version (matrix mode), cold, in the same folder.
  const validateLine = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.validate as string;
  const matrixArgv = validateLine.replace(/^node\s+/, '').split(/\s+/).map((arg) => (arg.endsWith('.ts') ? join(root, arg) : arg));
  const matrix = await run(process.execPath, [matrixArgv[0], '-kubernetes-versions', '1.30-1.36', ...matrixArgv.slice(1)], siteHasContent ? root : join(dir, 'site'));
  console.log(`cold matrix, the same command with -kubernetes-versions 1.30-1.36 (7 versions): ${matrix.seconds.toFixed(2)} s (${matrix.cpuSeconds.toFixed(2)} CPU s), ${(matrix.seconds / coldSeconds).toFixed(2)} times the one-version run, exit ${matrix.code}: ${matrix.stdout.trim().split('\n').pop()}`);

  const [byDefault] = measured;
  const target = (ok: boolean, text: string) => console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
  console.log(`targets (default setting; load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
  target(byDefault.rate >= 15_000, `>= 15,000 resources/s end to end: ${fmt(byDefault.rate)}`);
  target(byDefault.rate / baseRate >= 3, `>= 3 times the yaml parse-only baseline: ${(byDefault.rate / baseRate).toFixed(2)}`);
  target(Math.max(...measured.map((m) => m.peakRssMb)) <= 300, `peak RSS <= 300 MB (process tree, every setting): ${Math.max(...measured.map((m) => m.peakRssMb)).toFixed(0)} MB`);
  target(coldSeconds < 1, `cold npm run validate < 1 s: ${coldSeconds.toFixed(2)} s`);
  target(matrix.seconds < 3, `cold seven-version matrix over the site < 3 s: ${matrix.seconds.toFixed(2)} s`);
  // Not a target: on two cores one validating thread already keeps ~1.4 cores busy (V8's background GC and JIT).
  console.log(`info  -n 2 vs -n 1: ${fmt(measured[2].rate)} vs ${fmt(measured[1].rate)} resources/s`);
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  else console.log(`corpus kept in ${dir}`);
}
