// The word-form half of search: a query's words as stems, matched in the *_stem tables (db/search/stems.ts).
// A hit found as typed ranks first; these add the rows that hold only other forms of the words
// (`Турцию` for `Турция`, `западных стран` for `западные страны`), after them.
import type { Database } from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../model';
import type { SearchKind } from './kinds';
import { libraryLanguages, queryWordStems, termWords, wordsOf } from './stems';
import { sql } from '../stmt';

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
const LETTER = /[\p{L}\p{M}\p{N}]/u;

const isMatch = (word: string, q: StemQuery) => queryWordStems(word, q.langs).some((s) => q.stems.has(s));

/**
 * Where the first word with one of the query's stems starts, or -1. A stem is nearly always the
 * start of its words, so its occurrences in the text are the candidates, checked word by word:
 * stemming a whole 4 KB body to find the first match cost ~0.5 ms a hit.
 */
function firstMatch(text: string, q: StemQuery): number {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return -1;
  let first = -1;
  for (const stem of q.stems) {
    let checks = 0;
    for (let i = lower.indexOf(stem); i >= 0 && (first < 0 || i < first) && checks < 50; i = lower.indexOf(stem, i + 1), checks += 1) {
      if (i > 0 && LETTER.test(lower[i - 1]!)) continue; // inside a word, not its start
      let end = i + stem.length;
      while (end < lower.length && LETTER.test(lower[end]!)) end += 1;
      if (isMatch(lower.slice(i, end), q)) {
        first = i;
        break;
      }
    }
  }
  return first;
}

/** The text around its first word whose stem is one of the query's, with every such word marked; null if none. */
export function stemSnippet(text: string, q: StemQuery): string | null {
  let at = firstMatch(text, q);
  if (at < 0) {
    // Stems that are not a prefix of their word (German Häuser → haus): read every word.
    for (const w of wordsOf(text)) {
      if (isMatch(w.word, q)) {
        at = w.start;
        break;
      }
    }
  }
  if (at < 0) return null;
  let from = Math.max(0, at - CONTEXT);
  if (from > 0 && /[\udc00-\udfff]/.test(text[from] ?? '')) from += 1;
  let to = Math.min(text.length, at + CONTEXT * 2);
  if (to < text.length && /[\udc00-\udfff]/.test(text[to] ?? '')) to += 1;
  const window = text.slice(from, to);
  let out = '';
  let last = 0;
  for (const w of wordsOf(window)) {
    if (!isMatch(w.word, q)) continue;
    out += window.slice(last, w.start) + SNIPPET_OPEN + window.slice(w.start, w.end) + SNIPPET_CLOSE;
    last = w.end;
  }
  out += window.slice(last);
  return (from > 0 ? '…' : '') + out + (to < text.length ? '…' : '');
}
