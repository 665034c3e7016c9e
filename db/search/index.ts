// Search over sources, quotes and claims. A person's query never reaches FTS5 as syntax: it is split
// into terms (whitespace, or "double-quoted phrases"), and each term is matched as a literal
// substring. Terms of three or more characters use the trigram index; one- or two-character CJK
// words (北京) use the CJK n-gram index of migration 0002; other short terms are matched with LIKE.
// Queries with a long term are matched and ranked by match.ts (one FTS5 pass per kind,
// bm25 computed from the matches' texts); every snippet is made here, in JS, from the hit's text,
// and FTS5's snippet() is asked only when a term is not found there as written. Rows that hold
// other forms of the words (stems, stem.ts) follow the rows found as typed.
import type { Database } from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit, type SearchResult } from '../model';
import { KINDS, textCols, weightArgs, type KindSpec, type SearchKind } from './kinds';
import { caseVariants, firstIn, snippetAt } from './bytes';
import { rankedMatches, type Match } from './match';
import { markedSnippet } from './snippet';
import { list, sql } from '../stmt';
import { isCjk } from '../text';
import { stemMatches, stemQuery, stemSnippet, type StemQuery } from './stem';
import { searchNotice } from './notice';
import { flushStems, stemsPending } from './stems';
import { tagsNamed } from '../tags';

export type { SearchKind };

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

type Row = Record<string, unknown>;

const SNIPPET_TOKENS = 64; // the most FTS5 allows; trigram tokens are characters, so about 64 characters

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
  if (terms.long.length > 0) {
    if (cjkMatch) {
      where.push(`x.id IN (SELECT rowid FROM ${cjk} WHERE ${cjk} MATCH ?)`);
      params.push(cjkMatch);
    }
    const phrases = terms.long.map(ftsPhrase);
    const matches = rankedMatches(db, k, { terms: terms.long, phrases, where, params }, limit);
    return longHits(db, kind, matches, phrases, [...terms.long, ...terms.cjk, ...terms.like]);
  }
  const texts = textCols(k);
  let rows: Row[];
  if (cjkMatch) {
    rows = sql(
      db,
      `WITH top AS (
         SELECT ${cjk}.rowid AS rid, bm25(${cjk}, ${weightArgs(k)}) AS rank FROM ${cjk}
         ${where.length ? `JOIN ${k.table} ON x.id = ${cjk}.rowid` : ''}
         WHERE ${cjk} MATCH ? ${where.map((w) => `AND ${w}`).join(' ')}
         ORDER BY rank LIMIT ?)
       SELECT ${k.select}, top.rank, ${texts}
       FROM top JOIN ${k.table} ON x.id = top.rid ${k.join} ORDER BY top.rank`,
    ).all(cjkMatch, ...params, limit) as Row[];
  } else {
    // Short terms in other scripts: no index can help, so scan; newest first.
    rows = sql(db, `SELECT ${k.select}, 0 AS rank, ${texts} FROM ${k.table} ${k.join} WHERE ${where.join(' AND ')} ORDER BY x.id DESC LIMIT ?`).all(
      ...params,
      limit,
    ) as Row[];
  }
  addSnippets(rows, k, [...terms.cjk, ...terms.like], () => '');
  return rows.map((r) => toHit(kind, r));
}

/** Hits for ranked matches: their titles and links, and snippets made from their texts' bytes. */
function longHits(db: Database, kind: SearchKind, matches: Match[], phrases: string[], terms: string[]): SearchHit[] {
  const k = KINDS[kind];
  const rows = sql(db, `SELECT ${k.select} FROM ${k.table} ${k.join} WHERE x.id IN (SELECT value FROM json_each(?))`).all(list(matches.map((m) => m.id))) as Row[];
  const byId = new Map(rows.map((r) => [r.id as number, r]));
  const ftsSnippet = sql(
    db,
    `SELECT snippet(${k.fts}, ${k.snippetCol}, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}) AS s FROM ${k.fts} WHERE ${k.fts} MATCH ? AND rowid = ?`,
  ).pluck();
  const spellings = terms.map(caseVariants);
  const every = spellings.flat();
  const lowered = terms.map((t) => t.toLowerCase());
  return matches.flatMap((m) => {
    const r = byId.get(m.id);
    if (!r) return [];
    // For a source the body gives the context; its title is shown with the hit anyway.
    const order = kind === 'source' ? [1, 0] : m.texts.map((_, i) => i);
    let snip: string | null = null;
    for (const i of order) {
      const text = m.texts[i];
      if (typeof text === 'string') snip = markedSnippet(text, terms);
      else if (text) {
        const at = firstIn(text, every);
        if (at >= 0) snip = snippetAt(text, at, terms);
      }
      if (snip !== null) break;
    }
    // A term the index matched ignoring diacritics ("cafe" in "Café"), or in an unusual mix of
    // cases in a long text, is not found as written; FTS5 marks it then.
    const seen = (t: number) =>
      m.texts.some((c) => (typeof c === 'string' ? c.toLowerCase().includes(lowered[t]!) : c != null && firstIn(c, spellings[t]!) >= 0));
    if (snip === null || !terms.every((_, t) => seen(t))) snip = (ftsSnippet.get(phrases.join(' '), m.id) as string | undefined) || snip;
    return [toHit(kind, { ...r, rank: m.rank, snip: snip ?? startOf(m.texts[0]) })];
  });
}

