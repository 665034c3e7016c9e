// Streaming decoders for the PDF filters that can expand data, so a stream's decoded size can be
// measured in bounded memory whatever chain of filters it names: each stage reads chunks from the one
// before and yields chunks of at most CHUNK bytes, and nothing is kept once counted. pdf.js does the
// real decoding later; these only have to produce the same number of bytes.
import zlib from 'node:zlib';

export const CHUNK = 64 * 1024;

export type Chunks = AsyncIterable<Buffer>;

/** Collects output into chunks of at most CHUNK bytes. */
class Out {
  private buf = Buffer.alloc(CHUNK);
  private n = 0;
  readonly ready: Buffer[] = [];
  byte(b: number) {
    this.buf[this.n++] = b;
    if (this.n === CHUNK) this.flush();
  }
  flush() {
    if (this.n === 0) return;
    this.ready.push(Buffer.from(this.buf.subarray(0, this.n)));
    this.n = 0;
  }
}

/** Resolves when the stream wants more input, or is gone (the reader stopped early). */
function drained(z: zlib.Inflate): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      z.off('drain', done);
      z.off('close', done);
      resolve();
    };
    z.on('drain', done);
    z.on('close', done);
  });
}

export async function* flate(input: Chunks): Chunks {
  const z = zlib.createInflate({ chunkSize: CHUNK, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  z.on('error', () => undefined);
  const feed = (async () => {
    for await (const chunk of input) {
      if (z.destroyed) return;
      if (!z.write(chunk)) await drained(z);
    }
    if (!z.destroyed) z.end();
  })().catch(() => z.destroy());
  try {
    for await (const out of z) yield out as Buffer;
  } catch {
    // A damaged stream yields what came before the damage, as pdf.js reads it that far too.
  } finally {
    z.destroy();
    await feed;
  }
}

/** RunLengthDecode: n < 128 copies n + 1 bytes; n > 128 repeats the next byte 257 - n times; 128 ends. */
export async function* runLength(input: Chunks): Chunks {
  const out = new Out();
  let copy = 0;
  let repeat = 0;
  for await (const chunk of input) {
    for (const b of chunk) {
      if (copy > 0) {
        out.byte(b);
        copy -= 1;
      } else if (repeat > 0) {
        for (let k = 0; k < repeat; k++) out.byte(b);
        repeat = 0;
      } else if (b < 128) copy = b + 1;
      else if (b > 128) repeat = 257 - b;
      else {
        out.flush();
        yield* out.ready.splice(0);
        return;
      }
      if (out.ready.length) yield* out.ready.splice(0);
    }
  }
  out.flush();
  yield* out.ready.splice(0);
}

/** LZWDecode as PDF writes it: codes of 9 to 12 bits, MSB first, 256 clears, 257 ends, early change 1. */
export async function* lzw(input: Chunks, earlyChange = 1): Chunks {
  const out = new Out();
  const prefix = new Int32Array(4097);
  const last = new Uint8Array(4097);
  const length = new Uint32Array(4097);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    last[i] = i;
    length[i] = 1;
  }
  const scratch = new Uint8Array(4097);
  let next = 258;
  let width = 9;
  let previous = -1;
  let bits = 0;
  let acc = 0;
  /** Writes entry `code` and returns its first byte. */
  const emit = (code: number): number => {
    const n = length[code]!;
    let c = code;
    for (let i = n - 1; i >= 0; i--) {
      scratch[i] = last[c]!;
      c = prefix[c]!;
    }
    for (let i = 0; i < n; i++) out.byte(scratch[i]!);
    return scratch[0]!;
  };
  for await (const chunk of input) {
    for (const b of chunk) {
      acc = ((acc << 8) | b) & 0xffffff;
      bits += 8;
      while (bits >= width) {
        const code = (acc >>> (bits - width)) & ((1 << width) - 1);
        bits -= width;
        if (code === 256) {
          next = 258;
          width = 9;
          previous = -1;
          continue;
        }
        if (code === 257) {
          out.flush();
          yield* out.ready.splice(0);
          return;
        }
        let first: number;
        if (code < next && (code < 256 || code >= 258)) first = emit(code);
        else if (code === next && previous >= 0) {
          // The code being defined right now: the previous string plus its own first byte.
          const head = emit(previous);
          out.byte(head);
          first = head;
        } else {
          out.flush();
          yield* out.ready.splice(0);
          return; // not a code of this stream: pdf.js stops here too
        }
        if (previous >= 0 && next < 4096) {
          prefix[next] = previous;
          last[next] = first;
          length[next] = length[previous]! + 1;
          next += 1;
        }
        previous = code;
        const limit = next + earlyChange;
        width = limit >= 2048 ? 12 : limit >= 1024 ? 11 : limit >= 512 ? 10 : 9;
      }
      if (out.ready.length) yield* out.ready.splice(0);
    }
  }
  out.flush();
  yield* out.ready.splice(0);
}

/** ASCIIHexDecode: two hex digits a byte, white space ignored, ">" ends. */
export async function* asciiHex(input: Chunks): Chunks {
  const out = new Out();
  let high = -1;
  for await (const chunk of input) {
    for (const c of chunk) {
      if (c === 0x3e) {
        if (high >= 0) out.byte(high << 4);
        out.flush();
        yield* out.ready.splice(0);
        return;
      }
      const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        out.byte((high << 4) | v);
        high = -1;
      }
    }
    if (out.ready.length) yield* out.ready.splice(0);
  }
  out.flush();
  yield* out.ready.splice(0);
}

/** ASCII85Decode: five characters four bytes, "z" four zero bytes, "~>" ends. */
export async function* ascii85(input: Chunks): Chunks {
  const out = new Out();
  const group: number[] = [];
  const flushGroup = () => {
    if (group.length < 2) return;
    const n = group.length;
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const d of group) v = v * 85 + d;
    for (let i = 0; i < n - 1; i++) out.byte((v >>> (24 - 8 * i)) & 0xff);
    group.length = 0;
  };
  for await (const chunk of input) {
    for (const c of chunk) {
      if (c === 0x7e) {
        flushGroup();
        out.flush();
        yield* out.ready.splice(0);
        return;
      }
      if (c === 0x7a && group.length === 0) for (let i = 0; i < 4; i++) out.byte(0);
      else if (c >= 0x21 && c <= 0x75) {
        group.push(c - 0x21);
        if (group.length === 5) flushGroup();
      }
    }
    if (out.ready.length) yield* out.ready.splice(0);
  }
  flushGroup();
  out.flush();
  yield* out.ready.splice(0);
}

const DECODERS: Record<string, (input: Chunks) => Chunks> = {
  FlateDecode: flate,
  Fl: flate,
  LZWDecode: lzw,
  LZW: lzw,
  RunLengthDecode: runLength,
  RL: runLength,
  ASCIIHexDecode: asciiHex,
  AHx: asciiHex,
  ASCII85Decode: ascii85,
  A85: ascii85,
};

/**
 * The stream's bytes through its filters, in chunks. Filters that only images use (DCT, JPX, JBIG2,
 * CCITT) or that are unknown end the chain: what comes out of the last known filter is counted.
 */
export function decodeChain(data: Buffer, filters: string[]): Chunks {
  let chunks: Chunks = (async function* () {
    for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
  })();
  for (const f of filters) {
    const decoder = DECODERS[f];
    if (!decoder) break;
    chunks = decoder(chunks);
  }
  return chunks;
}
