// How much a PDF's compressed streams hold, measured before pdf.js reads any of them. pdf.js keeps a
// decoded stream whole in memory, and ArrayBuffers escape a worker's heap limit, so a 2 MB file whose
// streams inflate to gigabytes (a decompression bomb) would take the whole app's memory with it. Here
// each stream is decoded through its filters (Flate, LZW, RunLength, ASCII85 and ASCIIHex, in any
// chain) in small chunks that are counted and dropped, and the file is refused as soon as the total
// passes the limit: memory stays at a few chunks whatever the file holds.
import { decodeChain } from './pdf-filters';

export interface StreamBudget {
  /** Decoded bytes counted before stopping (at most limit + one chunk). */
  counted: number;
  exceeded: boolean;
}

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

/** The filters a stream's dictionary names, in order. */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1]!);
}

/** What `data` decodes to through `filters`, counted chunk by chunk; stops once past `room`. */
async function decodedSize(data: Buffer, filters: string[], room: number): Promise<number> {
  let count = 0;
  for await (const chunk of decodeChain(data, filters)) {
    count += chunk.length;
    if (count > room) break;
  }
  return count;
}

/**
 * Counts what the file's streams decode to, up to `limit` bytes. Image streams are left out: reading
 * a PDF's text never decodes them.
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
    counted += await decodedSize(pdf.subarray(start, stop), filtersOf(dict), limit - counted);
    if (counted > limit) return { counted, exceeded: true };
  }
  return { counted, exceeded: false };
}
