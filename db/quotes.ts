// Quotes (passages), each read with its tags, the claims citing it and its source's name.
import type { Database } from 'better-sqlite3';
import { notFound } from './errors';
import { citingClaims } from './citations';
import type { Page, Quote, QuoteWithUse } from './model';
import { QUOTE_COLS, QUOTE_SOURCE_COLS, toQuote, toQuoteSource } from './rows';
import { list, now, sql } from './stmt';
import { tagsOf } from './tags';

/** Inserts a passage; the store's trigger refuses one that is not its source's text at that place. */
export function insertQuote(
  db: Database,
  q: { sourceId: number; start: number; end: number; exact: string; prefix: string; suffix: string; note: string; credibility: Quote['credibility'] },
): number {
  const t = now();
  const info = sql(
    db,
    `INSERT INTO quote (source_id, start, "end", exact, prefix, suffix, credibility, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(q.sourceId, q.start, q.end, q.exact, q.prefix, q.suffix, q.credibility, q.note, t, t);
  return Number(info.lastInsertRowid);
}

export function getQuoteRow(db: Database, id: number): Quote {
  const r = sql(db, `SELECT ${QUOTE_COLS} FROM quote q WHERE q.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('Quote', id);
  return toQuote(r);
}

function withUse(db: Database, rows: Record<string, unknown>[]): QuoteWithUse[] {
  const ids = rows.map((r) => r.id as number);
  const tags = tagsOf(db, 'quote', ids);
  const cited = citingClaims(db, ids);
  return rows.map((r) => ({
    ...toQuote(r),
    tags: tags.get(r.id as number) ?? [],
    citedBy: cited.get(r.id as number) ?? [],
    source: toQuoteSource(r),
  }));
}

const WITH_SOURCE = `SELECT ${QUOTE_COLS}, ${QUOTE_SOURCE_COLS}
  FROM quote q JOIN source s ON s.id = q.source_id`;

/** Passages by id, as stored (no tags or backlinks): what the export check compares against. */
export function quotesByIds(db: Database, ids: readonly number[]): Map<number, Quote> {
  const rows = sql(db, `SELECT ${QUOTE_COLS} FROM quote q WHERE q.id IN (SELECT value FROM json_each(?))`).all(list(ids)) as Record<string, unknown>[];
  return new Map(rows.map((r) => [r.id as number, toQuote(r)]));
}

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

export function quoteIdsOfSource(db: Database, sourceId: number): number[] {
  return sql(db, 'SELECT id FROM quote WHERE source_id = ?').pluck().all(sourceId) as number[];
}

/** The title of the source a passage comes from, or undefined when the passage is gone. */
export function sourceTitleOfQuote(db: Database, quoteId: number): string | undefined {
  return sql(db, 'SELECT s.title FROM quote q JOIN source s ON s.id = q.source_id WHERE q.id = ?').pluck().get(quoteId) as string | undefined;
}
