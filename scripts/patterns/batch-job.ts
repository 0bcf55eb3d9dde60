// "Run it" of content/{ko,en}/batch-job.mdx, step for step.
import type { PatternRun } from './types.ts';

const fixed = 'batch-job/job-fixed-completions.yaml';
const indexed = 'batch-job/job-indexed.yaml';
const failurePolicy = 'batch-job/job-pod-failure-policy.yaml';

export const batchJob: PatternRun = {
  slug: 'batch-job',
  title: { en: 'Batch Job', ko: '배치 잡' },
  steps: [
    { kind: 'apply', title: { en: 'Start the fixed-completion Job', ko: '완료 횟수를 고정한 잡을 시작한다' }, file: fixed },
    {
      kind: 'show',
      title: { en: 'List its Pods: never more than two are active', ko: '파드 목록을 본다. 활성 파드는 두 개를 넘지 않는다' },
      kubectl: ['get', 'pods', '-l', 'job-name=batch-fixed-completions'],
      expect: [/batch-fixed-completions-\w+/],
    },
    {
      kind: 'wait',
      title: { en: 'Wait for five successful Pods', ko: '파드 다섯 개가 성공할 때까지 기다린다' },
      kubectl: ['wait', '--for=condition=complete', 'job/batch-fixed-completions'],
      timeoutSeconds: 120,
    },
    {
      kind: 'show',
      title: { en: 'The Job is complete and kept until its TTL expires', ko: '잡은 완료되었고 TTL이 지날 때까지 남아 있다' },
      kubectl: ['get', 'job', 'batch-fixed-completions'],
      expect: [/batch-fixed-completions\s+Complete\s+5\/5/],
    },
    { kind: 'apply', title: { en: 'Run the Indexed Job', ko: '인덱스 잡을 실행한다' }, file: indexed },
    {
      kind: 'wait',
      title: { en: 'Wait for indexes 0, 1 and 2', ko: '인덱스 0, 1, 2를 기다린다' },
      kubectl: ['wait', '--for=condition=complete', 'job/batch-indexed'],
      timeoutSeconds: 120,
    },
    {
      kind: 'show',
      title: { en: 'Each Pod worked on its own index', ko: '파드마다 자기 인덱스를 처리했다' },
      kubectl: ['logs', '-l', 'job-name=batch-indexed'],
      expect: [
        'index 0: building the report for seoul',
        'index 1: building the report for busan',
        'index 2: building the report for incheon',
      ],
    },
    {
      kind: 'apply',
      title: { en: 'Run the Job with a Pod failure policy on valid input', ko: '파드 실패 정책을 둔 잡을 정상 입력으로 실행한다' },
      file: failurePolicy,
    },
    {
      kind: 'wait',
      title: { en: 'It completes', ko: '잡이 완료된다' },
      kubectl: ['wait', '--for=condition=complete', 'job/batch-failure-policy'],
      timeoutSeconds: 120,
    },
    {
      kind: 'run',
      title: { en: 'Delete it to run it again', ko: '다시 실행하려고 잡을 지운다' },
      kubectl: ['delete', 'job', 'batch-failure-policy'],
    },
    {
      kind: 'run',
      title: { en: 'Make the input corrupt', ko: '입력을 손상시킨다' },
      kubectl: ['create', 'configmap', 'batch-input', '--from-literal=state=corrupt'],
    },
    {
      kind: 'apply',
      title: { en: 'Run the Job again', ko: '잡을 다시 실행한다' },
      file: failurePolicy,
    },
    {
      kind: 'wait',
      title: { en: 'Exit code 42 fails the Job at once (FailJob)', ko: '종료 코드 42가 잡을 즉시 실패시킨다(FailJob)' },
      kubectl: ['wait', '--for=condition=failed', 'job/batch-failure-policy'],
      timeoutSeconds: 120,
    },
    {
      kind: 'show',
      title: { en: 'Why it failed', ko: '실패한 이유' },
      kubectl: ['get', 'job', 'batch-failure-policy', '-o', 'jsonpath={.status.conditions[?(@.type=="Failed")].message}{"\\n"}'],
      expect: ['failed with exit code 42 matching FailJob rule at index 0'],
    },
  ],
  cleanup: [
    {
      kind: 'run',
      title: { en: 'Delete the Jobs and their Pods', ko: '잡과 파드를 지운다' },
      kubectl: ['delete', 'job', '-l', 'app.kubernetes.io/part-of=k8s-patterns-batch-job'],
    },
    {
      kind: 'run',
      title: { en: 'Delete the input ConfigMap', ko: '입력 컨피그맵을 지운다' },
      kubectl: ['delete', 'configmap', 'batch-input'],
    },
  ],
};
