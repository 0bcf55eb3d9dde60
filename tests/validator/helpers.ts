// Shared helpers for the validator tests.
import { fileURLToPath } from 'node:url';
import type { ResourceResult, ValidationReport } from '../../src/validator/types.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixtures = fileURLToPath(new URL('../fixtures/validator/', import.meta.url));
export const manifest = (name: string) => `${fixtures}manifests/${name}`;
export const page = (name: string) => `${fixtures}pages/${name}`;
export const seed = `${root}src/mistakes/stateful-service-notes.yaml`;
export const crdSchemas = `${fixtures}schemas/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`;

/** `line:col rule message` for each diagnostic of a resource: compact and exact. */
export function lines(resource: ResourceResult): string[] {
  return resource.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity}[${d.rule}] ${d.message}`);
}

export function statuses(report: ValidationReport): string[] {
  return report.resources.map((r) => `${r.kind ?? '?'}/${r.name ?? '?'}:${r.status}`);
}
