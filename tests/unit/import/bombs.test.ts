// PDF decompression bombs and bounded import memory (issue 8, item 6): a PDF whose streams inflate
// to gigabytes is refused for what it is, before pdf.js decodes anything, and the app's memory stays
// bounded even with two of them imported at once. The bombs are built here (see pdf-bombs.ts).
import { afterEach, describe, expect, test } from 'vitest';
import { parseFile } from '../../../main/import/parse';
import { measureStreams } from '../../../main/import/pdf-streams';
import { IMPORT_LIMITS } from '../../../main/import/types';
import { openLibrary, type TestLibrary } from '../service/helpers';
import { bombPdf, lzwZeroBomb, pdfWithContent, runLengthBomb, textPdf, zeroBomb } from './pdf-bombs';

const REFUSAL = /^(\S+\.pdf): it expands to more than 256 MB when decompressed, the limit for one PDF\. A PDF that holds this much is damaged or made to exhaust memory; if it is genuine, split it into smaller PDFs\.$/;

/** Samples this process's resident memory until stopped; returns the highest reading in bytes. */
function watchRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

describe('measuring before inflating', () => {
  test('the bomb really is one: its stream inflates to the size it claims', async () => {
    const { counted, exceeded } = await measureStreams(bombPdf(8), 64 * 1024 * 1024);
    expect(exceeded).toBe(false);
    expect(counted).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(zeroBomb(1024 * 1024 * 1024).length).toBeLessThan(8 * 1024 * 1024);
  });

  test('counting stops at the limit, with one chunk of memory, whatever the stream holds', async () => {
    const stop = watchRss();
    const { counted, exceeded } = await measureStreams(bombPdf(1024), 32 * 1024 * 1024);
    expect(exceeded).toBe(true);
    expect(counted).toBeLessThan(33 * 1024 * 1024);
    expect(stop() - process.memoryUsage.rss()).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('refusing bombs', () => {
  test('a 512 MiB bomb is refused for its decompressed size, not as a PDF without text', async () => {
    await expect(parseFile({ name: 'bomb-512.pdf', bytes: bombPdf(512) })).rejects.toThrow(REFUSAL);
  });

  test('a bomb inside a bomb (two Flate layers, 14 KB on disk) is refused the same way', async () => {
    const file = bombPdf(1024, 2);
    expect(file.length).toBeLessThan(20_000);
    await expect(parseFile({ name: 'nested.pdf', bytes: file })).rejects.toThrow(REFUSAL);
  });

  test.each([
    ['LZW (12-bit codes for 3,839 zeros each, 412 KB)', () => pdfWithContent(lzwZeroBomb(1024 ** 3), ['LZWDecode'])],
    ['RunLength under Flate (16 KB)', () => pdfWithContent(runLengthBomb(1024 ** 3), ['FlateDecode', 'RunLengthDecode'])],
    ['ASCIIHex over LZW', () => pdfWithContent(Buffer.from(`${lzwZeroBomb(512 * 1024 ** 2).toString('hex')}>`), ['ASCIIHexDecode', 'LZWDecode'])],
  ])('a bomb behind other filters is measured and refused too: %s', async (_what, make) => {
    await expect(parseFile({ name: 'filters.pdf', bytes: make() })).rejects.toThrow(REFUSAL);
  });

  test('a small PDF with compressed streams still imports', async () => {
    expect((await parseFile({ name: 'note.pdf', bytes: textPdf('Hello from a hand-made PDF') })).body).toBe('Hello from a hand-made PDF');
  });

  test('a PDF with more pages than the limit is refused with that limit', async () => {
    await expect(parseFile({ name: 'pages.pdf', bytes: textPdf('One real page', 6_000) })).rejects.toThrow(
      `pages.pdf: it has 6,000 pages; the limit for one PDF is ${IMPORT_LIMITS.maxPdfPages.toLocaleString('en')}. Split it into parts and import those.`,
    );
  });
});

describe('the app’s memory with bombs imported', () => {
  let lib: TestLibrary | null = null;
  afterEach(async () => {
    await lib?.close();
    lib = null;
  });

  test('two 1 GiB bombs imported at once: both refused with the reason, the library unchanged, memory under 1 GB', async () => {
    lib = await openLibrary();
    const before = lib.snapshot();
    const files = [bombPdf(1024), bombPdf(1024, 2)].map((b, i) => ({ name: `bomb-${i}.pdf`, base64: b.toString('base64') }));
    const stop = watchRss();
    const errors = await Promise.all(files.map((f) => lib!.refuse('importFile', f)));
    const peak = stop();
    for (const [i, e] of errors.entries()) {
      expect(e.code).toBe('IMPORT_FAILED');
      expect(e.message).toMatch(REFUSAL);
      expect(e.message.startsWith(`bomb-${i}.pdf:`)).toBe(true);
    }
    expect(lib.snapshot()).toBe(before);
    expect(peak).toBeLessThan(1024 * 1024 * 1024);
    // And the next, ordinary file imports as usual.
    const ok = await lib.call('importFile', { name: 'after.pdf', base64: textPdf('After the bombs').toString('base64') });
    expect(ok.status).toBe('created');
  });
});

describe('the filters decode as pdf.js does', () => {
  test('each decoder gives back the bytes that were encoded', async () => {
    const { decodeChain } = await import('../../../main/import/pdf-filters');
    const all = async (data: Buffer, filters: string[]) => {
      const parts: Buffer[] = [];
      for await (const c of decodeChain(data, filters)) parts.push(c);
      return Buffer.concat(parts);
    };
    expect((await all(lzwZeroBomb(100_000), ['LZWDecode'])).equals(Buffer.alloc(100_000))).toBe(true);
    expect((await all(Buffer.from([2, 65, 66, 67, 253, 68, 128]), ['RunLengthDecode'])).toString()).toBe('ABCDDDD');
    expect((await all(Buffer.from('48 656c6C6F>'), ['ASCIIHexDecode'])).toString()).toBe('Hello');
    expect((await all(Buffer.from('87cURD]i,"Ebo80z~>'), ['ASCII85Decode'])).toString('latin1')).toBe('Hello World!\0\0\0\0');
    expect((await all(zeroBomb(300_000), ['FlateDecode'])).length).toBe(1 + Math.ceil(299_999 / 258) * 258);
  });
});
