// Bundles over browser mode's HTTP, as the page moves them: Export bundle… is a recorded export the
// browser downloads from GET /exports/:id; Import bundle… sends the file as the raw body of
// POST /upload/bundle (never base64 inside JSON) under the same 70 MB body cap as every call, and a
// file that is too large or is no bundle is turned away with a sentence saying so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';
import type { PdfRenderer } from '../../../main/ports';
import { rawRequest } from '../../e2e/support/raw-http';

const noPdf: PdfRenderer = { render: () => Promise.reject(new Error('no PDF in these tests')), close: () => Promise.resolve() };
let tmp: string;
let server: RunningWebServer;

beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-bundle-http-'));
  server = await startWebServer({ dataDir: path.join(tmp, 'data'), rendererDir: path.join(tmp, 'renderer'), seedDemo: false, quiet: true, pdf: noPdf });
});
afterEach(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const auth = () => ({ Authorization: `Bearer ${server.token}` });
async function call<T = unknown>(method: string, input: unknown): Promise<{ ok: boolean; value: T; error: { code: string; message: string } }> {
  const res = await fetch(`${server.baseURL}/api/${method}`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  return (await res.json()) as never;
}
const upload = (bytes: Uint8Array, name: string, headers: Record<string, string> = auth()) =>
  fetch(`${server.baseURL}/upload/bundle?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: new Blob([new Uint8Array(bytes)]) });

async function exportedBundle(): Promise<{ bytes: Buffer; record: { id: number; path: string; sha256: string } }> {
  const source = await call<{ source: { id: number } }>('addSource', { title: 'Wire', body: 'The ministry confirmed the closure of the northern terminal on Monday.' });
  const quote = await call<{ id: number }>('createQuote', { sourceId: source.value.source.id, start: 4, end: 30 });
  const brief = await call<{ id: number }>('createBrief', { title: 'Harbour — Гавань' });
  const claim = await call<{ id: number }>('addClaim', { briefId: brief.value.id, text: 'The northern terminal closed.' });
  await call('addCitation', { claimId: claim.value.id, quoteId: quote.value.id });
  const out = await call<{ record: { id: number; path: string; sha256: string; format: string }; download: string }>('exportBundle', { briefIds: [brief.value.id] });
  expect(out).toMatchObject({ ok: true, value: { record: { format: 'bundle' }, download: expect.stringMatching(/^\/exports\/\d+\?ticket=[\w-]+$/) } });
  expect(JSON.stringify(out)).not.toMatch(/base64/);
  expect(path.dirname(out.value.record.path)).toBe(path.join(tmp, 'data', 'exports'));
  const res = await fetch(`${server.baseURL}${out.value.download}`, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.sourcemark.bundle+sqlite3');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Harbour-_+-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.sourcemark"; filename\*=UTF-8''/);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.equals(fs.readFileSync(out.value.record.path))).toBe(true);
  return { bytes, record: out.value.record };
}

describe('a bundle through browser mode', () => {
  it('downloads from its export record and comes back in as a raw upload', async () => {
    const { bytes } = await exportedBundle();
    const res = await upload(bytes, 'Harbour.sourcemark');
    expect(res.status).toBe(200);
    const sent = ((await res.json()) as { value: { upload: string; name: string; bytes: number } }).value;
    expect(sent).toEqual({ upload: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Harbour.sourcemark', bytes: bytes.length });
    const summary = await call('inspectBundle', { name: sent.name, upload: sent.upload });
    expect(summary).toMatchObject({ ok: true, value: { briefTitles: ['Harbour — Гавань'], plan: { briefs: [{ fate: 'unchanged' }] } } });
    expect(await call('importBundle', { name: sent.name, upload: sent.upload, acceptUnverified: true })).toMatchObject({ ok: true, value: { briefsUnchanged: 1 } });
    expect(fs.readdirSync(path.join(tmp, 'data', 'uploads'))).toEqual([]);
  });

  it('turns away a file that is no bundle, with the reason, and keeps nothing of it', async () => {
    const text = await upload(new TextEncoder().encode('Minutes of the meeting'), 'minutes.sourcemark');
    expect(text.status).toBe(415);
    expect(await text.json()).toEqual({ ok: false, error: { code: 'BUNDLE_INVALID', message: 'minutes.sourcemark is not a Sourcemark bundle: it is not a SQLite file. Nothing was imported.' } });
    const library = await upload(fs.readFileSync(path.join(tmp, 'data', 'library.sqlite')), 'library.sqlite');
    expect(library.status).toBe(415);
    expect(((await library.json()) as { error: { message: string } }).error.message).toMatch(/^library\.sqlite is not a Sourcemark bundle: it is a SQLite file of another kind/);
    const empty = await upload(new Uint8Array(), 'empty.sourcemark');
    expect(empty.status).toBe(415);
    expect(fs.existsSync(path.join(tmp, 'data', 'uploads')) ? fs.readdirSync(path.join(tmp, 'data', 'uploads')) : []).toEqual([]);
  });

  it('refuses a bundle over the 70 MB body cap before reading it, naming the file and the limit', async () => {
    const res = await rawRequest(server.baseURL, {
      method: 'POST',
      path: '/upload/bundle?name=whole%20library.sourcemark',
      headers: { ...auth(), 'Content-Length': String(120 * 1024 * 1024) },
      body: '',
    }).catch((err: unknown) => ({ status: -1, headers: {}, body: String(err) }));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: {
        code: 'TOO_LARGE',
        message: 'whole library.sourcemark is 120 MB; browser mode takes bundles of at most 70 MB in one upload. Import it in the desktop app, or share fewer briefs per bundle.',
      },
    });
  });

  it('takes uploads only from our own page, with the token, by POST', async () => {
    const { bytes } = await exportedBundle();
    expect((await upload(bytes, 'x.sourcemark', {})).status).toBe(401);
    expect((await upload(bytes, 'x.sourcemark', { Authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
    expect((await fetch(`${server.baseURL}/upload/bundle`, { headers: auth() })).status).toBe(405);
    expect(fs.existsSync(path.join(tmp, 'data', 'uploads')) ? fs.readdirSync(path.join(tmp, 'data', 'uploads')) : []).toEqual([]);
  });
});
