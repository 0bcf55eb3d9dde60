// "Run it" of content/{ko,en}/daemon-service.mdx, step for step.
// Step 6 labels every node and the cleanup removes the label again: node labels are cluster-scoped and would
// outlive the runner's namespace.
import type { PatternRun } from './types.ts';

const agent = 'daemon-service/node-agent.yaml';
const selected = 'daemon-service/node-agent-selected.yaml';

export const daemonService: PatternRun = {
  slug: 'daemon-service',
  title: { en: 'Daemon Service', ko: '데몬 서비스' },
  steps: [
    { kind: 'apply', title: { en: 'Create the node agent', ko: '노드 에이전트를 만든다' }, file: agent },
    {
      kind: 'wait',
      title: { en: 'Wait until every node runs it', ko: '모든 노드에서 실행될 때까지 기다린다' },
      kubectl: ['rollout', 'status', 'daemonset/node-agent'],
      timeoutSeconds: 120,
    },
    { kind: 'show', title: { en: 'The nodes', ko: '노드 목록' }, kubectl: ['get', 'nodes'], expect: [/\bReady\b/] },
    {
      kind: 'show',
      title: { en: 'One agent Pod per node, control plane included', ko: '컨트롤 플레인을 포함해 노드마다 에이전트 파드가 하나씩 있다' },
      kubectl: ['get', 'pods', '-l', 'app.kubernetes.io/name=node-agent', '-o', 'wide'],
      expect: [/node-agent-\w+\s+1\/1\s+Running/],
    },
    {
      kind: 'show',
      title: { en: 'What the agent reads from its node', ko: '에이전트가 자기 노드에서 읽은 내용' },
      kubectl: ['logs', '-l', 'app.kubernetes.io/name=node-agent'],
      expect: [/node=\S+ log-files=\d+ load=[\d.]+ [\d.]+ [\d.]+/],
      retryForSeconds: 30,
    },
    {
      kind: 'run',
      title: { en: 'Roll the agent out again (surge update)', ko: '에이전트를 다시 배포한다(서지 업데이트)' },
      kubectl: ['rollout', 'restart', 'daemonset/node-agent'],
    },
    {
      kind: 'wait',
      title: { en: 'Each node gets its new Pod before losing the old one', ko: '노드마다 새 파드가 뜬 뒤에 기존 파드가 사라진다' },
      kubectl: ['rollout', 'status', 'daemonset/node-agent'],
      timeoutSeconds: 120,
    },
    { kind: 'apply', title: { en: 'Create the selective DaemonSet', ko: '노드를 골라 실행하는 데몬셋을 만든다' }, file: selected },
    {
      kind: 'show',
      title: { en: 'No node carries the label yet: no Pod is wanted', ko: '레이블이 붙은 노드가 없어 원하는 파드 수는 0이다' },
      kubectl: ['get', 'daemonset', 'disk-monitor'],
      expect: [/disk-monitor\s+0\s+0\s+0\s+0\s+0\s+example\.com\/disk=ssd/],
    },
    {
      kind: 'run',
      title: { en: 'Label the nodes', ko: '노드에 레이블을 붙인다' },
      kubectl: ['label', 'nodes', '--all', 'example.com/disk=ssd'],
    },
    {
      kind: 'wait',
      title: { en: 'The Pods appear', ko: '파드가 생긴다' },
      kubectl: ['rollout', 'status', 'daemonset/disk-monitor'],
      timeoutSeconds: 120,
    },
    {
      kind: 'show',
      title: { en: 'One disk monitor per labelled node without the control-plane taint', ko: '레이블이 붙고 컨트롤 플레인 테인트가 없는 노드마다 디스크 모니터가 하나씩 있다' },
      kubectl: ['get', 'daemonset', 'disk-monitor'],
      expect: [/disk-monitor\s+([1-9]\d*)\s+\1\s+\1\s+\1\s+\1\s+example\.com\/disk=ssd/],
    },
  ],
  cleanup: [
    { kind: 'delete', title: { en: 'Delete the selective DaemonSet', ko: '노드를 골라 실행하는 데몬셋을 지운다' }, file: selected },
    { kind: 'delete', title: { en: 'Delete the node agent', ko: '노드 에이전트를 지운다' }, file: agent },
    {
      kind: 'run',
      title: { en: 'Remove the node label', ko: '노드 레이블을 뗀다' },
      kubectl: ['label', 'nodes', '--all', 'example.com/disk-'],
    },
  ],
};
