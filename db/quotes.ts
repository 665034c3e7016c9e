// Quotes (passages) and the backlinks from a passage to the claims that cite it.
import type { Database } from 'better-sqlite3';
import { notFound } from './errors';
import type { CitingClaim, Page, Quote, QuoteWithUse } from './model';
import { QUOTE_COLS, groupBy, toQuote } from './rows';
import { list, now, sql } from './stmt';
import { tagsOf } from './tags';

/** Inserts a passage and hands it back without reading it again (imports create many). */
export function insertQuote(
  db: Database,
  q: { sourceId: number; start: number; end: number; exact: string; prefix: string; suffix: string; note: string; credibility: Quote['credibility'] },
): Quote {
  const t = now();
  const info = sql(
    db,
    `INSERT INTO quote (source_id, start, "end", exact, prefix, suffix, credibility, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(q.sourceId, q.start, q.end, q.exact, q.prefix, q.suffix, q.credibility, q.note, t, t);
  return { id: Number(info.lastInsertRowid), ...q, createdAt: t, updatedAt: t };
}

export function getQuoteRow(db: Database, id: number): Quote {
  const r = sql(db, `SELECT ${QUOTE_COLS} FROM quote q WHERE q.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('Quote', id);
  return toQuote(r);
}

// The claim's number is its rank in the brief; UNIQUE(brief_id, position) makes the count an index range scan.
const CITING_SELECT = `SELECT ci.quote_id, ci.id AS citation_id, ci.relation, c.id AS claim_id, c.text AS claim_text,
    b.id AS brief_id, b.title AS brief_title,
    (SELECT count(*) FROM claim c2 WHERE c2.brief_id = c.brief_id AND c2.position <= c.position) AS claim_number
  FROM citation ci JOIN claim c ON c.id = ci.claim_id JOIN brief b ON b.id = c.brief_id`;

function toCiting(r: Record<string, unknown>): CitingClaim {
  return {
    citationId: r.citation_id as number,
    relation: r.relation as CitingClaim['relation'],
    claimId: r.claim_id as number,
    claimNumber: r.claim_number as number,
    claimText: r.claim_text as string,
    briefId: r.brief_id as number,
    briefTitle: r.brief_title as string,
  };
}

/** The claims citing each of the given quotes, grouped by quote, in brief then reading order. */
export function citingClaims(db: Database, quoteIds: readonly number[]): Map<number, CitingClaim[]> {
  if (quoteIds.length === 0) return new Map();
  const rows = sql(
    db,
    `${CITING_SELECT} WHERE ci.quote_id IN (SELECT value FROM json_each(?)) ORDER BY b.title, b.id, c.position, ci.position`,
  ).all(list(quoteIds)) as Record<string, unknown>[];
  return groupBy(rows, 'quote_id', toCiting);
}

function withUse(db: Database, rows: Record<string, unknown>[]): QuoteWithUse[] {
  const ids = rows.map((r) => r.id as number);
  const tags = tagsOf(db, 'quote', ids);
  const cited = citingClaims(db, ids);
  return rows.map((r) => ({
    ...toQuote(r),
    tags: tags.get(r.id as number) ?? [],
    citedBy: cited.get(r.id as number) ?? [],
    source: { id: r.source_id as number, title: r.source_title as string, outlet: r.source_outlet as string | null },
  }));
}

const WITH_SOURCE = `SELECT ${QUOTE_COLS}, s.title AS source_title, s.outlet AS source_outlet
  FROM quote q JOIN source s ON s.id = q.source_id`;

export function getQuote(db: Database, id: number): QuoteWithUse {
  const rows = sql(db, `${WITH_SOURCE} WHERE q.id = ?`).all(id) as Record<string, unknown>[];
  if (rows.length === 0) throw notFound('Quote', id);
  return withUse(db, rows)[0]!;
}

/** Quotes of one source in text order: the reader's highlights and the source's backlinks. */
export function quotesOfSource(db: Database, sourceId: number): QuoteWithUse[] {
  return withUse(db, sql(db, `${WITH_SOURCE} WHERE q.source_id = ? ORDER BY q.start, q."end", q.id`).all(sourceId) as Record<string, unknown>[]);
}

export interface QuoteFilter {
  sourceId?: number;
  tagId?: number | null;
  credibility?: number | 'none';
  cited?: boolean;
  order?: 'source' | 'newest';
  offset: number;
  limit: number;
}

export function listQuotes(db: Database, q: QuoteFilter): Page<QuoteWithUse> {
  const sourceId = q.sourceId ?? null;
  const tagId = q.tagId ?? null;
  const cred = q.credibility === undefined ? null : q.credibility === 'none' ? 0 : q.credibility;
  const cited = q.cited === undefined ? null : q.cited ? 1 : 0;
  const where = `(? IS NULL OR q.source_id = ?) AND (? IS NULL OR q.id IN (SELECT quote_id FROM quote_tag WHERE tag_id = ?))
    AND (? IS NULL OR coalesce(q.credibility, 0) = ?)
    AND (? IS NULL OR EXISTS (SELECT 1 FROM citation ci WHERE ci.quote_id = q.id) = ?)`;
  const params = [sourceId, sourceId, tagId, tagId, cred, cred, cited, cited];
  const order = q.order === 'newest' ? 'q.id DESC' : 'q.source_id, q.start, q."end", q.id';
  const total = (sql(db, `SELECT count(*) AS n FROM quote q WHERE ${where}`).get(...params) as { n: number }).n;
  const rows = sql(db, `${WITH_SOURCE} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
    ...params,
    q.limit,
    q.offset,
  ) as Record<string, unknown>[];
  return { items: withUse(db, rows), total, offset: q.offset, limit: q.limit };
}

export function updateQuoteRow(db: Database, id: number, patch: { note?: string; credibility?: number | null }): void {
  const q = getQuoteRow(db, id);
  sql(db, 'UPDATE quote SET note = ?, credibility = ?, updated_at = ? WHERE id = ?').run(
    patch.note ?? q.note,
    patch.credibility === undefined ? q.credibility : patch.credibility,
    now(),
    id,
  );
}

export function deleteQuoteRow(db: Database, id: number): void {
  sql(db, 'DELETE FROM quote WHERE id = ?').run(id);
}
