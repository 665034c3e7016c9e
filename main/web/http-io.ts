// Small helpers for node:http: reading a bounded body (with few large ones at a time) and writing JSON
// or files with the headers every response of browser mode carries.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../security/csp';
import type { ErrorValue } from '../../db/errors';
import { IMPORT_LIMITS } from '../import/types';
import { formatBytes, MAX_REQUEST_BYTES } from '../vocabulary';
import type { VerifiedExport } from '../export/read-export';

/**
 * The largest call is importFile: one file of at most IMPORT_LIMITS.maxFileBytes (50 MB), sent as
 * base64 inside JSON, which makes it 4/3 as large (66.7 MB), plus its name and the JSON around it.
 * 70 MB holds that with room to spare and nothing much bigger. A bundle to import is sent raw
 * (POST /upload/bundle), so a bundle of up to 70 MB fits under the same cap.
 */
export const MAX_BODY_BYTES = MAX_REQUEST_BYTES;
/** Bodies above this size count as large: only a few of them are read into memory at the same time. */
export const LARGE_BODY_BYTES = 1024 * 1024;
const LARGE_BODY_SLOTS = 2;
/**
 * The rest of a refused body is read and thrown away, up to this much in all, so that a client still
 * sending gets the 413 and its message instead of a connection cut mid-upload (EPIPE); the
 * connection then serves the next call. A client that sends more than this has its connection closed.
 */
export const MAX_DISCARDED_BYTES = 512 * 1024 * 1024;


export class BodyTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly declared?: number,
  ) {
    super(
      `${declared ? `The request is ${formatBytes(declared)}; ` : 'The request is larger than the limit; '}browser mode accepts at most ${formatBytes(limit)} in one call ` +
        `(a file of up to ${formatBytes(IMPORT_LIMITS.maxFileBytes)}, base64-encoded).`,
    );
  }
}

/**
 * At most `size` large bodies are buffered at once; the others wait, unread, in the kernel's socket
 * buffers (TCP holds the sender back), so three 60 MB uploads never hold 180 MB of this process.
 */
export class BodySlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Highest number of bodies read at the same time so far (for tests). */
  peak = 0;
  constructor(readonly size = LARGE_BODY_SLOTS) {}

  async acquire(): Promise<() => void> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays counted.
      if (next) next();
      else this.active -= 1;
    };
  }
}

const sharedSlots = new BodySlots();

export interface ReadBodyOptions {
  limit?: number;
  slots?: BodySlots;
  /** How much of a refused body is read and thrown away before the connection is closed instead. */
  discardLimit?: number;
}

/** Reads what is left of a refused body into nothing; past `max` bytes in all, the connection is closed. */
function discardRest(req: IncomingMessage, max: number, seen = 0): void {
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > max) {
      req.off('data', onData);
      req.destroy();
    }
  };
  req.on('data', onData);
  req.resume();
}

export async function readBody(req: IncomingMessage, options: ReadBodyOptions | number = {}): Promise<Buffer> {
  const { limit = MAX_BODY_BYTES, slots = sharedSlots, discardLimit = MAX_DISCARDED_BYTES } = typeof options === 'number' ? { limit: options } : options;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    discardRest(req, discardLimit);
    throw new BodyTooLarge(limit, declared);
  }
  let release: (() => void) | null = null;
  let settled = false;
  if (Number.isFinite(declared) && declared > LARGE_BODY_BYTES) {
    req.pause();
    release = await slots.acquire();
  }
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      const onData = (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > limit) {
          failed = true;
          chunks.length = 0;
          req.off('data', onData);
          discardRest(req, discardLimit, size);
          reject(new BodyTooLarge(limit));
          return;
        }
        chunks.push(chunk);
        // A body without a Content-Length (chunked) that turns out large waits for a slot too.
        if (!release && size > LARGE_BODY_BYTES) {
          req.pause();
          void slots.acquire().then((r) => {
            // The body may have been refused meanwhile: then the slot goes straight back.
            if (settled) return r();
            release = r;
            req.resume();
          });
        }
      };
      req.on('data', onData);
      req.on('end', () => {
        if (!failed) resolve(Buffer.concat(chunks));
      });
      req.on('error', (err) => {
        if (!failed) reject(err);
      });
      req.resume();
    });
  } finally {
    settled = true;
    // release is assigned asynchronously above; the cast keeps TS from narrowing it to null.
    (release as (() => void) | null)?.();
  }
}

function baseHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  baseHeaders(res);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: ErrorValue, extra: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
  sendJson(res, status, { ok: false, error });
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  baseHeaders(res);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendFile(res: ServerResponse, file: string, mime: string, size: number, headOnly: boolean): void {
  baseHeaders(res);
  // Vite names assets by content hash; the page itself must be re-read on every load.
  if (/[\\/]assets[\\/]/.test(file)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.writeHead(200, { 'Content-Type': mime, 'Content-Length': size });
  if (headOnly) {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** An export as a download: streamed from the verified file, named for the browser's save. */
export function sendDownload(res: ServerResponse, file: VerifiedExport, headOnly: boolean): void {
  baseHeaders(res);
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': file.mime,
    'Content-Length': file.size,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
  if (headOnly) {
    res.end();
    void file.handle.close();
    return;
  }
  const stream = file.handle.createReadStream({ start: 0, autoClose: true });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
