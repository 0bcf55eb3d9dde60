import type { Rule, RuleFinding } from '../types.ts';
import { existingPath, gvk, LONG_RUNNING_WORKLOADS, podTemplates } from './lib/pod-templates.ts';
import { isEmptySelector, selectorMatches, validateLabelSelector } from './lib/selector.ts';
import { arr, entries, finding, isObj, missing, msg, obj, str, type Obj } from './lib/util.ts';

/** A readable "key=value, key=value" of the matchLabels the template lacks. */
function unmatchedLabels(selector: Obj, labels: Obj): string {
  const wrong = entries(selector.matchLabels)
    .filter(([key, value]) => labels[key] !== value)
    .map(([key, value]) => `${key}=${String(value)}`);
  return wrong.length > 0 ? wrong.join(', ') : 'matchExpressions';
}

const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];

/** A Job selector the generated labels still satisfy: nothing but job-name = the Job's own name. */
function onlySelectsJobName(selector: Obj, jobName: string | undefined): boolean {
  if (arr(selector.matchExpressions).length > 0) return false;
  return entries(selector.matchLabels).every(([key, value]) => JOB_NAME_LABELS.includes(key) && value === jobName);
}

/** Workload selectors: non-empty, well-formed, and matching the pod template's labels. */
export const workloadSelector: Rule = {
  id: 'workload-selector',
  severity: 'error',
  description: msg(
    "A Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController (and a Job with manualSelector: true) needs a non-empty, well-formed selector that matches its pod template's labels; any other Job must leave its selector to the API server.",
    'Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController(그리고 manualSelector: true인 Job)는 비어 있지 않고 올바른 selector가 필요하며, 그 selector가 파드 템플릿의 레이블과 일치해야 한다. 그 밖의 Job은 selector를 API 서버에 맡겨야 한다.',
  ),
  appliesTo: [...LONG_RUNNING_WORKLOADS, 'batch/v1/Job'],
  check(resource) {
    const out: RuleFinding[] = [];
    const spec = obj(resource.object.spec);
    if (!spec) return out;
    const pod = podTemplates(resource)[0];
    const labels = obj(pod?.metadata?.labels) ?? {};
    const wantedLabelsPath = pod ? [...pod.metadataPath, 'labels'] : ['spec', 'template'];
    const labelsPath = existingPath(resource.object, wantedLabelsPath);
    const labelsAt = labelsPath.length < wantedLabelsPath.length ? 'key' : 'value';
    const kind = resource.kind;

    if (gvk(resource) === 'v1/ReplicationController') {
      // An empty RC selector defaults to the template labels; a given one must be a subset of them.
      const selector = obj(spec.selector);
      if (!selector || Object.keys(selector).length === 0) {
        if (Object.keys(labels).length === 0) {
          out.push(missing(['spec'], msg(
            'A ReplicationController needs spec.selector or pod template labels to default it from.',
            'ReplicationController에는 spec.selector나, 그 기본값이 될 파드 템플릿 레이블이 필요하다.',
          )));
        }
        return out;
      }
      const asSelector = { matchLabels: selector };
      out.push(...validateLabelSelector(asSelector, ['spec', 'selector']).map((f) => ({ ...f, path: ['spec', 'selector', ...f.path.slice(3)] })));
      if (!selectorMatches(asSelector, labels)) {
        out.push(finding(labelsPath, msg(
          `spec.selector does not match the pod template labels (missing or different: ${unmatchedLabels(asSelector, labels)}).`,
          `spec.selector가 파드 템플릿 레이블과 일치하지 않는다 (없거나 다른 것: ${unmatchedLabels(asSelector, labels)}).`,
        ), { at: labelsAt }));
      }
      return out;
    }

    if (resource.kind === 'Job' && spec.manualSelector !== true) {
      // The API server adds controller-uid to the selector and then requires that it select exactly the
      // generated labels (ValidateGeneratedSelector): a hand-written selector is "not auto-generated".
      if (isObj(spec.selector) && !onlySelectsJobName(spec.selector, str(obj(resource.object.metadata)?.name))) {
        out.push(finding(['spec', 'selector'], msg(
          'A Job generates its own selector (with a unique controller-uid); this hand-written spec.selector is rejected as "not auto-generated". Remove it, or set spec.manualSelector: true if you really manage the labels yourself.',
          'Job은 고유한 controller-uid로 selector를 스스로 만든다; 직접 쓴 spec.selector는 "not auto-generated"로 거부된다. selector를 지우거나, 레이블을 정말 직접 관리한다면 spec.manualSelector: true를 지정해야 한다.',
        ), { at: 'key' }));
      }
      return out;
    }

    const selector = spec.selector;
    if (!isObj(selector)) {
      out.push(missing(['spec'], resource.kind === 'Job'
        ? msg('A Job with manualSelector: true needs spec.selector.', 'manualSelector: true인 Job에는 spec.selector가 필요하다.')
        : msg(`A ${kind} needs spec.selector.`, `${kind}에는 spec.selector가 필요하다.`), 'selector'));
      return out;
    }
    if (isEmptySelector(selector)) {
      out.push(finding(['spec', 'selector'], msg(
        `An empty selector is invalid for a ${kind}: give matchLabels (or matchExpressions) that select the pod template's labels.`,
        `${kind}에 빈 selector는 쓸 수 없다: 파드 템플릿 레이블을 고르는 matchLabels(또는 matchExpressions)를 지정해야 한다.`,
      )));
      return out;
    }
    const problems = validateLabelSelector(selector, ['spec', 'selector']);
    out.push(...problems);
    if (problems.length === 0 && !selectorMatches(selector, labels)) {
      out.push(finding(labelsPath, msg(
        `spec.selector does not match the pod template labels (${Object.keys(labels).length === 0 ? 'the template has no labels' : `missing or different: ${unmatchedLabels(selector, labels)}`}); the API server rejects the ${kind}.`,
        `spec.selector가 파드 템플릿 레이블과 일치하지 않아 API 서버가 거부한다 (${Object.keys(labels).length === 0 ? '템플릿에 레이블이 없다' : `없거나 다른 것: ${unmatchedLabels(selector, labels)}`}).`,
      ), { at: labelsAt }));
    }
    return out;
  },
};

