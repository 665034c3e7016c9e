// The long-term part of a search: the trigram index finds the matches, newest first, in one pass,
// and the top `limit` of them by bm25 are returned with their texts.
//
// One FTS5 evaluation per kind is the budget. A phrase pasted from an article has ~20 trigrams,
// most of them common ("the", " of"), so merging their position lists costs ~8 ms over 10,000
// sources however few documents hold the phrase, and FTS5's bm25() would evaluate each phrase once
// more over the whole table for its document count. So the matches come first, without any
// auxiliary function, and are ranked in JS from their texts (rank.ts); only many long
// sources are ranked by bm25(), which then reads no more than the window.
import type { Database } from 'better-sqlite3';
import { caseVariants, countIn } from './bytes';
import { weightArgs, type KindSpec } from './kinds';
import { bm25, countText, docTokens, fold, idf, tableStats, trigramTokens, type TableStats } from './rank';
import { phraseMatches } from './phrase';
import { list, sql } from '../stmt';

// Ranking every match of a very common word costs ~10-20 ms; such a query ranks only its most
// recent RANK_WINDOW matches, which for a word found in most of the library is where the analyst
// looks first anyway. Selective queries are ranked in full.
export const RANK_WINDOW = 1_000;
const JS_RANK_LONG_MAX = 200;

/** A ranked match with its content columns: strings for short kinds, UTF-8 bytes for long ones. */
export interface Match {
  id: number;
  rank: number;
  texts: (string | Uint8Array | null)[];
}

export interface Query {
  terms: readonly string[]; // the long terms as typed
  phrases: readonly string[]; // the same as FTS5 phrases, all required
  where: readonly string[]; // more conditions on the content row x
  params: readonly unknown[]; // their parameters
}

const filterSql = (q: Query) => q.where.map((w) => `AND ${w}`).join(' ');
const fromSql = (k: KindSpec, q: Query) => `${k.fts} ${q.where.length ? `JOIN ${k.table} ON x.id = ${k.fts}.rowid` : ''}`;
const newest = (k: KindSpec, q: Query, cols: string, count = RANK_WINDOW) =>
  `SELECT ${k.fts}.rowid AS id${cols} FROM ${fromSql(k, q)} WHERE ${k.fts} MATCH ? ${filterSql(q)} ORDER BY ${k.fts}.rowid DESC LIMIT ${count}`;

// FTS5 walks a doclist backwards at ~1.5 times the cost of forwards. Newest first is what lets a
// common word stop after RANK_WINDOW matches, but a phrase with spaces is nearly always rare and
// evaluated in full, so it is read forwards and its newest matches kept; one that is common after
// all costs at most ASC_CAP matches read before the usual way.
const ASC_CAP = 5_000;
const isPhrase = (q: Query) => q.terms.some((t) => /\s/.test(t));

/** The ids of the newest `count` matches, newest first. */
function newestIds(db: Database, k: KindSpec, q: Query, count: number): number[] {
  const args = [q.phrases.join(' '), ...q.params];
  const only = q.terms.length === 1 && q.where.length === 0 ? q.terms[0] : undefined;
  const shortcut = only !== undefined && isPhrase(q) ? phraseMatches(db, k, only) : null;
  if (shortcut) return shortcut.slice(-count).reverse();
  if (isPhrase(q)) {
    const text = `SELECT ${k.fts}.rowid FROM ${fromSql(k, q)} WHERE ${k.fts} MATCH ? ${filterSql(q)} ORDER BY ${k.fts}.rowid LIMIT ${ASC_CAP + 1}`;
    const all = sql(db, text).pluck().all(...args) as number[];
    if (all.length <= ASC_CAP) return all.slice(-count).reverse();
  }
  return sql(db, newest(k, q, '', count)).pluck().all(...args) as number[];
}

// A multi-term query weighs each term by its IDF, which needs the number of documents holding it.
// Counting them all costs a full evaluation of the term (~3-5 ms for a word in a quarter of
// 10,000 sources). The first IDF_SAMPLE matches, in rowid order, are counted exactly; past that
// the count is estimated from how much of the rowid range those matches span.
const IDF_SAMPLE = 200;

/** Documents holding `phrase`: exact up to IDF_SAMPLE, estimated from the matches' density above. */
function documentsWith(db: Database, k: KindSpec, phrase: string, stats: TableStats): number {
  const ids = sql(db, `SELECT rowid FROM ${k.fts} WHERE ${k.fts} MATCH ? LIMIT ${IDF_SAMPLE}`).pluck().all(phrase) as number[];
  const last = ids[ids.length - 1];
  if (ids.length < IDF_SAMPLE || last === undefined) return ids.length;
  // Separate subqueries: SQLite answers a lone min() or max() from the rowid tree's ends, both at once by a scan.
  const range = sql(db, `SELECT (SELECT min(x.id) FROM ${k.table}) AS lo, (SELECT max(x.id) FROM ${k.table}) AS hi`).get() as { lo: number; hi: number };
  return Math.min(stats.rows, Math.round((IDF_SAMPLE * (range.hi - range.lo + 1)) / (last - range.lo + 1)));
}

