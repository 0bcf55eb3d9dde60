// Every chapter's try-pattern data, in sidebar order. Each module is owned by its chapter's writer;
// content-a's four (batch-job, periodic-job, daemon-service, singleton-service) join this list when their
// branch is merged.
import type { PatternRun, PatternSlug } from './types.ts';
import { statefulService } from './stateful-service.ts';
import { serviceDiscovery } from './service-discovery.ts';
import { selfAwareness } from './self-awareness.ts';

export const patterns: PatternRun[] = [statefulService, serviceDiscovery, selfAwareness];

export function findPattern(slug: string): PatternRun | undefined {
  return patterns.find((pattern) => pattern.slug === (slug as PatternSlug));
}
