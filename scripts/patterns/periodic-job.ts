// "Run it" of content/{ko,en}/periodic-job.mdx, step for step.
import type { PatternRun } from './types.ts';

const file = 'periodic-job/cronjob.yaml';

export const periodicJob: PatternRun = {
  slug: 'periodic-job',
  title: { en: 'Periodic Job', ko: '주기적 잡' },
  steps: [
    { kind: 'apply', title: { en: 'Create the CronJob', ko: '크론잡을 만든다' }, file },
    {
      kind: 'show',
      title: { en: 'Its schedule and time zone', ko: '일정과 타임존을 확인한다' },
      kubectl: ['get', 'cronjob', 'report'],
      expect: [/report\s+\* \* \* \* \*\s+Asia\/Seoul\s+False/],
    },
    {
      kind: 'run',
      title: { en: 'Trigger one run by hand', ko: '수동으로 한 번 실행한다' },
      kubectl: ['create', 'job', 'report-manual-1', '--from=cronjob/report'],
    },
    {
      kind: 'wait',
      title: { en: 'Wait for the manual run', ko: '수동 실행이 끝나기를 기다린다' },
      kubectl: ['wait', '--for=condition=complete', 'job/report-manual-1'],
      timeoutSeconds: 60,
    },
    {
      kind: 'show',
      title: { en: 'Its output', ko: '출력을 본다' },
      kubectl: ['logs', 'job/report-manual-1'],
      expect: [/report for \d{4}-\d\d-\d\dT\d\d:\d\dZ written by report-manual-1-/],
    },
    {
      kind: 'show',
      title: { en: 'Within a minute the schedule creates its own Job', ko: '1분 안에 일정에 따라 잡이 생긴다' },
      kubectl: ['get', 'jobs', '-l', 'app.kubernetes.io/part-of=k8s-patterns-periodic-job'],
      expect: [/report-\d{8,}\s/, /report-manual-1\s+Complete\s+1\/1/],
      retryForSeconds: 90,
    },
    {
      kind: 'run',
      title: { en: 'Suspend the CronJob', ko: '크론잡을 일시 중지한다' },
      kubectl: ['patch', 'cronjob', 'report', '-p', '{"spec":{"suspend":true}}'],
    },
    {
      kind: 'show',
      title: { en: 'SUSPEND is now True', ko: 'SUSPEND가 True로 바뀌었다' },
      kubectl: ['get', 'cronjob', 'report'],
      expect: [/report\s+\* \* \* \* \*\s+Asia\/Seoul\s+True/],
    },
  ],
  cleanup: [
    {
      kind: 'delete',
      title: { en: 'Delete the CronJob and the Jobs it owns', ko: '크론잡과 크론잡이 소유한 잡을 지운다' },
      file,
    },
  ],
};