function idfs(db: Database, k: KindSpec, q: Query, found: number, stats: TableStats): number[] {
  // With one term its IDF scales every rank alike; the count only keeps the numbers bm25()'s own.
  const counts = q.terms.length === 1 && q.where.length === 0 && found < RANK_WINDOW ? [found] : q.phrases.map((p) => documentsWith(db, k, p, stats));
  return counts.map((n) => idf(stats.rows, n));
}

/** Best first; equal ranks newer first, as the window is the newest matches. */
const best = (matches: Match[], limit: number) => matches.sort((a, b) => a.rank - b.rank || b.id - a.id).slice(0, limit);

/** Quotes and claims: the matches and their texts in one statement, ranked from the strings. */
function rankShort(db: Database, k: KindSpec, q: Query, limit: number): Match[] {
  const cols = k.ftsCols.map((c, i) => `, ${k.fts}.${c} AS t${i}`).join('');
  type Row = Record<string, string | number | null>;
  let rows: Row[];
  if (isPhrase(q)) {
    const ids = newestIds(db, k, q, RANK_WINDOW);
    const text = `SELECT x.id${k.likeCols.map((c, i) => `, ${c} AS t${i}`).join('')} FROM ${k.table} WHERE x.id IN (SELECT value FROM json_each(?))`;
    rows = ids.length ? (sql(db, text).all(list(ids)) as Row[]) : [];
  } else rows = sql(db, newest(k, q, cols)).all(q.phrases.join(' '), ...q.params) as Row[];
  const stats = rows.length > 0 ? tableStats(db, k.fts, k.weights.length) : null;
  if (!stats) return rows.map((r) => ({ id: r.id as number, rank: 0, texts: k.ftsCols.map((_, i) => r[`t${i}`] as string | null) }));
  const weights = idfs(db, k, q, rows.length, stats);
  const terms = q.terms.map(fold);
  const matches = rows.map((r): Match => {
    const texts = k.ftsCols.map((_, i) => (r[`t${i}`] as string | null) ?? '');
    const folded = texts.map(fold);
    const freqs = terms.map((t) => folded.reduce((sum, c, i) => sum + (k.weights[i] ?? 1) * countText(c, t), 0));
    const tokens = texts.reduce((sum, c) => sum + trigramTokens(c), 0);
    return { id: r.id as number, rank: bm25(freqs, tokens, weights, stats), texts };
  });
  return best(matches, limit);
}

type BytesRow = { id: number; sz: Uint8Array | null } & Record<`b${number}`, Uint8Array | null>;

/** The texts as bytes, and the FTS5 sizes, of the rows `ids`, in no particular order. */
function bytes(db: Database, k: KindSpec, ids: readonly number[]): BytesRow[] {
  const cols = k.likeCols.map((c, i) => `CAST(${c} AS BLOB) AS b${i}`).join(', ');
  const text = `SELECT x.id, ${cols}, d.sz FROM ${k.table} LEFT JOIN ${k.fts}_docsize d ON d.id = x.id WHERE x.id IN (SELECT value FROM json_each(?))`;
  return sql(db, text).all(list(ids)) as BytesRow[];
}

const bytesOf = (k: KindSpec, r: BytesRow) => k.likeCols.map((_, i) => r[`b${i}`] ?? null);

/**
 * Sources: up to JS_RANK_LONG_MAX matches are ranked from their bytes; more by bm25() over the
 * newest RANK_WINDOW, in one statement, so the window is evaluated once.
 */
function rankLong(db: Database, k: KindSpec, q: Query, limit: number): Match[] {
  const match = q.phrases.join(' ');
  const ids = newestIds(db, k, q, JS_RANK_LONG_MAX + 1);
  if (ids.length === 0) return [];
  const stats = ids.length <= JS_RANK_LONG_MAX ? tableStats(db, k.fts, k.weights.length) : null;
  if (stats) {
    const weights = idfs(db, k, q, ids.length, stats);
    const spellings = q.terms.map(caseVariants);
    const matches = bytes(db, k, ids).map((r): Match => {
      const texts = bytesOf(k, r);
      const freqs = spellings.map((s) => texts.reduce((sum, c, i) => sum + (c ? (k.weights[i] ?? 1) * countIn(c, s) : 0), 0));
      return { id: r.id, rank: bm25(freqs, docTokens(r.sz), weights, stats), texts };
    });
    return best(matches, limit);
  }
  const top = sql(db, `SELECT id, rank FROM (${newest(k, q, `, bm25(${k.fts}, ${weightArgs(k)}) AS rank`)}) ORDER BY rank, id DESC LIMIT ?`).all(
    match,
    ...q.params,
    limit,
  ) as { id: number; rank: number }[];
  const byId = new Map(bytes(db, k, top.map((t) => t.id)).map((r) => [r.id, bytesOf(k, r)]));
  return top.map((t) => ({ ...t, texts: byId.get(t.id) ?? [] }));
}

/** The best `limit` matches of `q` for kind `k`, best first. */
export function rankedMatches(db: Database, k: KindSpec, q: Query, limit: number): Match[] {
  return k.long ? rankLong(db, k, q, limit) : rankShort(db, k, q, limit);
}
