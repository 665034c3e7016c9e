// The word-form half of search: a query's words as stems, matched in the *_stem tables (db/stems.ts).
// A hit found as typed ranks first; these add the rows that hold only other forms of the words
// (`Турцию` for `Турция`, `западных стран` for `западные страны`), after them.
import type { Database } from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from './model';
import type { SearchKind } from './search-kinds';
import { libraryLanguages, queryWordStems, termWords, wordsOf } from './stems';
import { sql } from './stmt';

const STEM_TABLE: Record<SearchKind, string> = { source: 'source_stem', quote: 'quote_stem', claim: 'claim_stem' };

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;

export interface StemQuery {
  match: string; // the FTS5 expression over the *_stem tables
  stems: Set<string>; // every stem of every query word, for marking snippets
  langs: ReadonlySet<string>;
}

/**
 * The stemmed form of a query: each term must match, a term of several words as a phrase of their
 * stems, each word in any of the library's languages of its script. null when a term has a word no
 * stemmer reads (CJK: the n-gram indexes answer those as typed) or no word at all.
 */
export function stemQuery(db: Database, terms: readonly string[]): StemQuery | null {
  const langs = libraryLanguages(db);
  const stems = new Set<string>();
  const parts: string[] = [];
  for (const term of terms) {
    const words = termWords(term);
    if (words.length === 0) return null;
    const variants = words.map((w) => queryWordStems(w, langs));
    if (variants.some((v) => v.length === 0)) return null;
    for (const v of variants) for (const s of v) stems.add(s);
    // One phrase per language reading: the n-th stem of every word (a word with fewer readings keeps its last).
    const readings = Math.max(...variants.map((v) => v.length));
    const phrases = new Set<string>();
    for (let i = 0; i < readings; i += 1) phrases.add(quoted(variants.map((v) => v[Math.min(i, v.length - 1)]).join(' ')));
    parts.push(phrases.size === 1 ? [...phrases][0]! : `(${[...phrases].join(' OR ')})`);
  }
  return { match: parts.join(' AND '), stems, langs };
}

/**
 * Ids of rows whose stems match, newest first, leaving out `exclude` (the rows found as typed).
 * Not ranked by bm25(): its document counts would walk each stem's whole position list, as costly
 * as the rest of the search for a common word, to order hits that already come after the exact ones.
 */
export function stemMatches(db: Database, kind: SearchKind, q: StemQuery, exclude: ReadonlySet<number>, limit: number): { id: number; rank: number }[] {
  const t = STEM_TABLE[kind];
  const ids = sql(db, `SELECT rowid FROM ${t} WHERE ${t} MATCH ? ORDER BY rowid DESC LIMIT ?`).pluck().all(q.match, limit + exclude.size) as number[];
  return ids
    .filter((id) => !exclude.has(id))
    .slice(0, limit)
    .map((id, i) => ({ id, rank: i }));
}

const CONTEXT = 40;

/** The text around its first word whose stem is one of the query's, with every such word marked; null if none. */
export function stemSnippet(text: string, q: StemQuery): string | null {
  const found: { start: number; end: number }[] = [];
  let stopAt = Infinity;
  for (const w of wordsOf(text)) {
    if (w.start > stopAt) break;
    if (!queryWordStems(w.word, q.langs).some((s) => q.stems.has(s))) continue;
    if (found.length === 0) stopAt = w.start + CONTEXT * 2;
    found.push(w);
  }
  const first = found[0];
  if (!first) return null;
  let from = Math.max(0, first.start - CONTEXT);
  if (from > 0 && /[\udc00-\udfff]/.test(text[from] ?? '')) from += 1;
  const to = Math.min(text.length, first.start + CONTEXT * 2);
  let out = '';
  let at = from;
  for (const f of found) {
    if (f.end > to) break;
    out += text.slice(at, f.start) + SNIPPET_OPEN + text.slice(f.start, f.end) + SNIPPET_CLOSE;
    at = f.end;
  }
  out += text.slice(at, Math.max(at, to));
  return (from > 0 ? '…' : '') + out + (to < text.length ? '…' : '');
}
