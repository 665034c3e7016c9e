// Citations: the links from a claim to the passages it cites, in order within the claim
// (db/order.ts), and the backlinks from a passage to the claims that cite it.
import type { Database } from 'better-sqlite3';
import { notFound } from './errors';
import type { Citation, CitingClaim, Relation } from './model';
import { anchorPosition, nextId, positionAfter } from './order';
import { groupBy, toCitation, toCitingClaim } from './rows';
import { list, now, sql } from './stmt';

export function getCitation(db: Database, id: number): Citation {
  const r = sql(db, 'SELECT * FROM citation WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('Citation', id);
  return toCitation(r);
}

export function citationPosition(db: Database, claimId: number, afterId: number | null | undefined, movingId: number | null = null): string {
  const anchor = anchorPosition(db, 'citation', 'claim_id', claimId, afterId, 'Citation', 'claim');
  return positionAfter(db, 'citation', 'claim_id', claimId, anchor, movingId);
}

export function citationsOfClaim(db: Database, claimId: number): Citation[] {
  return (sql(db, 'SELECT * FROM citation WHERE claim_id = ? ORDER BY position').all(claimId) as Record<string, unknown>[]).map(toCitation);
}

export function insertCitation(db: Database, c: { claimId: number; quoteId: number; relation: Relation; position: string }): number {
  return Number(
    sql(db, `INSERT INTO citation (id, claim_id, quote_id, relation, position, created_at) VALUES (${nextId('citation')}, ?, ?, ?, ?, ?)`).run(
      c.claimId,
      c.quoteId,
      c.relation,
      c.position,
      now(),
    ).lastInsertRowid,
  );
}

export function citationOf(db: Database, claimId: number, quoteId: number): Citation | undefined {
  const r = sql(db, 'SELECT * FROM citation WHERE claim_id = ? AND quote_id = ?').get(claimId, quoteId) as Record<string, unknown> | undefined;
  return r ? toCitation(r) : undefined;
}

export function updateCitationRow(db: Database, id: number, patch: { relation?: Relation; position?: string }): void {
  const c = getCitation(db, id);
  sql(db, 'UPDATE citation SET relation = ?, position = ? WHERE id = ?').run(patch.relation ?? c.relation, patch.position ?? c.position, id);
}

export function deleteCitationRow(db: Database, id: number): void {
  sql(db, 'DELETE FROM citation WHERE id = ?').run(id);
}

export function deleteCitationRows(db: Database, ids: readonly number[]): void {
  sql(db, 'DELETE FROM citation WHERE id IN (SELECT value FROM json_each(?))').run(list(ids));
}

export function citationsOfQuotes(db: Database, quoteIds: readonly number[]): Citation[] {
  return (sql(db, 'SELECT * FROM citation WHERE quote_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(list(quoteIds)) as Record<string, unknown>[]).map(
    toCitation,
  );
}

// The claim's number is its rank in the brief; UNIQUE(brief_id, position) makes the count an index range scan.
const CITING_SELECT = `SELECT ci.quote_id, ci.id AS citation_id, ci.relation, c.id AS claim_id, c.text AS claim_text,
    b.id AS brief_id, b.title AS brief_title,
    (SELECT count(*) FROM claim c2 WHERE c2.brief_id = c.brief_id AND c2.position <= c.position) AS claim_number
  FROM citation ci JOIN claim c ON c.id = ci.claim_id JOIN brief b ON b.id = c.brief_id`;

/** The claims citing each of the given quotes, grouped by quote, in brief then reading order. */
export function citingClaims(db: Database, quoteIds: readonly number[]): Map<number, CitingClaim[]> {
  if (quoteIds.length === 0) return new Map();
  const rows = sql(
    db,
    `${CITING_SELECT} WHERE ci.quote_id IN (SELECT value FROM json_each(?)) ORDER BY b.title, b.id, c.position, ci.position`,
  ).all(list(quoteIds)) as Record<string, unknown>[];
  return groupBy(rows, 'quote_id', toCitingClaim);
}
