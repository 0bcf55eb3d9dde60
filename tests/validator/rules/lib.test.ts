import { describe, expect, it } from 'vitest';
import { cronScheduleProblem } from '../../../src/validator/rules/lib/cron.ts';
import {
  checkName,
  dns1035Label,
  dns1123Label,
  dns1123Subdomain,
  envVarName,
  labelValue,
  nameFormatFor,
  pathSegmentName,
  portName,
  qualifiedName,
} from '../../../src/validator/rules/lib/names.ts';
import { compareQuantities, parseQuantity } from '../../../src/validator/rules/lib/quantity.ts';
import { selectorMatches } from '../../../src/validator/rules/lib/selector.ts';
import { timeZoneProblem } from '../../../src/validator/rules/lib/timezone.ts';
import { splitSubscript } from '../../../src/validator/rules/lib/downward.ts';
import { intOrPercentValue } from '../../../src/validator/rules/lib/int-or-percent.ts';
import { imageTag } from '../../../src/validator/rules/best-practice-image-tag.ts';
import { josa } from '../../../src/validator/rules/lib/util.ts';

const valid = (problem: unknown) => problem === null;

describe('names', () => {
  it('DNS-1123 labels', () => {
    for (const ok of ['a', 'web', 'web-1', '1web', 'a'.repeat(63)]) expect(valid(dns1123Label(ok)), ok).toBe(true);
    for (const bad of ['', 'Web', 'web_1', '-web', 'web-', 'web.1', 'a'.repeat(64)]) expect(valid(dns1123Label(bad)), bad).toBe(false);
  });
  it('DNS-1123 subdomains', () => {
    for (const ok of ['a', 'app.config-1', 'a.b.c', `${'a'.repeat(63)}.${'b'.repeat(63)}`]) expect(valid(dns1123Subdomain(ok)), ok).toBe(true);
    for (const bad of ['', 'App', 'a..b', '.a', 'a.', 'a_b', '-a.b', 'a-.b', 'a'.repeat(254)]) expect(valid(dns1123Subdomain(bad)), bad).toBe(false);
  });
  it('DNS-1035 labels must start with a letter', () => {
    expect(valid(dns1035Label('web-1'))).toBe(true);
    expect(valid(dns1035Label('1web'))).toBe(false);
    expect(valid(dns1035Label('web.example'))).toBe(false);
  });
  it('environment variable names (relaxed since 1.34: printable ASCII except "=")', () => {
    for (const ok of ['PATH', 'my.env-name', '1ST', 'with space', 'a:b/c~!@#$%^&*()']) expect(valid(envVarName(ok)), ok).toBe(true);
    for (const bad of ['', 'A=B', 'tab\there', 'new\nline', 'caf\u00e9', '\u007f']) expect(valid(envVarName(bad)), JSON.stringify(bad)).toBe(false);
  });
  it('path segment names (RBAC)', () => {
    expect(valid(pathSegmentName('system:controller:job-controller'))).toBe(true);
    for (const bad of ['.', '..', 'a/b', '50%']) expect(valid(pathSegmentName(bad)), bad).toBe(false);
  });
  it('qualified names (label and annotation keys)', () => {
    for (const ok of ['app', 'app.kubernetes.io/name', 'example.com/A_b.c-D', 'a', 'A1']) expect(valid(qualifiedName(ok)), ok).toBe(true);
    for (const bad of ['', '/a', 'a/', 'a/b/c', 'Example.com/a', '-a', 'a-', 'a b', `${'a'.repeat(64)}`, `${'a'.repeat(254)}/b`]) {
      expect(valid(qualifiedName(bad)), bad).toBe(false);
    }
  });
  it('label values', () => {
    for (const ok of ['', 'web', 'A_b.C-1', 'a'.repeat(63)]) expect(valid(labelValue(ok)), ok).toBe(true);
    for (const bad of ['-a', 'a-', 'a b', 'a/b', 'a'.repeat(64)]) expect(valid(labelValue(bad)), bad).toBe(false);
  });
  it('IANA service names (port names)', () => {
    for (const ok of ['http', 'h2c', 'metrics-9090', 'a', 'x'.repeat(15)]) expect(valid(portName(ok)), ok).toBe(true);
    for (const bad of ['', 'HTTP', '8080', 'web--ui', '-web', 'web-', 'web_ui', 'x'.repeat(16)]) expect(valid(portName(bad)), bad).toBe(false);
  });
  it('chooses the name format per kind', () => {
    expect(nameFormatFor('v1', 'Service')).toBe('dns1035-label');
    expect(nameFormatFor('v1', 'Namespace')).toBe('dns1123-label');
    expect(nameFormatFor('apps/v1', 'StatefulSet')).toBe('dns1123-label');
    expect(nameFormatFor('rbac.authorization.k8s.io/v1', 'ClusterRole')).toBe('path-segment');
    expect(nameFormatFor('apps/v1', 'Deployment')).toBe('dns1123-subdomain');
    // A custom resource that happens to be called Service is not the core Service.
    expect(nameFormatFor('example.com/v1', 'Service')).toBe('dns1123-subdomain');
    expect(valid(checkName('path-segment', 'system:reader'))).toBe(true);
  });
});

