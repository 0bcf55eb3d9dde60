// The checks the page/run test applies to expected output must reject what kubectl 1.36 would not print.
import { describe, expect, it } from 'vitest';
import { objectLineProblem, ROLLOUT_STATUS_LINES, shellWords, tableHeader, tableProblems } from './kubectl-output.ts';

const pvcHeader = tableHeader(['pvc'])!;

describe('tableHeader', () => {
  it('knows the PVC columns of 1.36, VOLUMEATTRIBUTESCLASS included', () => {
    expect(pvcHeader).toEqual(['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE']);
  });

  it('adds the wide columns, reads custom columns, and prints no table for jsonpath', () => {
    expect(tableHeader(['pods', '-l', 'app=x', '-o', 'wide'])!.slice(-2)).toEqual(['NOMINATED NODE', 'READINESS GATES']);
    expect(tableHeader(['pods', '-o', 'custom-columns=NAME:.metadata.name,VERSION:.spec.x'])).toEqual(['NAME', 'VERSION']);
    expect(tableHeader(['job', 'x', '-o', 'jsonpath={.status}'])).toBeUndefined();
  });

  it('refuses a resource it has no columns for, rather than passing it', () => {
    expect(() => tableHeader(['widgets'])).toThrow(/no kubectl 1.36 columns/);
  });
});

describe('tableProblems', () => {
  const rows = [
    'NAME        STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
    'www-web-0   Bound    pvc-1    16Mi       RWO            standard       <unset>                 40s',
  ];

  it('accepts a table laid out as the tab writer does', () => {
    expect(tableProblems(pvcHeader, rows)).toEqual([]);
  });

  it('rejects a table without the VOLUMEATTRIBUTESCLASS column', () => {
    const old = [
      'NAME        STATUS   VOLUME    CAPACITY   ACCESS MODES   STORAGECLASS   AGE',
      'www-web-0   Bound    pvc-1     16Mi       RWO            standard       40s',
    ];
    expect(tableProblems(pvcHeader, old)).toEqual([expect.stringContaining('VOLUMEATTRIBUTESCLASS')]);
  });

  it('rejects padding that is not the widest cell plus three spaces', () => {
    const wide = rows.map((line) => line.replace(/^(\S+)(\s+)/, '$1 $2'));
    expect(tableProblems(pvcHeader, wide)).toContain('column NAME is 13 wide; kubectl pads it to 12');
  });

  it('rejects a row whose cells are not under their headers', () => {
    expect(tableProblems(pvcHeader, [rows[0]!, rows[1]!.replace('Bound   ', 'Bound  ')]).join('\n')).toMatch(/not aligned|runs into/);
  });
});

describe('message lines', () => {
  it('accepts the object names kubectl prints and rejects others', () => {
    expect(objectLineProblem('deployment.apps/backend created')).toBeUndefined();
    expect(objectLineProblem('pod/client condition met')).toBeUndefined();
    expect(objectLineProblem('job.batch "pi" deleted from default namespace')).toBeUndefined();
    expect(objectLineProblem('deployment/backend created')).toMatch(/deployment\.apps/);
    expect(objectLineProblem('job.batch "pi" deleted')).toMatch(/deleted from default namespace/);
    expect(objectLineProblem('report for 2026-11-25T08:14Z written by report-manual-1-8w2qv')).toBeUndefined();
  });

  it('knows the rollout status lines of the DaemonSet viewer', () => {
    const known = (line: string) => ROLLOUT_STATUS_LINES.some((format) => format.test(line));
    expect(known('Waiting for daemon set "a" rollout to finish: 0 out of 2 new pods have been updated...')).toBe(true);
    expect(known('partitioned roll out complete: 3 new pods have been updated...')).toBe(true);
    expect(known('Waiting for daemon set "a" rollout to finish: 0 of 1 pods are available...')).toBe(false);
  });

  it('splits command lines like a shell', () => {
    expect(shellWords(`kubectl get pods -o 'custom-columns=NAME:.metadata.name' "a b"`)).toEqual([
      'kubectl', 'get', 'pods', '-o', 'custom-columns=NAME:.metadata.name', 'a b',
    ]);
  });
});
