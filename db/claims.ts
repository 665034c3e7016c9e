// Claims of a brief, in order (db/order.ts); their citations are in db/citations.ts.
import type { Database } from 'better-sqlite3';
import { notFound } from './errors';
import type { Claim, Confidence, Likelihood, TaggedClaim } from './model';
import { anchorPosition, nextId, positionAfter } from './order';
import { toClaim, toTaggedClaim } from './rows';
import { now, sql } from './stmt';

export function getClaim(db: Database, id: number): Claim {
  const r = sql(db, 'SELECT * FROM claim WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('Claim', id);
  return toClaim(r);
}

/** The 1-based number of a claim in its brief. */
export function claimNumber(db: Database, claim: Claim): number {
  return (sql(db, 'SELECT count(*) AS n FROM claim WHERE brief_id = ? AND position <= ?').get(claim.briefId, claim.position) as { n: number }).n;
}

export function claimPosition(db: Database, briefId: number, afterId: number | null | undefined, movingId: number | null = null): string {
  const anchor = anchorPosition(db, 'claim', 'brief_id', briefId, afterId, 'Claim', 'brief');
  return positionAfter(db, 'claim', 'brief_id', briefId, anchor, movingId);
}

export function insertClaim(
  db: Database,
  c: { briefId: number; position: string; text: string; confidence: Confidence | null; likelihood?: Likelihood | null },
): number {
  const t = now();
  return Number(
    sql(db, `INSERT INTO claim (id, brief_id, position, text, confidence, likelihood, created_at, updated_at) VALUES (${nextId('claim')}, ?, ?, ?, ?, ?, ?, ?)`).run(
      c.briefId,
      c.position,
      c.text,
      c.confidence,
      c.likelihood ?? null,
      t,
      t,
    ).lastInsertRowid,
  );
}

export function updateClaimRow(
  db: Database,
  id: number,
  patch: { text?: string; confidence?: Confidence | null; likelihood?: Likelihood | null; position?: string },
): void {
  const c = getClaim(db, id);
  sql(db, 'UPDATE claim SET text = ?, confidence = ?, likelihood = ?, position = ?, updated_at = ? WHERE id = ?').run(
    patch.text ?? c.text,
    patch.confidence === undefined ? c.confidence : patch.confidence,
    patch.likelihood === undefined ? c.likelihood : patch.likelihood,
    patch.position ?? c.position,
    now(),
    id,
  );
}

/** Deletes a claim; its citations and tag links go with it (ON DELETE CASCADE). */
export function deleteClaimRow(db: Database, id: number): void {
  sql(db, 'DELETE FROM claim WHERE id = ?').run(id);
}

/** Claims carrying a tag, brief by brief (by title), each in reading order, with their numbers. */
export function taggedClaims(db: Database, tagId: number, limit: number): { items: TaggedClaim[]; total: number } {
  const total = (sql(db, 'SELECT count(*) AS n FROM claim_tag WHERE tag_id = ?').get(tagId) as { n: number }).n;
  const rows = sql(
    db,
    `SELECT c.id, c.brief_id, b.title AS brief_title, c.text,
       (SELECT count(*) FROM claim c2 WHERE c2.brief_id = c.brief_id AND c2.position <= c.position) AS number,
       (SELECT count(*) FROM citation ci WHERE ci.claim_id = c.id) AS citations
     FROM claim_tag ct JOIN claim c ON c.id = ct.claim_id JOIN brief b ON b.id = c.brief_id
     WHERE ct.tag_id = ? ORDER BY b.title COLLATE NOCASE, b.id, c.position LIMIT ?`,
  ).all(tagId, limit) as Record<string, unknown>[];
  return { items: rows.map(toTaggedClaim), total };
}
