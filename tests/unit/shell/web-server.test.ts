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

  it('answers a client still sending too much with the 413, not a cut connection, and the connection goes on', async () => {
    // fetch keeps one connection and streams the body without a Content-Length, as a script might.
    const mb = Buffer.alloc(1024 * 1024, 0x61);
    const headers = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
    const streamed = (megabytes: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < megabytes; i++) controller.enqueue(mb);
          controller.close();
        },
      });
    const res = await fetch(`${server.baseURL}/api/importFile`, { method: 'POST', headers, body: streamed(80), duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('at most 70 MB in one call') });
    const next = await fetch(`${server.baseURL}/api/listBriefs`, { method: 'POST', headers, body: '{}' });
    expect(next.status).toBe(200);
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

describe('an export as a download', () => {
  /** A Markdown export written through the contract, and the address it answered with. */
  async function exported(): Promise<{ id: number; file: string; download: string }> {
    const brief = JSON.parse((await call('createBrief', { title: 'Harbour — Гавань' })).body).value as { id: number };
    await call('addClaim', { briefId: brief.id, text: 'The northern terminal closed.' });
    const r = JSON.parse((await call('exportBrief', { briefId: brief.id, format: 'markdown', allowUncited: true })).body);
    expect(r).toMatchObject({ ok: true, value: { download: expect.stringMatching(/^\/exports\/\d+\?ticket=[\w-]+$/) } });
    return { id: r.value.record.id, file: r.value.record.path, download: r.value.download };
  }
  const host = () => ({ Host: `127.0.0.1:${server.port}` });

  it('streams the file itself from the address the export answered, named for the save', async () => {
    const { file, download } = await exported();
    const res = await request({ path: download, headers: { ...host(), 'Sec-Fetch-Site': 'same-origin' } });
    expect(res.status).toBe(200);
    expect(res.body).toBe(fs.readFileSync(file, 'utf8'));
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${path.basename(file).replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('opens only with this export’s ticket (or the token), only for our own page, and only while the file is intact', async () => {
    const a = await exported();
    const b = await exported();
    const aTicket = new URL(a.download, server.baseURL).searchParams.get('ticket')!;
    // Another export's ticket, a missing one, or a ticket from another run opens nothing.
    expect((await request({ path: `/exports/${b.id}?ticket=${aTicket}`, headers: host() })).status).toBe(401);
    expect((await request({ path: `/exports/${a.id}`, headers: host() })).status).toBe(401);
    // A page on another site cannot have the browser fetch it, nor can a foreign Host.
    expect((await request({ path: a.download, headers: { ...host(), 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await request({ path: a.download, headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await request({ path: `/exports/${a.id}`, headers: { ...host(), Authorization: `Bearer ${server.token}` } })).status).toBe(200);
    expect((await request({ path: '/exports/../library.sqlite', headers: host() })).status).toBe(404);
    fs.appendFileSync(a.file, 'edited afterwards');
    const changed = await request({ path: a.download, headers: host() });
    expect(changed.status).toBe(409);
    expect(JSON.parse(changed.body)).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
    fs.rmSync(b.file);
    expect((await request({ path: b.download, headers: host() })).status).toBe(404);
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
