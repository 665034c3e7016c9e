// Search reads the texts of its matches as the UTF-8 bytes the file stores. Turning a 4 KB body
// into a JS string costs ~40 µs when it is Cyrillic (V8's UTF-8 decoder is slow off ASCII), so
// ranking 200 Russian sources from their strings took ~8 ms; counting a term's spellings in the
// bytes takes a tenth of that, and only the snippet's few hundred bytes are ever decoded.
import { markedSnippet } from './snippet';

/** The spellings of a term the counts look for: as typed, lower, upper, and capitalised. */
export function caseVariants(term: string): Buffer[] {
  const lower = term.toLowerCase();
  const capitalised = lower.replace(/(^|[\s\p{P}])(\p{L})/gu, (_, before: string, c: string) => before + c.toUpperCase());
  const first = lower.replace(/^\p{L}/u, (c) => c.toUpperCase());
  return [...new Set([term, lower, term.toUpperCase(), capitalised, first])].map((s) => Buffer.from(s, 'utf8'));
}

/** Occurrences of any of the spellings in `buf`, overlapping ones included, as FTS5 counts instances. */
export function countIn(buf: Uint8Array, spellings: readonly Buffer[]): number {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let n = 0;
  for (const s of spellings) for (let i = b.indexOf(s); i >= 0; i = b.indexOf(s, i + 1)) n += 1;
  return n;
}

/** The byte offset of the first occurrence of any spelling, or -1. */
export function firstIn(buf: Uint8Array, spellings: readonly Buffer[]): number {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let first = -1;
  for (const s of spellings) {
    const i = b.indexOf(s);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  return first;
}

const isContinuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;
const BEFORE = 4 * 48; // bytes: enough for the snippet's 40 characters of context in any script
const AFTER = 4 * 96;

/**
 * The marked snippet around byte offset `at` of `buf`: only a window of the text is decoded, cut
 * at character boundaries, and marked as cut where it does not reach the text's ends.
 */
export function snippetAt(buf: Uint8Array, at: number, terms: readonly string[]): string | null {
  let from = Math.max(0, at - BEFORE);
  while (from > 0 && isContinuation(buf[from])) from -= 1;
  let to = Math.min(buf.length, at + AFTER + Math.max(0, ...terms.map((t) => Buffer.byteLength(t))));
  while (to < buf.length && isContinuation(buf[to])) to += 1;
  const text = Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('utf8');
  return markedSnippet(text, terms, from > 0, to < buf.length);
}