describe('quantities', () => {
  const cmp = (a: unknown, b: unknown) => compareQuantities(parseQuantity(a)!, parseQuantity(b)!);
  it('compares binary, decimal, milli and exponent notations exactly', () => {
    expect(cmp('1Gi', '1024Mi')).toBe(0);
    expect(cmp('1Gi', '1073741824')).toBe(0);
    expect(cmp('500m', '0.5')).toBe(0);
    expect(cmp('1e3', '1k')).toBe(0);
    expect(cmp(1, '1000m')).toBe(0);
    expect(cmp('1G', '1Gi')).toBe(-1);
    expect(cmp('1.5Gi', '1536Mi')).toBe(0);
    expect(cmp('100u', '0.1m')).toBe(0);
    expect(cmp('1n', '0')).toBe(1);
    expect(cmp('2Ei', '2E')).toBe(1);
    expect(cmp('-1', '0')).toBe(-1);
    expect(cmp('.5', '500m')).toBe(0);
    expect(cmp('12E-1', '1200m')).toBe(0);
  });
  it('records the notation', () => {
    expect(parseQuantity('1Mi')?.format).toBe('BinarySI');
    expect(parseQuantity('1M')?.format).toBe('DecimalSI');
    expect(parseQuantity('1e6')?.format).toBe('DecimalExponent');
  });
  it('refuses what is not a quantity', () => {
    for (const bad of ['', 'abc', '1MB', '1 Gi', '1.2.3', 'Gi', '1ki', '--1', null, undefined, {}, [], Number.NaN, '1e']) {
      expect(parseQuantity(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('cron schedules (robfig/cron ParseStandard)', () => {
  const ok = ['* * * * *', '*/5 * * * *', '0 0 1 1 *', '0,15,30,45 * * * *', '0 9-17 * * mon-fri', '0 0 * JAN,jul *', '5/15 * * * *', '0 0 ? * 0', '59 23 31 12 6', '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly', '@every 1h30m', '  0 0 * * *  ', '0\t0 * * *', ',5 * * * *', '+5 * * * *'];
  const bad = ['', '* * * *', '0 0 * * * *', '0 0 0 * * * 2026', '60 * * * *', '* 24 * * *', '* * 0 * *', '* * 32 * *', '* * * 13 *', '* * * * 7', '5-1 * * * *', '*/0 * * * *', '1-2-3 * * * *', '1/2/3 * * * *', 'a * * * *', '0 0 L * *', '0 0 * * 1#2', '0 0 15W * *', '* * * janu *', '* * * * sunday', '@Daily', '@reboot', '@every', '@every 1 hour', '-1 * * * *', '5-- * * * *'];
  for (const s of ok) it(`accepts ${JSON.stringify(s)}`, () => expect(cronScheduleProblem(s)).toBeNull());
  for (const s of bad) it(`rejects ${JSON.stringify(s)}`, () => expect(cronScheduleProblem(s)).not.toBeNull());
  it('explains a seconds field', () => {
    expect(cronScheduleProblem('0 */5 * * * *')?.en).toMatch(/seconds/);
    expect(cronScheduleProblem('0 */5 * * * *')?.ko).toMatch(/초/);
  });
});

describe('time zones (Node Intl as the IANA source)', () => {
  for (const zone of ['Etc/UTC', 'UTC', 'Asia/Seoul', 'America/Argentina/Buenos_Aires', 'Europe/Berlin', 'America/New_York', 'Etc/GMT+5']) {
    it(`knows ${zone}`, () => expect(timeZoneProblem(zone)).toBeNull());
  }
  for (const zone of ['', 'KST', 'asia/seoul', 'ASIA/SEOUL', '+09:00', 'Local', 'local', 'Mars/Olympus_Mons', '../etc/passwd', 'Asia/Seoul/', '-Asia/Seoul']) {
    it(`rejects ${JSON.stringify(zone)}`, () => expect(timeZoneProblem(zone)).not.toBeNull());
  }
  it('suggests the right case', () => expect(timeZoneProblem('asia/seoul')?.en).toContain('"Asia/Seoul"'));
  it('accepts every canonical zone Node knows (no false positives from the character check)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    expect(zones.filter((zone) => timeZoneProblem(zone) !== null)).toEqual([]);
  });
});

describe('label selector matching', () => {
  const labels = { app: 'web', tier: 'front' };
  it('matchLabels and each operator', () => {
    expect(selectorMatches({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'db' } }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'edge'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['edge'] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['edge'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] }, labels)).toBe(false);
  });
});

describe('small helpers', () => {
  it('splits subscripted field paths like fieldpath.SplitMaybeSubscriptedPath', () => {
    expect(splitSubscript("metadata.labels['app']")).toEqual(['metadata.labels', 'app']);
    expect(splitSubscript("metadata.annotations['a.b/c']")).toEqual(['metadata.annotations', 'a.b/c']);
    expect(splitSubscript('metadata.labels')).toBeUndefined();
    expect(splitSubscript("['app']")).toBeUndefined();
  });
  it('reads counts and percentages', () => {
    expect(intOrPercentValue(3)).toEqual({ value: 3, percent: false });
    expect(intOrPercentValue('25%')).toEqual({ value: 25, percent: true });
    expect(intOrPercentValue('25')).toBeUndefined();
    expect(intOrPercentValue('2.5%')).toBeUndefined();
  });
  it('finds image tags past a registry port', () => {
    expect(imageTag('nginx')).toEqual({ tag: '', digest: false });
    expect(imageTag('nginx:1.29')).toEqual({ tag: '1.29', digest: false });
    expect(imageTag('localhost:5000/app')).toEqual({ tag: '', digest: false });
    expect(imageTag('localhost:5000/app:latest')).toEqual({ tag: 'latest', digest: false });
    expect(imageTag('app@sha256:abc').digest).toBe(true);
  });
  it('picks Korean particles after Latin, digits and Hangul', () => {
    expect(josa('Job', '은/는')).toBe('Job은');
    expect(josa('Deployment', '은/는')).toBe('Deployment는');
    expect(josa('StatefulSet', '을/를')).toBe('StatefulSet을');
    expect(josa('"web_1"', '이/가')).toBe('"web_1"이');
    expect(josa(52, '을/를')).toBe('52를');
    expect(josa('"/."', '으로/로')).toBe('"/."로');
    expect(josa('값', '으로/로')).toBe('값으로');
    expect(josa('파일', '으로/로')).toBe('파일로');
    expect(josa('"spec.nodeName"', '은/는')).toBe('"spec.nodeName"은');
    expect(josa('maxUnavailable', '은/는')).toBe('maxUnavailable은');
    expect(josa('"status.podIP"', '은/는')).toBe('"status.podIP"는');
    expect(josa('URL', '이/가')).toBe('URL이');
    expect(josa('"Asia/Seoul"', '으로/로')).toBe('"Asia/Seoul"로');
    expect(josa('Service', '을/를')).toBe('Service를');
  });
});
