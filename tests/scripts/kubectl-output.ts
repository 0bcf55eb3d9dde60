// What kubectl 1.36 prints, for checking the expected output the chapter pages show under "Run it".
//
// Sources (kubernetes/kubernetes, release 1.36):
// - table columns: pkg/printers/internalversion/printers.go (AddHandlers); kubectl upper-cases the names, and
//   `-o wide` adds the Priority 1 columns;
// - table layout: staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go (min width 6, padding 3, spaces);
// - rollout messages: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go;
// - delete messages: staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go (`deleted from <ns> namespace` for
//   namespaced objects since kubectl 1.34, kubernetes/kubernetes#126619).

/** Columns of `kubectl get <resource>`, then the extra ones of `-o wide`. */
const COLUMNS: Record<string, { columns: string[]; wide: string[] }> = {
  pods: { columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] },
  jobs: { columns: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'] },
  cronjobs: {
    columns: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  },
  daemonsets: {
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  },
  deployments: { columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'] },
  statefulsets: { columns: ['NAME', 'READY', 'AGE'], wide: ['CONTAINERS', 'IMAGES'] },
  services: { columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wide: ['SELECTOR'] },
  endpointslices: { columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], wide: [] },
  ingresses: { columns: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'], wide: [] },
  nodes: {
    columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  },
  persistentvolumeclaims: {
    columns: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    wide: ['VOLUMEMODE'],
  },
  storageclasses: {
    columns: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
    wide: [],
  },
  poddisruptionbudgets: { columns: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'], wide: [] },
  leases: { columns: ['NAME', 'HOLDER', 'AGE'], wide: [] },
  configmaps: { columns: ['NAME', 'DATA', 'AGE'], wide: [] },
};

const ALIASES: Record<string, string> = {
  pod: 'pods', po: 'pods', job: 'jobs', cronjob: 'cronjobs', cj: 'cronjobs', daemonset: 'daemonsets', ds: 'daemonsets',
  deployment: 'deployments', deploy: 'deployments', statefulset: 'statefulsets', sts: 'statefulsets',
  service: 'services', svc: 'services', endpointslice: 'endpointslices', ingress: 'ingresses', ing: 'ingresses',
  node: 'nodes', no: 'nodes', pvc: 'persistentvolumeclaims', persistentvolumeclaim: 'persistentvolumeclaims',
  storageclass: 'storageclasses', sc: 'storageclasses', pdb: 'poddisruptionbudgets',
  poddisruptionbudget: 'poddisruptionbudgets', lease: 'leases', configmap: 'configmaps', cm: 'configmaps',
};

/** Formats of the status lines `kubectl rollout status` prints for the three kinds it supports. */
export const ROLLOUT_STATUS_LINES: RegExp[] = [
  /^Waiting for deployment "[^"]+" rollout to finish: \d+ out of \d+ new replicas have been updated\.\.\.$/,
  /^Waiting for deployment "[^"]+" rollout to finish: \d+ old replicas are pending termination\.\.\.$/,
  /^Waiting for deployment "[^"]+" rollout to finish: \d+ of \d+ updated replicas are available\.\.\.$/,
  /^deployment "[^"]+" successfully rolled out$/,
  /^Waiting for daemon set "[^"]+" rollout to finish: \d+ out of \d+ new pods have been updated\.\.\.$/,
  /^Waiting for daemon set "[^"]+" rollout to finish: \d+ of \d+ updated pods are available\.\.\.$/,
  /^daemon set "[^"]+" successfully rolled out$/,
  /^Waiting for \d+ pods to be ready\.\.\.$/,
  /^Waiting for partitioned roll out to finish: \d+ out of \d+ new pods have been updated\.\.\.$/,
  /^partitioned roll out complete: \d+ new pods have been updated\.\.\.$/,
  /^waiting for statefulset rolling update to complete \d+ pods at revision \S+\.\.\.$/,
  /^statefulset rolling update complete \d+ pods at revision \S+\.\.\.$/,
];

/** Lines that look like a rollout status line, so that a misspelt one is caught rather than skipped. */
export const ROLLOUT_STATUS_LIKE = /^(Waiting for|waiting for|partitioned roll out|daemon set "|deployment "|statefulset rolling)/;

/**
 * How kubectl names an object in its messages: `<resource>[.<group>]`, singular, the group left out for the core
 * API (`pod/client created`, `deployment.apps/backend created`, `job.batch "x" deleted from default namespace`).
 */
