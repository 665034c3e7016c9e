import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BodySlots, BodyTooLarge, LARGE_BODY_BYTES, MAX_BODY_BYTES, readBody } from '../../../main/web/http-io';
import { IMPORT_LIMITS } from '../../../main/import/types';

function stream(headers: Record<string, string> = {}) {
  const s = new PassThrough() as PassThrough & { headers: Record<string, string> };
  s.headers = headers;
  return s;
}

describe('reading a request body', () => {
  it('collects the chunks', async () => {
    const req = stream();
    const body = readBody(req as unknown as IncomingMessage, 100);
    req.write('{"a":');
    req.end('1}');
    expect((await body).toString()).toBe('{"a":1}');
  });

  it('stops at the limit even without a Content-Length (chunked upload)', async () => {
    const req = stream();
    const body = readBody(req as unknown as IncomingMessage, 10);
    req.write('0123456789');
    req.write('x');
    req.end('more');
    await expect(body).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it('reads the rest of a refused body into nothing, and closes a connection that sends past the discard limit', async () => {
    const req = stream();
    const body = readBody(req as unknown as IncomingMessage, { limit: 10, discardLimit: 100 });
    req.write('0123456789x');
    await expect(body).rejects.toBeInstanceOf(BodyTooLarge);
    // Still read after the refusal: a client that goes on sending is not cut off mid-upload.
    req.write(Buffer.alloc(50));
    await new Promise((resolve) => setImmediate(resolve));
    expect(req.readableLength).toBe(0);
    expect(req.destroyed).toBe(false);
    const closed = new Promise((resolve) => req.once('close', resolve));
    req.write(Buffer.alloc(60));
    await closed;
    expect(req.destroyed).toBe(true);
  });

  it('refuses at once when the declared length is over the limit', async () => {
    const req = stream({ 'content-length': String(11) });
    await expect(readBody(req as unknown as IncomingMessage, 10)).rejects.toThrow('The request is 11 bytes; browser mode accepts at most 10 bytes in one call');
  });

  it('is capped near the largest call: a 50 MB file as base64 JSON fits, little more does', () => {
    const base64Length = Math.ceil(IMPORT_LIMITS.maxFileBytes / 3) * 4;
    const largestCall = JSON.stringify({ name: `${'\u{1F4C4}'.repeat(200)}.pdf`, base64: 'A'.repeat(base64Length), encoding: 'windows-1251' });
    expect(Buffer.byteLength(largestCall)).toBeLessThan(MAX_BODY_BYTES);
    expect(MAX_BODY_BYTES).toBeLessThan(1.1 * Buffer.byteLength(largestCall));
  });

  it('reads at most two large bodies at a time; the others wait unread, then all arrive', async () => {
    const slots = new BodySlots(2);
    const size = LARGE_BODY_BYTES + 10;
    const reqs = [0, 1, 2, 3].map(() => stream({ 'content-length': String(size) }));
    const bodies = reqs.map((r) => readBody(r as unknown as IncomingMessage, { slots }));
    // Write everything; the third and fourth streams stay paused until a slot frees.
    for (const r of reqs) r.end(Buffer.alloc(size, 0x41));
    const results = await Promise.all(bodies);
    expect(results.map((b) => b.length)).toEqual([size, size, size, size]);
    expect(slots.peak).toBe(2);
    // Every slot came back: two more large bodies are read at once.
    const again = [0, 1].map(() => stream({ 'content-length': String(size) }));
    const more = again.map((r) => readBody(r as unknown as IncomingMessage, { slots }));
    for (const r of again) r.end(Buffer.alloc(size));
    expect((await Promise.all(more)).length).toBe(2);
  });

  it('a chunked body that grows large waits for a slot, and a refused one gives its slot back', async () => {
    const slots = new BodySlots(1);
    const holder = stream({ 'content-length': String(LARGE_BODY_BYTES + 1) });
    const held = readBody(holder as unknown as IncomingMessage, { slots });
    const chunked = stream();
    const growing = readBody(chunked as unknown as IncomingMessage, { slots, limit: 3 * LARGE_BODY_BYTES });
    chunked.end(Buffer.alloc(2 * LARGE_BODY_BYTES));
    holder.end(Buffer.alloc(LARGE_BODY_BYTES + 1));
    expect((await held).length).toBe(LARGE_BODY_BYTES + 1);
    expect((await growing).length).toBe(2 * LARGE_BODY_BYTES);
    expect(slots.peak).toBe(1);
    const tooBig = stream();
    const refused = readBody(tooBig as unknown as IncomingMessage, { slots, limit: LARGE_BODY_BYTES + 5 });
    tooBig.end(Buffer.alloc(LARGE_BODY_BYTES + 100));
    await expect(refused).rejects.toBeInstanceOf(BodyTooLarge);
    const after = stream({ 'content-length': String(LARGE_BODY_BYTES + 1) });
    const ok = readBody(after as unknown as IncomingMessage, { slots });
    after.end(Buffer.alloc(LARGE_BODY_BYTES + 1));
    expect((await ok).length).toBe(LARGE_BODY_BYTES + 1);
  });
});
