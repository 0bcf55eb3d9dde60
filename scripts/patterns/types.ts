// What `scripts/try-pattern.ts` needs to try one chapter's pattern on the reader's cluster.
// One module per chapter (scripts/patterns/<slug>.ts) exports a `PatternRun`; scripts/patterns/index.ts lists them.
//
// The steps must be the same as the chapter's "Run it" section (same commands, same order, same expected output),
// minus the namespace: examples carry no `metadata.namespace`, and the runner runs every kubectl command in a
// dedicated namespace it creates (`kubectl --namespace <ns> ...`) and deletes afterwards. Where a command or an
// expected output contains the namespace (DNS names such as `web-0.web.default.svc.cluster.local`), write
// `{namespace}` (in strings and in RegExp sources alike): the runner replaces it with its namespace, and the page
// shows `default`.

export type PatternSlug =
  | 'batch-job'
  | 'periodic-job'
  | 'daemon-service'
  | 'singleton-service'
  | 'stateful-service'
  | 'service-discovery'
  | 'self-awareness';

/** Text in both languages of the site; the runner prints the one chosen with --lang. */
export interface Localized {
  en: string;
  ko: string;
}

/** Something the cluster must offer; the runner checks it before applying anything and refuses clearly if absent. */
export type ClusterRequirement =
  /** A StorageClass annotated `storageclass.kubernetes.io/is-default-class: "true"` (kind and minikube have one). */
  'default-storage-class';

interface StepBase {
  /** Shown before the step runs, e.g. { en: 'Wait for both Pods', ko: '두 파드를 기다린다' }. */
  title: Localized;
  /**
   * Upper bound for this step in seconds. For `wait` steps the runner also passes `--timeout=<n>s` to kubectl.
   * Default: 60 (30 for `show`). The runner kills kubectl when it is exceeded and reports a timeout.
   */
  timeoutSeconds?: number;
}

/** `kubectl apply -f examples/<file>` in the runner's namespace. */
export interface ApplyStep extends StepBase {
  kind: 'apply';
  /** Path relative to examples/, as in `<Manifest file="..."/>`: 'stateful-service/web.yaml'. */
  file: string;
}

/** `kubectl delete -f examples/<file>` in the runner's namespace (the page's cleanup). */
export interface DeleteStep extends StepBase {
  kind: 'delete';
  /** A file, or a folder ending in `/` (kubectl deletes what every file in it describes). */
  file: string;
}

/**
 * A kubectl command that blocks until a state is reached: `['rollout', 'status', 'statefulset/web']` or
 * `['wait', '--for=condition=complete', 'job/pi']`. Do not put `--timeout` in `kubectl`: set `timeoutSeconds`
 * (required here), which the runner passes on.
 */
export interface WaitStep extends StepBase {
  kind: 'wait';
  kubectl: string[];
  timeoutSeconds: number;
}

/** A kubectl command that changes something: scale, patch, label, delete a Pod, create a client Pod... */
export interface RunStep extends StepBase {
  kind: 'run';
  kubectl: string[];
}

/** A kubectl command whose output the reader looks at; the runner prints it and checks `expect`. */
export interface ShowStep extends StepBase {
  kind: 'show';
  kubectl: string[];
  /**
   * What the output must contain (the facts the page's expected-output block shows; not volatile values such as
   * ages or IPs). Strings are matched literally after `{namespace}` substitution; RegExps as written.
   */
  expect?: Array<string | RegExp>;
  /**
   * Re-run the command every 2 s until every `expect` matches, for at most this many seconds (for state that
   * settles asynchronously, e.g. a downwardAPI volume file that the kubelet refreshes). Default: run once.
   */
  retryForSeconds?: number;
}

export type PatternStep = ApplyStep | DeleteStep | WaitStep | RunStep | ShowStep;

export interface PatternRun {
  slug: PatternSlug;
  /** Chapter title, e.g. { en: 'Stateful Service', ko: '스테이트풀 서비스' }. */
  title: Localized;
  requires?: ClusterRequirement[];
  /** The "Run it" steps in page order. Example files are applied by `apply` steps. */
  steps: PatternStep[];
  /**
   * The page's cleanup commands, run (best effort) before the runner deletes its namespace, which removes
   * everything namespaced that is left (including PersistentVolumeClaims). Needed only for cluster-scoped leftovers
   * or to show what the page's cleanup shows.
   */
  cleanup?: PatternStep[];
}