const OBJECT_KINDS = new Set([
  'pod', 'service', 'configmap', 'secret', 'serviceaccount', 'node', 'namespace', 'persistentvolumeclaim',
  'deployment.apps', 'statefulset.apps', 'daemonset.apps', 'replicaset.apps', 'job.batch', 'cronjob.batch',
  'poddisruptionbudget.policy', 'role.rbac.authorization.k8s.io', 'rolebinding.rbac.authorization.k8s.io',
  'lease.coordination.k8s.io', 'endpointslice.discovery.k8s.io', 'ingress.networking.k8s.io',
]);

/** `kubectl apply/create/patch/label/scale/rollout restart/set env/wait` success lines. */
const OBJECT_LINE = /^([a-z0-9.]+)\/\S+ (created|configured|unchanged|patched|labeled|unlabeled|annotated|scaled|restarted|env updated|condition met)$/;

/** What is wrong with a line that names an object the way kubectl's messages do, if anything. */
export function objectLineProblem(line: string): string | undefined {
  const kind = OBJECT_LINE.exec(line)?.[1] ?? (DELETE_LIKE.test(line) ? line.split(' ')[0] : undefined);
  if (kind === undefined) return undefined;
  if (!OBJECT_KINDS.has(kind)) return `"${line}": kubectl names this kind <resource>[.<group>], e.g. deployment.apps`;
  if (DELETE_LIKE.test(line) && !DELETE_LINE.test(line)) {
    return `"${line}": kubectl 1.36 prints '<kind> "<name>" deleted from default namespace'`;
  }
  return undefined;
}

/** `kubectl delete` of a namespaced object in the page's namespace. */
export const DELETE_LINE = /^[a-z0-9.]+ "[^"]+" deleted from default namespace$/;
export const DELETE_LIKE = /^[a-z0-9.]+ "[^"]+" deleted\b/;

/** Splits a shell command line into words (single and double quotes, no expansions). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The header `kubectl get` prints for these arguments (after `get`), or undefined if it prints no table. */
export function tableHeader(getArgs: string[]): string[] | undefined {
  let output: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < getArgs.length; i++) {
    const arg = getArgs[i]!;
    if (arg === '-o' || arg === '--output') output = getArgs[++i];
    else if (arg.startsWith('-o') && arg.length > 2) output = arg.slice(2).replace(/^=/, '');
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (['-l', '--selector', '-n', '--namespace', '--field-selector', '--sort-by'].includes(arg)) i++;
    else if (!arg.startsWith('-')) positional.push(arg);
  }
  if (output?.startsWith('custom-columns=')) {
    return output.slice('custom-columns='.length).split(',').map((spec) => spec.split(':')[0]!);
  }
  if (output !== undefined && output !== 'wide') return undefined;
  const resource = positional[0]?.split('/')[0]?.split('.')[0];
  const key = resource && (COLUMNS[resource] ? resource : ALIASES[resource]);
  if (!key) throw new Error(`no kubectl 1.36 columns recorded for "kubectl get ${getArgs.join(' ')}"`);
  const { columns, wide } = COLUMNS[key]!;
  return output === 'wide' ? [...columns, ...wide] : columns;
}

/**
 * Checks a table as kubectl's tab writer lays it out: the header names in order, every column as wide as its
 * widest cell plus 3 spaces (at least 6), the last column unpadded. Returns the problems found.
 */
export function tableProblems(header: string[], lines: string[]): string[] {
  const problems: string[] = [];
  const starts: number[] = [];
  let from = 0;
  for (const name of header) {
    const at = lines[0]!.indexOf(name, from);
    if (at === -1 || (starts.length === 0 && at !== 0) || (starts.length > 0 && lines[0]!.slice(from, at).trim())) {
      return [`header is "${lines[0]}", kubectl 1.36 prints the columns ${header.join(', ')}`];
    }
    starts.push(at);
    from = at + name.length;
  }
  if (lines[0]!.slice(from).trim()) return [`header "${lines[0]}" has columns kubectl 1.36 does not print`];
  const cells = lines.map((line) =>
    starts.map((start, i) => line.slice(start, i + 1 < starts.length ? starts[i + 1] : undefined)),
  );
  for (let i = 0; i + 1 < starts.length; i++) {
    const widest = Math.max(...cells.map((row) => row[i]!.trimEnd().length));
    const width = Math.max(6, widest + 3);
    if (starts[i + 1]! - starts[i]! !== width) {
      problems.push(`column ${header[i]} is ${starts[i + 1]! - starts[i]!} wide; kubectl pads it to ${width}`);
    }
  }
  lines.forEach((line, row) => {
    cells[row]!.forEach((cell, i) => {
      if (cell.trim() && cell.startsWith(' ')) problems.push(`"${line}": column ${header[i]} is not aligned`);
      if (i + 1 < starts.length && !cell.endsWith('   ')) problems.push(`"${line}": column ${header[i]} runs into the next`);
    });
  });
  return problems;
}
