// "Run it" of content/{ko,en}/service-discovery.mdx, step for step.
import type { PatternRun, PatternStep } from './types.ts';

const dir = 'service-discovery';
const ip = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const dig = (...query: string[]) => ['exec', 'client', '--', 'dig', '+short', ...query];

const serviceFiles = ['headless', 'nodeport', 'loadbalancer', 'externalname', 'external-endpoints', 'ingress'];

export const serviceDiscovery: PatternRun = {
  slug: 'service-discovery',
  title: { en: 'Service Discovery', ko: '서비스 디스커버리' },
  steps: [
    { kind: 'apply', title: { en: 'Create the backend Deployment and its ClusterIP Service', ko: '백엔드 디플로이먼트와 ClusterIP 서비스를 만든다' }, file: `${dir}/backend.yaml` },
    {
      kind: 'wait',
      title: { en: 'Wait for both backend Pods', ko: '백엔드 파드 두 개를 기다린다' },
      kubectl: ['rollout', 'status', 'deployment/backend'],
      timeoutSeconds: 120,
    },
    ...serviceFiles.map(
      (name): PatternStep => ({
        kind: 'apply',
        title: { en: `Create ${name}.yaml`, ko: `${name}.yaml을 만든다` },
        file: `${dir}/${name}.yaml`,
      }),
    ),
    {
      kind: 'show',
      title: { en: 'Every kind of Service', ko: '모든 종류의 서비스' },
      kubectl: ['get', 'services'],
      expect: [
        new RegExp(String.raw`backend\s+ClusterIP\s+${ip}\s+<none>\s+80/TCP`),
        /backend-headless\s+ClusterIP\s+None\s+<none>\s+8080\/TCP/,
        /backend-nodeport\s+NodePort\s+\S+\s+<none>\s+80:30080\/TCP/,
        /backend-lb\s+LoadBalancer\s+\S+\s+\S+\s+80:\d+\/TCP/,
        /external-api\s+ExternalName\s+<none>\s+api\.example\.com/,
        /legacy-db\s+ClusterIP\s+\S+\s+<none>\s+5432\/TCP/,
      ],
    },
    {
      kind: 'show',
      title: { en: "The backend Service's EndpointSlice lists both Pods", ko: '백엔드 서비스의 엔드포인트슬라이스에 두 파드가 있다' },
      kubectl: ['get', 'endpointslices', '-l', 'kubernetes.io/service-name=backend'],
      expect: [new RegExp(String.raw`backend-\S+\s+IPv4\s+8080\s+${ip},${ip}`)],
    },
    {
      kind: 'show',
      title: { en: 'The hand-written EndpointSlice points outside the cluster', ko: '직접 만든 엔드포인트슬라이스는 클러스터 밖을 가리킨다' },
      kubectl: ['get', 'endpointslices', '-l', 'kubernetes.io/service-name=legacy-db'],
      expect: [/legacy-db-1\s+IPv4\s+5432\s+192\.0\.2\.10/],
    },
    { kind: 'apply', title: { en: 'Start the client Pod, after the Services', ko: '서비스를 만든 뒤에 클라이언트 파드를 띄운다' }, file: `${dir}/client.yaml` },
    {
      kind: 'wait',
      title: { en: 'Wait for the client', ko: '클라이언트를 기다린다' },
      kubectl: ['wait', '--for=condition=Ready', 'pod/client'],
      timeoutSeconds: 120,
    },
    {
      kind: 'show',
      title: { en: 'Service environment variables', ko: '서비스 환경 변수' },
      kubectl: ['exec', 'client', '--', 'printenv', 'BACKEND_SERVICE_HOST', 'BACKEND_SERVICE_PORT', 'BACKEND_SERVICE_PORT_HTTP'],
      expect: [new RegExp(String.raw`^${ip}\r?\n80\r?\n80\s*$`)],
    },
    {
      kind: 'show',
      title: { en: 'A ClusterIP Service resolves to its virtual IP', ko: 'ClusterIP 서비스는 가상 IP로 조회된다' },
      kubectl: dig('backend.{namespace}.svc.cluster.local'),
      expect: [new RegExp(String.raw`^${ip}\s*$`)],
    },
    {
      kind: 'show',
      title: { en: 'A headless Service resolves to the Pod IPs', ko: '헤드리스 서비스는 파드 IP로 조회된다' },
      kubectl: dig('backend-headless.{namespace}.svc.cluster.local'),
      expect: [new RegExp(String.raw`^${ip}\r?\n${ip}\s*$`)],
    },
    {
      kind: 'show',
      title: { en: 'SRV record of the named port, ClusterIP Service', ko: '이름 붙은 포트의 SRV 레코드(ClusterIP 서비스)' },
      kubectl: dig('SRV', '_http._tcp.backend.{namespace}.svc.cluster.local'),
      expect: ['80 backend.{namespace}.svc.cluster.local.'],
    },
    {
      kind: 'show',
      title: { en: 'SRV records of the named port, headless Service: one per Pod', ko: '이름 붙은 포트의 SRV 레코드(헤드리스 서비스): 파드마다 하나' },
      kubectl: dig('SRV', '_http._tcp.backend-headless.{namespace}.svc.cluster.local'),
      expect: [/^\d+ \d+ 8080 [\w-]+\.backend-headless\.{namespace}\.svc\.cluster\.local\.\r?\n\d+ \d+ 8080 [\w-]+\.backend-headless\.{namespace}\.svc\.cluster\.local\.\s*$/],
    },
    {
      kind: 'show',
      title: { en: 'Call the backend by its short Service name', ko: '짧은 서비스 이름으로 백엔드를 호출한다' },
      kubectl: ['exec', 'client', '--', 'curl', '-s', 'http://backend/hostname'],
      expect: [/^backend-[a-z0-9]+-[a-z0-9]+$/],
    },
    {
      kind: 'show',
      title: { en: 'Reach the backend through the NodePort on the node', ko: '노드의 NodePort로 백엔드에 접근한다' },
      kubectl: ['exec', 'client', '--', 'sh', '-c', 'curl -s http://$NODE_IP:30080/hostname'],
      expect: [/^backend-[a-z0-9]+-[a-z0-9]+$/],
    },
    {
      kind: 'show',
      title: { en: 'An ExternalName Service is a CNAME', ko: 'ExternalName 서비스는 CNAME이다' },
      kubectl: dig('external-api.{namespace}.svc.cluster.local'),
      expect: [/^api\.example\.com\.$/m],
    },
    {
      kind: 'show',
      title: { en: 'The Ingress waits for a controller of its class', ko: '인그레스는 자기 클래스의 컨트롤러를 기다린다' },
      kubectl: ['get', 'ingress', 'backend'],
      expect: [/backend\s+nginx\s+hello\.example\.com/],
    },
  ],
  cleanup: [
    { kind: 'delete', title: { en: 'Delete everything the examples created', ko: '예제로 만든 것을 모두 지운다' }, file: `${dir}/` },
  ],
};
