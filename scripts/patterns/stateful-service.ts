// "Run it" of content/{ko,en}/stateful-service.mdx, step for step.
import type { PatternRun } from './types.ts';

const file = 'stateful-service/statefulset.yaml';
const fetchFrom = (pod: string) => ['exec', 'web-0', '--', 'wget', '-qO-', `http://${pod}.web.{namespace}.svc.cluster.local:8080/`];
const versions = ['get', 'pods', '-l', 'app=web', '-o', 'custom-columns=NAME:.metadata.name,VERSION:.spec.containers[0].env[0].value'];

export const statefulService: PatternRun = {
  slug: 'stateful-service',
  title: { en: 'Stateful Service', ko: '스테이트풀 서비스' },
  requires: ['default-storage-class'],
  steps: [
    {
      kind: 'show',
      title: { en: 'Check that the cluster has a default StorageClass', ko: '클러스터에 기본 스토리지클래스가 있는지 확인한다' },
      kubectl: ['get', 'storageclass'],
      expect: ['(default)'],
    },
    { kind: 'apply', title: { en: 'Create the headless Service and the StatefulSet', ko: '헤드리스 서비스와 스테이트풀셋을 만든다' }, file },
    {
      kind: 'wait',
      title: { en: 'Wait until web-0, web-1 and web-2 are ready, one after another', ko: 'web-0, web-1, web-2가 차례로 준비될 때까지 기다린다' },
      kubectl: ['rollout', 'status', 'statefulset/web'],
      timeoutSeconds: 240,
    },
    {
      kind: 'show',
      title: { en: 'The Pods have stable ordinal names', ko: '파드는 순번이 붙은 고정된 이름을 가진다' },
      kubectl: ['get', 'pods', '-l', 'app=web'],
      expect: [/web-0\s+1\/1\s+Running/, /web-1\s+1\/1\s+Running/, /web-2\s+1\/1\s+Running/],
    },
    {
      kind: 'show',
      title: { en: 'Each Pod has its own PersistentVolumeClaim', ko: '파드마다 자기 퍼시스턴트볼륨클레임이 있다' },
      kubectl: ['get', 'pvc'],
      expect: [/www-web-0\s+Bound/, /www-web-1\s+Bound/, /www-web-2\s+Bound/],
    },
    {
      kind: 'show',
      title: { en: "A Pod's fully qualified name comes from the headless Service", ko: '파드의 전체 도메인 이름은 헤드리스 서비스에서 온다' },
      kubectl: ['exec', 'web-0', '--', 'hostname', '-f'],
      expect: ['web-0.web.{namespace}.svc.cluster.local'],
    },
    {
      kind: 'show',
      title: { en: 'Reach one particular Pod by its DNS name', ko: 'DNS 이름으로 특정 파드 하나에 접근한다' },
      kubectl: fetchFrom('web-1'),
      expect: ['web-1 started (version 1)'],
    },
    {
      kind: 'run',
      title: { en: 'Delete web-1; the StatefulSet recreates it with the same name and claim', ko: 'web-1을 지운다. 스테이트풀셋이 같은 이름과 같은 클레임으로 다시 만든다' },
      kubectl: ['delete', 'pod', 'web-1'],
    },
    {
      kind: 'show',
      title: { en: 'The new web-1 found the old data', ko: '새 web-1이 이전 데이터를 그대로 본다' },
      kubectl: fetchFrom('web-1'),
      expect: [/web-1 started \(version 1\)\r?\nweb-1 started \(version 1\)/],
      retryForSeconds: 120,
    },
    {
      kind: 'run',
      title: { en: 'Change the Pod template (partition: 2 lets only web-2 take it)', ko: '파드 템플릿을 바꾼다(partition: 2라서 web-2만 바뀐다)' },
      kubectl: ['set', 'env', 'statefulset/web', 'APP_VERSION=2'],
    },
    {
      kind: 'wait',
      title: { en: 'Wait for the partitioned rollout', ko: '파티션 롤아웃을 기다린다' },
      kubectl: ['rollout', 'status', 'statefulset/web'],
      timeoutSeconds: 180,
    },
    {
      kind: 'show',
      title: { en: 'Only web-2 runs version 2', ko: 'web-2만 버전 2로 실행된다' },
      kubectl: versions,
      expect: [/web-0\s+1\b/, /web-1\s+1\b/, /web-2\s+2\b/],
    },
    {
      kind: 'run',
      title: { en: 'Lower the partition to 0 to roll out to every Pod', ko: 'partition을 0으로 낮춰 모든 파드에 배포한다' },
      kubectl: ['patch', 'statefulset', 'web', '-p', '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'],
    },
    {
      kind: 'wait',
      title: { en: 'Wait while web-1, then web-0 are replaced', ko: 'web-1, web-0 순서로 교체되는 것을 기다린다' },
      kubectl: ['rollout', 'status', 'statefulset/web'],
      timeoutSeconds: 180,
    },
    {
      kind: 'show',
      title: { en: 'Every Pod runs version 2', ko: '모든 파드가 버전 2로 실행된다' },
      kubectl: versions,
      expect: [/web-0\s+2\b/, /web-1\s+2\b/, /web-2\s+2\b/],
    },
    {
      kind: 'run',
      title: { en: 'Scale down to two replicas', ko: '레플리카를 둘로 줄인다' },
      kubectl: ['scale', 'statefulset/web', '--replicas=2'],
    },
    {
      kind: 'wait',
      title: { en: 'The highest ordinal, web-2, goes first', ko: '가장 큰 순번인 web-2가 먼저 사라진다' },
      kubectl: ['wait', '--for=delete', 'pod/web-2'],
      timeoutSeconds: 60,
    },
    {
      kind: 'show',
      title: { en: "web-2's claim is kept (whenScaled: Retain)", ko: 'web-2의 클레임은 남는다(whenScaled: Retain)' },
      kubectl: ['get', 'pvc'],
      expect: [/www-web-2\s+Bound/],
    },
    {
      kind: 'run',
      title: { en: 'Scale back up to three', ko: '다시 셋으로 늘린다' },
      kubectl: ['scale', 'statefulset/web', '--replicas=3'],
    },
    {
      kind: 'wait',
      title: { en: 'Wait for web-2', ko: 'web-2를 기다린다' },
      kubectl: ['rollout', 'status', 'statefulset/web'],
      timeoutSeconds: 120,
    },
    {
      kind: 'show',
      title: { en: 'web-2 is back with its old volume', ko: 'web-2가 이전 볼륨을 달고 돌아왔다' },
      kubectl: fetchFrom('web-2'),
      expect: [/web-2 started \(version 1\)\r?\nweb-2 started \(version 2\)\r?\nweb-2 started \(version 2\)/],
      retryForSeconds: 60,
    },
  ],
  cleanup: [
    { kind: 'delete', title: { en: 'Delete the StatefulSet and the Service', ko: '스테이트풀셋과 서비스를 지운다' }, file },
    {
      kind: 'show',
      title: { en: 'The claims go with it (whenDeleted: Delete)', ko: '클레임도 함께 지워진다(whenDeleted: Delete)' },
      kubectl: ['get', 'pvc'],
      expect: ['No resources found'],
      retryForSeconds: 60,
    },
  ],
};