/** The beginning of a text, for a hit whose match no snippet could show. */
function startOf(text: string | Uint8Array | null | undefined): string {
  if (typeof text === 'string') return text.slice(0, 80);
  return text ? Buffer.from(text.buffer, text.byteOffset, Math.min(text.length, 400)).toString('utf8').slice(0, 80) : '';
}

/** Snippets from the first column with a match; `fallback` for a row where none matches as written. */
function addSnippets(rows: Row[], k: KindSpec, terms: string[], fallback: (id: number) => string): void {
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

/** Rows that hold only other forms of the query's words, after the `found` ones, with marked snippets. */
function wordFormHits(db: Database, kind: SearchKind, q: StemQuery, found: SearchHit[], limit: number): SearchHit[] {
  const k = KINDS[kind];
  const matches = stemMatches(db, kind, q, new Set(found.map((h) => h.id)), limit);
  if (matches.length === 0) return [];
  const rows = sql(db, `SELECT ${k.select}, ${textCols(k)} FROM ${k.table} ${k.join} WHERE x.id IN (SELECT value FROM json_each(?))`).all(
    list(matches.map((m) => m.id)),
  ) as Row[];
  const byId = new Map(rows.map((r) => [r.id as number, r]));
  return matches.flatMap((m) => {
    const r = byId.get(m.id);
    if (!r) return [];
    const cols = k.likeCols.map((_, i) => (r[`t${i}`] as string | null) ?? '');
    // For a source the body gives the context; its title is shown with the hit anyway.
    const order = kind === 'source' ? [cols[1]!, cols[0]!] : cols;
    let snip: string | null = null;
    for (const text of order) if (snip === null) snip = stemSnippet(text, q);
    return [toHit(kind, { ...r, rank: m.rank, snip: snip ?? cols[0]!.slice(0, 80), wordForm: true })];
  });
}

function toHit(kind: SearchKind, r: Row): SearchHit {
  return {
    kind,
    id: r.id as number,
    title: r.title as string,
    snippet: r.snip as string,
    sourceId: (r.source_id as number | null) ?? null,
    briefId: (r.brief_id as number | null) ?? null,
    rank: r.rank as number,
    wordForm: r.wordForm === true,
  };
}

interface Terms {
  long: string[]; // three characters or more: the trigram index
  cjk: string[]; // one or two CJK characters: the *_cjk index
  like: string[]; // other short terms: a scan
}

export function search(db: Database, query: string, kinds: readonly SearchKind[], limit: number, options: { wordForms?: boolean } = {}): SearchResult {
  const result: SearchResult = { query, sources: [], quotes: [], claims: [], tags: [], notice: searchNotice(query) };
  const terms = parseQuery(query);
  if (terms.length === 0) return result;
  // Rows written around write() (a bulk seed) get their stems before they are searched.
  if (stemsPending(db)) db.transaction(() => flushStems(db))();
  const forms = options.wordForms === false ? null : stemQuery(db, terms);
  result.tags = tagsNamed(db, query.trim(), 10);
  const short = terms.filter((t) => chars(t) < 3);
  const split: Terms = {
    long: terms.filter((t) => chars(t) >= 3),
    cjk: short.filter(isCjk),
    like: short.filter((t) => !isCjk(t)),
  };
  for (const kind of kinds) {
    let hits = searchKind(db, kind, split, limit);
    if (forms && hits.length < limit) hits = hits.concat(wordFormHits(db, kind, forms, hits, limit - hits.length));
    if (kind === 'source') result.sources = hits;
    else if (kind === 'quote') result.quotes = hits;
    else result.claims = hits;
  }
  return result;
}
