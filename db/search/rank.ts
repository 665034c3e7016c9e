// BM25 computed in JS, the same formula as FTS5's bm25() (k1 = 1.2, b = 0.75, column weights,
// IDF clipped to 1e-6). FTS5's own bm25() first runs every phrase of the query over the whole
// table to count the documents that contain it; for a pasted phrase whose trigrams are all common
// that is a second full evaluation as costly as the search itself (~8 ms on 10,000 sources). Here
// the matches' texts, which the snippets need anyway, give the term frequencies (for long texts,
// counted in their bytes: bytes.ts) and the document sizes, and the table's size comes from
// its FTS5 "averages" record.
import type { Database } from 'better-sqlite3';
import { sql } from '../stmt';

const K1 = 1.2;
const B = 0.75;

export interface TableStats {
  rows: number; // documents in the index
  avgTokens: number; // tokens per document, all columns together
}

/** SQLite's varint as FTS5 writes it: big-endian 7-bit groups, the ninth byte whole. */
function readVarint(buf: Uint8Array, at: number): [value: number, next: number] {
  let v = 0;
  for (let i = 0; i < 9; i += 1) {
    const byte = buf[at + i];
    if (byte === undefined) throw new RangeError('truncated varint');
    if (i === 8) return [v * 256 + byte, at + 9];
    v = v * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [v, at + i + 1];
  }
  return [v, at + 9];
}

/**
 * Row count and average size from the record FTS5 keeps at id 1 of its %_data table (the
 * "averages" record: the number of rows, then the total tokens of each column, as varints).
 * null when the table is empty or the record cannot be read.
 */
export function tableStats(db: Database, fts: string, columns: number): TableStats | null {
  const block = sql(db, `SELECT block FROM ${fts}_data WHERE id = 1`).pluck().get() as Uint8Array | undefined;
  if (!block || block.length === 0) return null;
  try {
    const [rows, first] = readVarint(block, 0);
    let at = first;
    let total = 0;
    for (let c = 0; c < columns; c += 1) {
      const [n, next] = readVarint(block, at);
      total += n;
      at = next;
    }
    return rows > 0 ? { rows, avgTokens: total / rows } : null;
  } catch {
    return null;
  }
}

// The trigram tokenizer folds case and, with remove_diacritics, takes accents off Latin letters
// (only those: Cyrillic й stays й); folding the same way makes JS agree with what the index matched.
const LATIN_ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/g;
export function fold(s: string): string {
  return s.toLowerCase().replace(LATIN_ACCENTED, (c) => c.normalize('NFD')[0] ?? c);
}

/** Occurrences of `needle` in `hay`, overlapping ones included, as FTS5 counts phrase instances. */
export function countText(hay: string, needle: string): number {
  if (needle.length === 0) return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n += 1;
  return n;
}

/** Tokens the trigram tokenizer makes of a text: one per character after the first two. */
export const trigramTokens = (s: string): number => Math.max(0, s.length - 2);

/** FTS5's inverse document frequency for a phrase found in `matching` of `rows` documents. */
export function idf(rows: number, matching: number): number {
  const v = Math.log((rows - matching + 0.5) / (matching + 0.5));
  return v > 0 ? v : 1e-6;
}

/** A document's size in tokens, all columns together, from its FTS5 %_docsize record (a varint per column). */
export function docTokens(sz: Uint8Array | null | undefined): number {
  let total = 0;
  if (!sz) return total;
  for (let at = 0; at < sz.length; ) {
    const [n, next] = readVarint(sz, at);
    total += n;
    at = next;
  }
  return total;
}

/**
 * The bm25 rank of one document (lower is better, as FTS5 returns it) from `freqs`, each term's
 * occurrences already weighted by column, the document's size in tokens, and an IDF per term.
 */
export function bm25(freqs: readonly number[], tokens: number, idfs: readonly number[], stats: TableStats): number {
  const norm = K1 * (1 - B + (B * tokens) / stats.avgTokens);
  let score = 0;
  for (const [i, freq] of freqs.entries()) score += (idfs[i] ?? 1e-6) * ((freq * (K1 + 1)) / (freq + norm));
  return -score;
}
