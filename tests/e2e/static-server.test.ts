// The static server the browser tests and the benchmark use: content types, index pages, redirects, the 404 page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serve-static.ts';
import type { StaticServer } from '../../scripts/serve-static.ts';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'serve-static-'));
  mkdirSync(join(root, 'ko', 'guide'), { recursive: true });
  mkdirSync(join(root, 'examples', 'batch-job'), { recursive: true });
  writeFileSync(join(root, 'ko', 'guide', 'index.html'), '<h1>안내</h1>');
  writeFileSync(join(root, 'examples', 'batch-job', 'job.yaml'), 'kind: Job\n');
  writeFileSync(join(root, '404.html'), '<h1>없음</h1>');
  writeFileSync(join(root, 'app.wasm'), Buffer.from([0, 97, 115, 109]));
  server = await serveStatic(root);
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves directory index pages as UTF-8 HTML', async () => {
    const response = await fetch(`${server.url}/ko/guide/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<h1>안내</h1>');
  });

  it('redirects a directory without its trailing slash', async () => {
    const response = await fetch(`${server.url}/ko/guide`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/ko/guide/');
  });

  it('serves YAML and wasm with their content types', async () => {
    const yaml = await fetch(`${server.url}/examples/batch-job/job.yaml`);
    expect(yaml.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(await yaml.text()).toBe('kind: Job\n');
    expect((await fetch(`${server.url}/app.wasm`)).headers.get('content-type')).toBe('application/wasm');
  });

  it('gzips text when asked, and only then', async () => {
    const raw = await fetch(`${server.url}/examples/batch-job/job.yaml`, { headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    // Node's fetch would decode gzip itself; read the raw bytes through a plain request instead.
    const { request } = await import('node:http');
    const body = await new Promise<{ encoding?: string; bytes: Buffer }>((done, fail) => {
      request(`${server.url}/examples/batch-job/job.yaml`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
      }).on('error', fail).end();
    });
    expect(body.encoding).toBe('gzip');
    expect(gunzipSync(body.bytes).toString()).toBe('kind: Job\n');
  });

  it('answers unknown paths with the 404 page and status 404', async () => {
    const response = await fetch(`${server.url}/ko/missing/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<h1>없음</h1>');
  });

  it('does not serve files outside the root', async () => {
    const response = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`);
    expect(response.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${server.url}/ko/guide/`, { method: 'POST' })).status).toBe(405);
  });
});
