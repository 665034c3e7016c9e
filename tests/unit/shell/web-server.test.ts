// Browser mode over real HTTP: a temp library, a temp renderer folder, and requests as a browser
// or another local process would send them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/security/csp';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';
import type { PdfRenderer } from '../../../main/ports';
import { rawRequest } from '../../e2e/support/raw-http';

let tmp: string;
let server: RunningWebServer;

const noPdf: PdfRenderer = {
  render: () => Promise.reject(new Error('no PDF in these tests')),
  close: () => Promise.resolve(),
};

/** Raw node:http, since fetch refuses to set Host and Origin by hand. */
const request = (opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) => rawRequest(server.baseURL, opts);

const call = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-web-'));
  const renderer = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Sourcemark</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'do not serve');
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(renderer, 'link.txt'));
  server = await startWebServer({ dataDir: path.join(tmp, 'data'), rendererDir: renderer, seedDemo: false, quiet: true, pdf: noPdf });
});

afterEach(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the contract over HTTP', () => {
  it('listens on 127.0.0.1 and prints the page address with the token', () => {
    expect(server.baseURL).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(`${server.baseURL}/#token=${server.token}`);
  });

  it('answers a call with the Result envelope', async () => {
    const res = await call('appInfo', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'web', dataDir: path.join(tmp, 'data') } });
    const bad = JSON.parse((await call('createTag', { name: '' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await call('noSuchMethod', {})).body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a missing or wrong token, a foreign Origin or Host, and changes nothing', async () => {
    const attempts = [
      call('createTag', { name: 'No token' }, { Authorization: '' }),
      call('createTag', { name: 'Wrong token' }, { Authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
      call('createTag', { name: 'Foreign origin' }, { Origin: 'https://evil.example' }),
      call('createTag', { name: 'Null origin' }, { Origin: 'null' }),
      call('createTag', { name: 'Rebound host' }, { Host: `evil.example:${server.port}` }),
    ];
    const results = await Promise.all(attempts);
    expect(results.map((r) => r.status)).toEqual([401, 401, 403, 403, 403]);
    for (const r of results) expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { message: expect.any(String) } });
    const tags = JSON.parse((await call('listTags', {})).body) as { ok: true; value: unknown[] };
    expect(tags).toEqual({ ok: true, value: [] });
  });

  it('accepts our own page as Origin', async () => {
    const res = await call('createTag', { name: 'Own page' }, { Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}` });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Own page' } });
  });

  it('says clearly when the body is not JSON or the method is not POST', async () => {
    const res = await request({ method: 'POST', path: '/api/listTags', headers: { Authorization: `Bearer ${server.token}` }, body: '{nope' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' } });
    const get = await request({ path: '/api/listTags', headers: { Authorization: `Bearer ${server.token}` } });
    expect(get.status).toBe(405);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await request({
      method: 'POST',
      path: '/api/importFile',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Length': String(200 * 1024 * 1024) },
      body: '',
    }).catch((err: unknown) => ({ status: -1, headers: {}, body: String(err) }));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE', message: 'The request is 200 MB; browser mode accepts at most 70 MB in one call (a file of up to 50 MB, base64-encoded).' },
    });
  });
});

describe('the renderer files', () => {
  it('serves the page with the CSP and hardening headers', async () => {
    const res = await request({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.body).toContain('<title>Sourcemark</title>');
    const js = await request({ path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request({ path: '/favicon.ico' })).status).toBe(204);
    expect((await request({ path: '/assets/missing.js' })).status).toBe(404);
  });

  it('never leaves the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/link.txt', '/..%5csecret.txt', '/%00index.html']) {
      const res = await request({ path: p });
      expect([400, 404], p).toContain(res.status);
      expect(res.body, p).not.toContain('do not serve');
    }
  });

  it('refuses the page to a foreign Host (DNS rebinding)', async () => {
    const res = await request({ path: '/', headers: { Host: `attacker.example:${server.port}` } });
    expect(res.status).toBe(403);
  });

  it('explains a missing build instead of serving nothing', async () => {
    const other = await startWebServer({ dataDir: path.join(tmp, 'data2'), rendererDir: path.join(tmp, 'nowhere'), seedDemo: false, quiet: true, pdf: noPdf });
    try {
      const res = await fetch(`${other.baseURL}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build/);
    } finally {
      await other.close();
    }
  });
});

describe('starting', () => {
  it('refuses to listen beyond this machine', async () => {
    await expect(startWebServer({ dataDir: path.join(tmp, 'd3'), host: '0.0.0.0', quiet: true, pdf: noPdf })).rejects.toThrow(/127\.0\.0\.1 only/);
  });

  it('says when the port is taken', async () => {
    await expect(startWebServer({ dataDir: path.join(tmp, 'd4'), port: server.port, seedDemo: false, quiet: true, pdf: noPdf })).rejects.toThrow(/already in use/);
  });
});
