import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BodyTooLarge, readBody } from '../../../main/web/http-io';

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

  it('refuses at once when the declared length is over the limit', async () => {
    const req = stream({ 'content-length': String(11) });
    await expect(readBody(req as unknown as IncomingMessage, 10)).rejects.toThrow(/larger than/);
  });
});
