// Search over sources, quotes and claims. A person's query never reaches FTS5 as syntax: it is split
// into terms (whitespace, or "double-quoted phrases"), and each term is matched as a literal
// substring. Terms of three or more characters use the trigram index; one- or two-character CJK
// words (北京) use the CJK n-gram index of migration 0002; other short terms are matched with LIKE.
// Hits found without the trigram index get their snippets here, in JS.
import type { Database } from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit, type SearchResult } from './model';
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
const JS_CONTEXT = 40;

const isLowSurrogate = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/** A snippet made here for LIKE-only hits: the text around the first match, every term marked. */
export function jsSnippet(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  // toLowerCase can change a string's length (e.g. İ); then offsets would drift, so match exactly.
  const folded = lower.length === text.length;
  const hay = folded ? lower : text;
  const needles = terms.map((t) => (folded ? t.toLowerCase() : t)).filter((n) => n.length > 0);
  let first = -1;
  for (const n of needles) {
    const i = hay.indexOf(n);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  if (first < 0) first = 0;
  let from = Math.max(0, first - JS_CONTEXT);
  let to = Math.min(text.length, first + JS_CONTEXT * 2);
  if (from > 0 && isLowSurrogate(text, from)) from += 1;
  if (to < text.length && isLowSurrogate(text, to)) to += 1;
  let out = '';
  let i = from;
  while (i < to) {
    const n = needles.find((k) => hay.startsWith(k, i));
    if (n) {
      out += SNIPPET_OPEN + text.slice(i, i + n.length) + SNIPPET_CLOSE;
      i += n.length;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return (from > 0 ? '…' : '') + out + (i < text.length ? '…' : '');
}

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
  let rows: Record<string, unknown>[];
  if (terms.long.length > 0) {
    if (cjkMatch) {
      where.push(`x.id IN (SELECT rowid FROM ${cjk} WHERE ${cjk} MATCH ?)`);
      params.push(cjkMatch);
    }
    const match = terms.long.map(ftsPhrase).join(' ');
    // Rank first and keep the top `limit` rowids; snippets are then made for those rows alone.
    rows = sql(
      db,
      `WITH top AS (
         SELECT ${k.fts}.rowid AS rid, bm25(${k.fts}, ${k.weights}) AS rank FROM ${k.fts}
         ${where.length ? `JOIN ${k.table} ON x.id = ${k.fts}.rowid` : ''}
         WHERE ${k.fts} MATCH ? ${where.map((w) => `AND ${w}`).join(' ')}
         ORDER BY rank LIMIT ?)
       SELECT ${k.select}, top.rank,
         snippet(${k.fts}, ${k.snippetCol}, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snip
       FROM top JOIN ${k.fts} ON ${k.fts}.rowid = top.rid JOIN ${k.table} ON x.id = top.rid ${k.join}
       WHERE ${k.fts} MATCH ? ORDER BY top.rank`,
    ).all(match, ...params, limit, match) as Record<string, unknown>[];
    return rows.map((r) => toHit(kind, r));
  }
  const texts = k.likeCols.map((c, i) => `${c} AS t${i}`).join(', ');
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
  const short = [...terms.cjk, ...terms.like];
  for (const r of rows) {
    const cols = k.likeCols.map((_, i) => (r[`t${i}`] as string | null) ?? '');
    const hit = cols.find((t) => short.some((s) => t.toLowerCase().includes(s.toLowerCase()))) ?? cols[0]!;
    r.snip = jsSnippet(hit, short);
  }
  return rows.map((r) => toHit(kind, r));
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
