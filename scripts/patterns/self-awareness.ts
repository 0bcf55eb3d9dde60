// "Run it" of content/{ko,en}/self-awareness.mdx, step for step.
import type { PatternRun } from './types.ts';

const file = 'self-awareness/self-aware.yaml';
const readLabels = ['exec', 'self-aware', '--', 'cat', '/etc/podinfo/labels'];

export const selfAwareness: PatternRun = {
  slug: 'self-awareness',
  title: { en: 'Self Awareness', ko: '자기 인식' },
  steps: [
    { kind: 'apply', title: { en: 'Create the Pod', ko: '파드를 만든다' }, file },
    {
      kind: 'wait',
      title: { en: 'Wait until it is ready', ko: '준비될 때까지 기다린다' },
      kubectl: ['wait', '--for=condition=Ready', 'pod/self-aware'],
      timeoutSeconds: 120,
    },
    {
      kind: 'show',
      title: { en: 'What the container printed from its environment variables', ko: '컨테이너가 환경 변수에서 읽어 출력한 내용' },
      kubectl: ['logs', 'self-aware'],
      expect: [
        /^I am self-aware in namespace {namespace}, IP \d{1,3}(?:\.\d{1,3}){3}, on node \S+, as default$/m,
        'CPU request 50m, memory limit 32Mi, tier backend',
      ],
    },
    {
      kind: 'show',
      title: { en: 'All labels, as a file in the downwardAPI volume', ko: 'downwardAPI 볼륨의 파일로 본 모든 레이블' },
      kubectl: readLabels,
      expect: ['app="self-aware"', 'tier="backend"'],
    },
    {
      kind: 'show',
      title: { en: 'One annotation out of the annotations file', ko: '어노테이션 파일에서 어노테이션 하나를 찾는다' },
      kubectl: ['exec', 'self-aware', '--', 'grep', '^build=', '/etc/podinfo/annotations'],
      expect: ['build="2026-11-25.1"'],
    },
    {
      kind: 'show',
      title: { en: 'The CPU and memory limits, scaled by their divisors', ko: 'divisor로 환산한 CPU와 메모리 제한' },
      kubectl: ['exec', 'self-aware', '--', 'grep', '.', '/etc/podinfo/cpu_limit', '/etc/podinfo/memory_limit'],
      expect: ['/etc/podinfo/cpu_limit:250', '/etc/podinfo/memory_limit:32'],
    },
    {
      kind: 'run',
      title: { en: 'Change a label of the running Pod', ko: '실행 중인 파드의 레이블을 바꾼다' },
      kubectl: ['label', 'pod', 'self-aware', 'tier=frontend', '--overwrite'],
    },
    {
      kind: 'show',
      title: { en: 'The kubelet rewrites the labels file', ko: 'kubelet이 레이블 파일을 다시 쓴다' },
      kubectl: readLabels,
      expect: ['tier="frontend"'],
      retryForSeconds: 180,
    },
    {
      kind: 'show',
      title: { en: 'The environment variable keeps the old value', ko: '환경 변수는 이전 값 그대로다' },
      kubectl: ['exec', 'self-aware', '--', 'printenv', 'POD_TIER'],
      expect: [/^backend\s*$/],
    },
  ],
  cleanup: [{ kind: 'delete', title: { en: 'Delete the Pod', ko: '파드를 지운다' }, file }],
};
