// Search over sources, quotes and claims. A person's query never reaches FTS5 as syntax: it is split
// into terms (whitespace, or "double-quoted phrases"), and each term is matched as a literal
// substring. Terms of three or more characters use the trigram index; one- or two-character CJK
// words (北京) use the CJK n-gram index of migration 0002; other short terms are matched with LIKE.
// Hits found without the trigram index get their snippets here, in JS.
import type { Database } from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit, type SearchResult } from './model';
import { markedSnippet } from './snippet';
import { sql } from './stmt';
import { isCjk } from './text';

export type SearchKind = 'source' | 'quote' | 'claim';

/** Splits a query into literal terms. An unbalanced quote is taken as an ordinary character. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const t = (m[1] ?? m[2] ?? '').trim();
    if (t) terms.push(t);
  }
  return terms;
}

const chars = (s: string) => [...s].length;
const ftsPhrase = (t: string) => `"${t.replaceAll('"', '""')}"`;
const likePattern = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface KindSpec {
  fts: string;
  table: string; // the content table, aliased x
  join: string; // where the hit's title comes from
  select: string; // id, title, source_id, brief_id
  likeCols: string[]; // content columns searched with LIKE for short terms
  snippetCol: number; // -1: whichever column matched best
  weights: string; // bm25 weight per FTS column
}

const KINDS: Record<SearchKind, KindSpec> = {
  source: {
    fts: 'source_fts',
    table: 'source x',
    join: '',
    select: 'x.id, x.title, x.id AS source_id, NULL AS brief_id',
    likeCols: ['x.title', 'x.body'],
    snippetCol: -1,
    weights: '10.0, 1.0',
  },
  quote: {
    fts: 'quote_fts',
    table: 'quote x',
    join: 'JOIN source s ON s.id = x.source_id',
    select: 'x.id, s.title, x.source_id, NULL AS brief_id',
    likeCols: ['x.exact', 'x.note'],
    snippetCol: -1,
    weights: '1.0, 0.5',
  },
  claim: {
    fts: 'claim_fts',
    table: 'claim x',
    join: 'JOIN brief b ON b.id = x.brief_id',
    select: 'x.id, b.title, NULL AS source_id, x.brief_id',
    likeCols: ['x.text'],
    snippetCol: 0,
    weights: '1.0',
  },
};

const SNIPPET_TOKENS = 64; // the most FTS5 allows; trigram tokens are characters, so about 64 characters

// Ranking every match of a very common word costs ~10-20 ms (bm25 reads each document's size);
// such a query ranks only its most recent RANK_WINDOW matches, which for a word found in most of
// the library is where the analyst looks first anyway. Selective queries are ranked in full.
const RANK_WINDOW = 1_000;

function searchKind(db: Database, kind: SearchKind, terms: Terms, limit: number): SearchHit[] {
  const k = KINDS[kind];
  const cjk = `${kind}_cjk`;
  // Conditions on the content row (alias x) besides the main MATCH, with their parameters.
  const where: string[] = [];
  const params: unknown[] = [];
  for (const t of terms.like) {
    where.push(`(${k.likeCols.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...k.likeCols.map(() => likePattern(t)));
  }
  const cjkMatch = terms.cjk.map(ftsPhrase).join(' ');
  const texts = k.likeCols.map((c, i) => `${c} AS t${i}`).join(', ');
  let rows: Record<string, unknown>[];
  if (terms.long.length > 0) {
    if (cjkMatch) {
      where.push(`x.id IN (SELECT rowid FROM ${cjk} WHERE ${cjk} MATCH ?)`);
      params.push(cjkMatch);
    }
    const match = terms.long.map(ftsPhrase).join(' ');
    const cutoff =
      where.length === 0
        ? ((sql(db, `SELECT rowid FROM ${k.fts} WHERE ${k.fts} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}`).get(match) as
            | { rowid: number }
            | undefined)?.rowid ?? 0)
        : 0;
    rows = sql(
      db,
      `WITH top AS (
         SELECT ${k.fts}.rowid AS rid, bm25(${k.fts}, ${k.weights}) AS rank FROM ${k.fts}
         ${where.length ? `JOIN ${k.table} ON x.id = ${k.fts}.rowid` : ''}
         WHERE ${k.fts} MATCH ? AND ${k.fts}.rowid >= ? ${where.map((w) => `AND ${w}`).join(' ')}
         ORDER BY rank LIMIT ?)
       SELECT ${k.select}, top.rank, ${texts}
       FROM top JOIN ${k.table} ON x.id = top.rid ${k.join} ORDER BY top.rank`,
    ).all(match, cutoff, ...params, limit) as Record<string, unknown>[];
    const ftsSnippet = sql(
      db,
      `SELECT snippet(${k.fts}, ${k.snippetCol}, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}) AS s FROM ${k.fts} WHERE ${k.fts} MATCH ? AND rowid = ?`,
    );
    addSnippets(rows, k, [...terms.long, ...terms.cjk, ...terms.like], (id) => (ftsSnippet.get(match, id) as { s: string } | undefined)?.s ?? '');
    return rows.map((r) => toHit(kind, r));
  }
  if (cjkMatch) {
    rows = sql(
      db,
      `WITH top AS (
         SELECT ${cjk}.rowid AS rid, bm25(${cjk}, ${k.weights}) AS rank FROM ${cjk}
         ${where.length ? `JOIN ${k.table} ON x.id = ${cjk}.rowid` : ''}
         WHERE ${cjk} MATCH ? ${where.map((w) => `AND ${w}`).join(' ')}
         ORDER BY rank LIMIT ?)
       SELECT ${k.select}, top.rank, ${texts}
       FROM top JOIN ${k.table} ON x.id = top.rid ${k.join} ORDER BY top.rank`,
    ).all(cjkMatch, ...params, limit) as Record<string, unknown>[];
  } else {
    // Short terms in other scripts: no index can help, so scan; newest first.
    rows = sql(db, `SELECT ${k.select}, 0 AS rank, ${texts} FROM ${k.table} ${k.join} WHERE ${where.join(' AND ')} ORDER BY x.id DESC LIMIT ?`).all(
      ...params,
      limit,
    ) as Record<string, unknown>[];
  }
  addSnippets(rows, k, [...terms.cjk, ...terms.like], () => '');
  return rows.map((r) => toHit(kind, r));
}

/** Snippets from the first column with a match; `fallback` for a row where none matches as written. */
function addSnippets(rows: Record<string, unknown>[], k: KindSpec, terms: string[], fallback: (id: number) => string): void {
  for (const r of rows) {
    let snip: string | null = null;
    const cols = k.likeCols.map((_, i) => (r[`t${i}`] as string | null) ?? '');
    // For a source the body gives the context; its title is shown with the hit anyway.
    for (const text of k.fts === 'source_fts' ? [cols[1]!, cols[0]!] : cols) {
      snip = markedSnippet(text, terms);
      if (snip !== null) break;
    }
    // A term the index matched ignoring diacritics ("cafe" in "Café") is not found as written here.
    const lowered = cols.map((c) => c.toLowerCase());
    const unseen = terms.some((t) => !lowered.some((c) => c.includes(t.toLowerCase())));
    if (snip === null || unseen) snip = fallback(r.id as number) || snip;
    r.snip = snip ?? cols[0]!.slice(0, 80);
  }
}

function toHit(kind: SearchKind, r: Record<string, unknown>): SearchHit {
  return {
    kind,
    id: r.id as number,
    title: r.title as string,
    snippet: r.snip as string,
    sourceId: (r.source_id as number | null) ?? null,
    briefId: (r.brief_id as number | null) ?? null,
    rank: r.rank as number,
  };
}

interface Terms {
  long: string[]; // three characters or more: the trigram index
  cjk: string[]; // one or two CJK characters: the *_cjk index
  like: string[]; // other short terms: a scan
}

export function search(db: Database, query: string, kinds: readonly SearchKind[], limit: number): SearchResult {
  const result: SearchResult = { query, sources: [], quotes: [], claims: [] };
  const terms = parseQuery(query);
  if (terms.length === 0) return result;
  const short = terms.filter((t) => chars(t) < 3);
  const split: Terms = {
    long: terms.filter((t) => chars(t) >= 3),
    cjk: short.filter(isCjk),
    like: short.filter((t) => !isCjk(t)),
  };
  for (const kind of kinds) {
    const hits = searchKind(db, kind, split, limit);
    if (kind === 'source') result.sources = hits;
    else if (kind === 'quote') result.quotes = hits;
    else result.claims = hits;
  }
  return result;
}
