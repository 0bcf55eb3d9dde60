// Every chapter's try-pattern data, in sidebar order. Each module is owned by its chapter's writer.
import type { PatternRun, PatternSlug } from './types.ts';
import { batchJob } from './batch-job.ts';
import { periodicJob } from './periodic-job.ts';
import { daemonService } from './daemon-service.ts';
import { singletonService } from './singleton-service.ts';
import { statefulService } from './stateful-service.ts';
import { serviceDiscovery } from './service-discovery.ts';
import { selfAwareness } from './self-awareness.ts';

export const patterns: PatternRun[] = [
  batchJob,
  periodicJob,
  daemonService,
  singletonService,
  statefulService,
  serviceDiscovery,
  selfAwareness,
];

export function findPattern(slug: string): PatternRun | undefined {
  return patterns.find((pattern) => pattern.slug === (slug as PatternSlug));
}
