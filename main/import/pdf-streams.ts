// How much a PDF's compressed streams hold, measured before pdf.js reads any of them. pdf.js keeps a
// decoded stream whole in memory, and ArrayBuffers escape a worker's heap limit, so a 2 MB file whose
// streams inflate to gigabytes (a decompression bomb) would take the whole app's memory with it. Here
// each FlateDecode stream is inflated in small chunks that are counted and dropped, and the file is
// refused as soon as the total passes the limit: memory stays at a few chunks whatever the file holds.
import zlib from 'node:zlib';

export interface StreamBudget {
  /** Decompressed bytes counted before stopping (at most limit + one chunk). */
  counted: number;
  exceeded: boolean;
}

const CHUNK = 64 * 1024;
const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');

/** The dictionary written just before a "stream" keyword, or null when there is none. */
function dictionaryBefore(pdf: Buffer, keyword: number): string | null {
  let i = keyword - 1;
  while (i >= 0 && isWhite(pdf[i]!)) i -= 1;
  if (pdf[i] !== 0x3e || pdf[i - 1] !== 0x3e) return null; // ">>"
  // Walk back to the matching "<<", through nested dictionaries (DecodeParms and the like).
  let depth = 0;
  const stop = Math.max(0, i - 64 * 1024);
  for (let j = i; j > stop; j--) {
    if (pdf[j] === 0x3e && pdf[j - 1] === 0x3e) {
      depth += 1;
      j -= 1;
    } else if (pdf[j] === 0x3c && pdf[j - 1] === 0x3c) {
      depth -= 1;
      j -= 1;
      if (depth === 0) return pdf.toString('latin1', j, i + 1);
    }
  }
  return null;
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** The filters a stream's dictionary names, in order ("/Fl" is the abbreviation inline images use). */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => (f[1] === 'Fl' ? 'FlateDecode' : f[1]!));
}

/**
 * Inflates `data` through `layers` Flate filters, counting the bytes that come out of the last one,
 * and stops as soon as `room` is used up. Damaged streams count what they gave before the damage, as
 * pdf.js reads them that far too.
 */
function inflatedSize(data: Buffer, layers: number, room: number): Promise<number> {
  return new Promise((resolve) => {
    const options = { chunkSize: CHUNK, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    const chain = Array.from({ length: layers }, () => zlib.createInflate(options));
    let count = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      for (const z of chain) z.destroy();
      resolve(count);
    };
    for (let k = 0; k + 1 < chain.length; k++) chain[k]!.pipe(chain[k + 1]!);
    const last = chain[chain.length - 1]!;
    last.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > room) finish();
    });
    last.on('end', finish);
    for (const z of chain) z.on('error', finish);
    chain[0]!.end(data);
  });
}

/**
 * Counts what the file's Flate streams expand to, up to `limit` bytes. Image streams are left out:
 * reading a PDF's text never decodes them. Streams behind other filters (LZW, ASCII85) are not
 * measured here; the import's memory watchdog bounds those.
 */
export async function measureStreams(pdf: Buffer, limit: number): Promise<StreamBudget> {
  let counted = 0;
  for (let at = pdf.indexOf(STREAM); at !== -1; at = pdf.indexOf(STREAM, at + STREAM.length)) {
    // "endstream" contains "stream"; only the keyword that opens a stream counts.
    if (at >= 3 && pdf.toString('latin1', at - 3, at) === 'end') continue;
    const dict = dictionaryBefore(pdf, at);
    if (!dict) continue;
    let start = at + STREAM.length;
    if (pdf[start] === 0x0d) start += 1;
    if (pdf[start] === 0x0a) start += 1;
    const end = pdf.indexOf(END, start);
    const stop = end === -1 ? pdf.length : end;
    at = Math.max(at, stop - STREAM.length);
    if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    const filters = filtersOf(dict);
    let layers = 0;
    while (layers < filters.length && filters[layers] === 'FlateDecode') layers += 1;
    if (layers === 0) {
      counted += stop - start;
    } else {
      counted += await inflatedSize(pdf.subarray(start, stop), layers, limit - counted);
    }
    if (counted > limit) return { counted, exceeded: true };
  }
  return { counted, exceeded: false };
}
