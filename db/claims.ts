// Claims of a brief and their citations, both kept in order by fractional-index keys: moving one
// rewrites one row, and keys sort as plain strings.
import type { Database } from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import { AppError, notFound } from './errors';
import type { Citation, Claim, Confidence, Likelihood, Relation, TaggedClaim } from './model';
import { toCitation, toClaim } from './rows';
import { nextId, now, sql } from './stmt';

export function getClaim(db: Database, id: number): Claim {
  const r = sql(db, 'SELECT * FROM claim WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('Claim', id);
  return toClaim(r);
}

export function getCitation(db: Database, id: number): Citation {
  const r = sql(db, 'SELECT * FROM citation WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('Citation', id);
  return toCitation(r);
}

/** The 1-based number of a claim in its brief. */
export function claimNumber(db: Database, claim: Claim): number {
  return (sql(db, 'SELECT count(*) AS n FROM claim WHERE brief_id = ? AND position <= ?').get(claim.briefId, claim.position) as { n: number }).n;
}

// A position between an anchor row and the row that follows it in the same group (a brief's claims,
// or a claim's citations). anchor undefined = append; null = first. The moving row itself is skipped.
function positionAfter(db: Database, table: 'claim' | 'citation', group: string, groupId: number, anchorPos: string | null | undefined, skipId: number | null): string {
  const skip = skipId ?? -1;
  if (anchorPos === undefined) {
    const last = sql(db, `SELECT max(position) AS p FROM ${table} WHERE ${group} = ? AND id <> ?`).get(groupId, skip) as { p: string | null };
    return generateKeyBetween(last.p, null);
  }
  const next = sql(db, `SELECT min(position) AS p FROM ${table} WHERE ${group} = ? AND id <> ? AND (? IS NULL OR position > ?)`).get(
    groupId,
    skip,
    anchorPos,
    anchorPos,
  ) as { p: string | null };
  return generateKeyBetween(anchorPos, next.p);
}

function anchorPosition(db: Database, table: 'claim' | 'citation', group: string, groupId: number, afterId: number | null | undefined, what: string, owner: string): string | null | undefined {
  if (afterId === undefined || afterId === null) return afterId;
  const r = sql(db, `SELECT position, ${group} AS g FROM ${table} WHERE id = ?`).get(afterId) as { position: string; g: number } | undefined;
  if (!r) throw notFound(what, afterId);
  if (r.g !== groupId) throw new AppError('INVALID_INPUT', `${what} ${afterId} belongs to another ${owner}; it can only be placed among its own.`);
  return r.position;
}

export function claimPosition(db: Database, briefId: number, afterId: number | null | undefined, movingId: number | null = null): string {
  const anchor = anchorPosition(db, 'claim', 'brief_id', briefId, afterId, 'Claim', 'brief');
  return positionAfter(db, 'claim', 'brief_id', briefId, anchor, movingId);
}

export function citationPosition(db: Database, claimId: number, afterId: number | null | undefined, movingId: number | null = null): string {
  const anchor = anchorPosition(db, 'citation', 'claim_id', claimId, afterId, 'Citation', 'claim');
  return positionAfter(db, 'citation', 'claim_id', claimId, anchor, movingId);
}

/** A free key at or just after `wanted`: restoring a deleted row may find its old key taken since. */
export function freePosition(db: Database, table: 'claim' | 'citation', group: string, groupId: number, wanted: string): string {
  const taken = sql(db, `SELECT 1 FROM ${table} WHERE ${group} = ? AND position = ?`).get(groupId, wanted);
  return taken ? positionAfter(db, table, group, groupId, wanted, null) : wanted;
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

export function citationsOfQuotes(db: Database, quoteIds: readonly number[]): Citation[] {
  return (
    sql(db, 'SELECT * FROM citation WHERE quote_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(quoteIds)) as Record<
      string,
      unknown
    >[]
  ).map(toCitation);
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
  const items = rows.map((r) => ({
    id: r.id as number,
    briefId: r.brief_id as number,
    briefTitle: r.brief_title as string,
    number: r.number as number,
    text: r.text as string,
    citations: r.citations as number,
  }));
  return { items, total };
}
