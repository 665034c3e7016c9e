// Briefs, and the one read that hands a brief out with everything needed to show or export it.
import type { Database } from 'better-sqlite3';
import { notFound } from './errors';
import type { BriefFull, BriefMeta, BriefSummary, CitationInBrief, ClaimInBrief, Quote, SourceMeta } from './model';
import { QUOTE_COLS, SOURCE_META_COLS, toBriefMeta, toCitation, toClaim, toQuote, toSourceMeta } from './rows';
import { now, sql } from './stmt';
import { tagsOf } from './tags';

export type BriefFields = Omit<BriefMeta, 'id' | 'createdAt' | 'updatedAt'>;

/** Each field and its column: one list for insert and update. */
const BRIEF_COLUMNS: Record<keyof BriefFields, string> = {
  title: 'title',
  marking: 'marking',
  summary: 'summary',
  author: 'author',
  organisation: 'organisation',
  dissemination: 'dissemination',
  cutoffDate: 'cutoff_date',
  portionMark: 'portion_mark',
  likelihoodRow: 'likelihood_row',
  sourceSummary: 'source_summary',
};

const defined = (patch: Partial<BriefFields>) => (Object.keys(BRIEF_COLUMNS) as (keyof BriefFields)[]).filter((k) => patch[k] !== undefined);

/** Fields left out take the column defaults (an empty template, the likely/unlikely row). */
export function insertBrief(db: Database, f: Partial<BriefFields> & { title: string }): number {
  const t = now();
  const keys = defined(f);
  const info = sql(
    db,
    `INSERT INTO brief (${keys.map((k) => BRIEF_COLUMNS[k]).join(', ')}, created_at, updated_at) VALUES (${keys.map(() => '?').join(', ')}, ?, ?)`,
  ).run(...keys.map((k) => f[k] ?? null), t, t);
  return Number(info.lastInsertRowid);
}

export function getBriefMeta(db: Database, id: number): BriefMeta {
  const r = sql(db, 'SELECT * FROM brief WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('Brief', id);
  return toBriefMeta(r);
}

export function briefTitle(db: Database, id: number): string | undefined {
  return sql(db, 'SELECT title FROM brief WHERE id = ?').pluck().get(id) as string | undefined;
}

export function updateBriefRow(db: Database, id: number, patch: Partial<BriefFields>): void {
  getBriefMeta(db, id);
  const keys = defined(patch);
  if (keys.length === 0) return;
  sql(db, `UPDATE brief SET ${keys.map((k) => `${BRIEF_COLUMNS[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
    ...keys.map((k) => patch[k] ?? null),
    now(),
    id,
  );
}

export function touchBrief(db: Database, id: number): void {
  sql(db, 'UPDATE brief SET updated_at = ? WHERE id = ?').run(now(), id);
}

export function deleteBriefRow(db: Database, id: number): number {
  getBriefMeta(db, id);
  const n = (sql(db, 'SELECT count(*) AS n FROM claim WHERE brief_id = ?').get(id) as { n: number }).n;
  sql(db, 'DELETE FROM brief WHERE id = ?').run(id);
  return n;
}

export function listBriefs(db: Database): BriefSummary[] {
  const rows = sql(
    db,
    `SELECT b.*,
       (SELECT count(*) FROM claim c WHERE c.brief_id = b.id) AS claim_count,
       (SELECT count(*) FROM citation ci JOIN claim c ON c.id = ci.claim_id WHERE c.brief_id = b.id) AS citation_count
     FROM brief b ORDER BY b.updated_at DESC, b.id DESC`,
  ).all() as Record<string, unknown>[];
  return rows.map((r) => ({ ...toBriefMeta(r), claimCount: r.claim_count as number, citationCount: r.citation_count as number }));
}

/** Four queries whatever the brief's size: claims, citations, the cited passages, their sources. */
export function getBriefFull(db: Database, id: number): BriefFull {
  const meta = getBriefMeta(db, id);
  const claimRows = sql(db, 'SELECT * FROM claim WHERE brief_id = ? ORDER BY position').all(id) as Record<string, unknown>[];
  const citationRows = sql(
    db,
    `SELECT ci.* FROM claim c JOIN citation ci ON ci.claim_id = c.id WHERE c.brief_id = ? ORDER BY c.position, ci.position`,
  ).all(id) as Record<string, unknown>[];
  const cited = `SELECT ci.quote_id FROM claim c JOIN citation ci ON ci.claim_id = c.id WHERE c.brief_id = ?`;
  const quoteById = new Map(
    (sql(db, `SELECT ${QUOTE_COLS} FROM quote q WHERE q.id IN (${cited})`).all(id) as Record<string, unknown>[]).map((r) => [r.id as number, toQuote(r)]),
  );
  const sourceById = new Map(
    (
      sql(db, `SELECT ${SOURCE_META_COLS} FROM source s WHERE s.id IN (SELECT q.source_id FROM quote q WHERE q.id IN (${cited}))`).all(id) as Record<
        string,
        unknown
      >[]
    ).map((r) => [r.id as number, toSourceMeta(r)]),
  );
  const tags = tagsOf(
    db,
    'claim',
    claimRows.map((r) => r.id as number),
  );

  const claims: ClaimInBrief[] = claimRows.map((r, i) => {
    const { createdAt: _c, updatedAt: _u, ...claim } = toClaim(r);
    return { ...claim, number: i + 1, tags: tags.get(claim.id) ?? [], citations: [] };
  });
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const quotes = new Map<number, Quote>();
  const sources = new Map<number, SourceMeta>();
  citationRows.forEach((r, i) => {
    const { id: citationId, claimId, quoteId, relation } = toCitation(r);
    const quote = quoteById.get(quoteId)!;
    if (!quotes.has(quoteId)) quotes.set(quoteId, quote);
    if (!sources.has(quote.sourceId)) sources.set(quote.sourceId, sourceById.get(quote.sourceId)!);
    claimById.get(claimId)!.citations.push({ id: citationId, quoteId, relation, number: i + 1 });
  });
  return { ...meta, claims, quotes: [...quotes.values()], sources: [...sources.values()] };
}

/** The passage and source of a citation in a brief read by getBriefFull. */
export function briefLookup(brief: Pick<BriefFull, 'quotes' | 'sources'>): {
  quote(c: Pick<CitationInBrief, 'quoteId'>): Quote;
  source(c: Pick<CitationInBrief, 'quoteId'>): SourceMeta;
} {
  const quotes = new Map(brief.quotes.map((q) => [q.id, q]));
  const sources = new Map(brief.sources.map((s) => [s.id, s]));
  return { quote: (c) => quotes.get(c.quoteId)!, source: (c) => sources.get(quotes.get(c.quoteId)!.sourceId)! };
}
