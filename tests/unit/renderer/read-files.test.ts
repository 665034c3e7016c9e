// Picked files are read as streams and sent as base64: the stream's chunks come in any sizes, so the
// encoding must join across chunk edges exactly, and a file over the limit must stop being read.
import { describe, expect, it } from 'vitest';
import { readBase64 } from '../../../renderer/src/import/readFiles';

/** A file whose stream hands out its bytes in the given chunk sizes, counting how many chunks were pulled. */
function chunked(bytes: Uint8Array, sizes: number[]) {
  const file = {
    pulled: 0,
    stream() {
      let at = 0;
      let i = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          const size = sizes[i++ % sizes.length]!;
          file.pulled += 1;
          controller.enqueue(bytes.slice(at, at + size));
          at += size;
        },
      });
    },
  };
  return file;
}

const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256);

describe('readBase64', () => {
  it('encodes exactly whatever sizes the chunks come in', async () => {
    for (const n of [1, 2, 3, 4, 5, 97, 1000, 70_001]) {
      for (const sizes of [[1], [2], [4, 5], [7, 1, 3], [65_536]]) {
        const bytes = bytesOf(n);
        const read = await readBase64(chunked(bytes, sizes), 1_000_000);
        expect(read).toEqual({ base64: Buffer.from(bytes).toString('base64'), bytes: n });
      }
    }
  });

  it('reads an empty file as zero bytes', async () => {
    expect(await readBase64(new Blob([]), 10)).toEqual({ base64: '', bytes: 0 });
  });

  it('accepts a file of exactly the limit and refuses one byte more, without reading on', async () => {
    expect((await readBase64(chunked(bytesOf(30), [10]), 30))?.bytes).toBe(30);
    const over = chunked(bytesOf(1000), [10]);
    expect(await readBase64(over, 30)).toBeNull();
    expect(over.pulled).toBeLessThanOrEqual(5);
  });

  it('reads a real Blob', async () => {
    const text = 'Сводка за неделю — 東京 🙂';
    const read = await readBase64(new Blob([text]), 1000);
    expect(Buffer.from(read!.base64, 'base64').toString('utf8')).toBe(text);
  });
});
