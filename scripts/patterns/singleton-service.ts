// "Run it" of content/{ko,en}/singleton-service.mdx, step for step.
import type { PatternRun } from './types.ts';

const recreate = 'singleton-service/deployment-recreate.yaml';
const statefulSet = 'singleton-service/statefulset-singleton.yaml';
const leaderElection = 'singleton-service/leader-election.yaml';
const pdb = 'singleton-service/pdb.yaml';

export const singletonService: PatternRun = {
  slug: 'singleton-service',
  title: { en: 'Singleton Service', ko: '싱글톤 서비스' },
  steps: [
    { kind: 'apply', title: { en: 'Create the Recreate Deployment', ko: 'Recreate 디플로이먼트를 만든다' }, file: recreate },
    {
      kind: 'wait',
      title: { en: 'Wait for its Pod', ko: '파드를 기다린다' },
      kubectl: ['rollout', 'status', 'deployment/poller'],
      timeoutSeconds: 120,
    },
    {
      kind: 'show',
      title: { en: 'Its update strategy', ko: '업데이트 전략을 확인한다' },
      kubectl: ['get', 'deployment', 'poller', '-o', 'jsonpath={.spec.strategy.type}{"\\n"}'],
      expect: ['Recreate'],
    },
    {
      kind: 'run',
      title: { en: 'Update it', ko: '디플로이먼트를 업데이트한다' },
      kubectl: ['set', 'env', 'deployment/poller', 'POLL_INTERVAL_SECONDS=5'],
    },
    {
      kind: 'wait',
      title: { en: 'Wait for the update', ko: '업데이트를 기다린다' },
      kubectl: ['rollout', 'status', 'deployment/poller'],
      timeoutSeconds: 120,
    },
    {
      kind: 'show',
      title: { en: 'Only one poller is left', ko: '폴러가 하나만 남았다' },
      kubectl: ['get', 'pods', '-l', 'app.kubernetes.io/name=poller'],
      expect: [/^NAME[^\n]*\n\S+\s+1\/1\s+Running[^\n]*\n?$/],
      retryForSeconds: 60,
    },
    { kind: 'apply', title: { en: 'Create the StatefulSet singleton and its headless Service', ko: '스테이트풀셋 싱글톤과 헤드리스 서비스를 만든다' }, file: statefulSet },
    {
      kind: 'wait',
      title: { en: 'Wait for queue-consumer-0', ko: 'queue-consumer-0을 기다린다' },
      kubectl: ['rollout', 'status', 'statefulset/queue-consumer'],
      timeoutSeconds: 120,
    },
    {
      kind: 'run',
      title: { en: 'Delete its Pod', ko: '파드를 지운다' },
      kubectl: ['delete', 'pod', 'queue-consumer-0'],
    },
    {
      kind: 'show',
      title: { en: 'The replacement has the same name', ko: '대체 파드도 같은 이름을 가진다' },
      kubectl: ['get', 'pods', '-l', 'app.kubernetes.io/name=queue-consumer'],
      expect: [/queue-consumer-0\s+1\/1\s+Running/],
      retryForSeconds: 120,
    },
    { kind: 'apply', title: { en: 'Start the leader-elected poller', ko: '리더를 선출하는 폴러를 시작한다' }, file: leaderElection },
    {
      kind: 'wait',
      title: { en: 'Wait for its three replicas', ko: '레플리카 세 개를 기다린다' },
      kubectl: ['rollout', 'status', 'deployment/leader-poller'],
      timeoutSeconds: 180,
    },
    {
      kind: 'show',
      title: { en: 'Who holds the Lease', ko: '리스를 가진 레플리카' },
      kubectl: ['get', 'lease', 'leader-poller'],
      expect: [/leader-poller\s+leader-poller-\S+/],
      retryForSeconds: 30,
    },
    {
      kind: 'show',
      title: { en: 'One leader, two standbys', ko: '리더 하나, 스탠바이 둘' },
      kubectl: ['logs', '-l', 'app.kubernetes.io/name=leader-poller', '--prefix', '--tail=1'],
      expect: ['leader: polling the upstream resource', 'standing by; the leader is leader-poller-'],
      retryForSeconds: 30,
    },
    {
      kind: 'run',
      title: { en: 'Replace every replica', ko: '모든 레플리카를 교체한다' },
      kubectl: ['rollout', 'restart', 'deployment/leader-poller'],
    },
    {
      kind: 'wait',
      title: { en: 'Wait for the rollout', ko: '롤아웃을 기다린다' },
      kubectl: ['rollout', 'status', 'deployment/leader-poller'],
      timeoutSeconds: 180,
    },
    {
      kind: 'show',
      title: { en: 'Leadership moved at least once', ko: '리더십이 한 번 이상 넘어갔다' },
      kubectl: ['get', 'lease', 'leader-poller', '-o', 'jsonpath={.spec.holderIdentity} {.spec.leaseTransitions}{"\\n"}'],
      expect: [/^leader-poller-\S+ [1-9]\d*$/m],
      retryForSeconds: 30,
    },
    { kind: 'apply', title: { en: 'Add the PodDisruptionBudget', ko: '파드디스럽션버짓을 더한다' }, file: pdb },
    {
      kind: 'show',
      title: { en: 'One voluntary disruption is allowed', ko: '자발적 중단 하나가 허용된다' },
      kubectl: ['get', 'pdb', 'leader-poller'],
      expect: [/leader-poller\s+N\/A\s+1\s+1\s/],
      retryForSeconds: 30,
    },
  ],
  cleanup: [
    { kind: 'delete', title: { en: 'Delete the PodDisruptionBudget', ko: '파드디스럽션버짓을 지운다' }, file: pdb },
    { kind: 'delete', title: { en: 'Delete the leader-elected poller', ko: '리더를 선출하는 폴러를 지운다' }, file: leaderElection },
    { kind: 'delete', title: { en: 'Delete the StatefulSet singleton', ko: '스테이트풀셋 싱글톤을 지운다' }, file: statefulSet },
    { kind: 'delete', title: { en: 'Delete the Recreate Deployment', ko: 'Recreate 디플로이먼트를 지운다' }, file: recreate },
    {
      kind: 'run',
      title: { en: 'Delete the Lease the application created', ko: '애플리케이션이 만든 리스를 지운다' },
      kubectl: ['delete', 'lease', 'leader-poller'],
    },
  ],
};
