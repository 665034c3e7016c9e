// A brief's undo history: steps, each with the operations that undo and redo it. Operations put rows
// back exactly as they were, under their own ids (ids are never reused, migration 0004), so a step
// recorded before a claim was deleted and restored still reaches that claim.
import type { Database } from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import { applyAnalysisOp, type AnalysisOp } from './analysis-history';
import { updateBriefRow, type BriefFields } from './briefs';
import type { Citation, Claim } from './model';
import { now, sql } from './stmt';

/** `uid` is the claim's global id (migration 7): a claim brought back by undo is the same claim to a bundle's receiver. */
export type ClaimRow = Pick<Claim, 'id' | 'briefId' | 'position' | 'text' | 'confidence' | 'likelihood' | 'createdAt'> & { uid?: string | null };
export type CitationRow = Pick<Citation, 'id' | 'claimId' | 'quoteId' | 'relation' | 'position' | 'createdAt'>;

export type HistoryOp =
  | { op: 'putClaim'; claim: ClaimRow }
  | { op: 'deleteClaim'; id: number }
  | { op: 'putCitation'; citation: CitationRow }
  | { op: 'deleteCitation'; id: number }
  | { op: 'setClaimTags'; claimId: number; tagIds: number[] }
  | { op: 'setBrief'; id: number; fields: Partial<BriefFields> }
  | AnalysisOp;

export interface StepRow {
  id: number;
  briefId: number;
  label: string;
  undoOps: HistoryOp[];
  redoOps: HistoryOp[];
}

/** Steps kept per brief; older ones are forgotten. */
export const HISTORY_DEPTH = 200;

export function claimUid(db: Database, id: number): string | null {
  return (sql(db, 'SELECT uid FROM claim WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}

export function recordStep(db: Database, briefId: number, label: string, undoOps: HistoryOp[], redoOps: HistoryOp[]): void {
  // A new change ends the redo branch, as in every editor.
  sql(db, 'DELETE FROM undo_step WHERE brief_id = ? AND undone = 1').run(briefId);
  sql(db, 'INSERT INTO undo_step (brief_id, label, undo_ops, redo_ops, created_at) VALUES (?, ?, ?, ?, ?)').run(
    briefId,
    label,
    JSON.stringify(undoOps),
    JSON.stringify(redoOps),
    now(),
  );
  sql(
    db,
    `DELETE FROM undo_step WHERE brief_id = ? AND id <= (
       SELECT id FROM undo_step WHERE brief_id = ? ORDER BY id DESC LIMIT 1 OFFSET ${HISTORY_DEPTH})`,
  ).run(briefId, briefId);
}

function toStep(r: Record<string, unknown> | undefined): StepRow | null {
  if (!r) return null;
  return {
    id: r.id as number,
    briefId: r.brief_id as number,
    label: r.label as string,
    undoOps: JSON.parse(r.undo_ops as string) as HistoryOp[],
    redoOps: JSON.parse(r.redo_ops as string) as HistoryOp[],
  };
}

/** The step Undo would take back: the latest one still done. */
export function nextUndo(db: Database, briefId: number): StepRow | null {
  return toStep(sql(db, 'SELECT * FROM undo_step WHERE brief_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1').get(briefId) as Record<string, unknown> | undefined);
}

/** The step Redo would make again: the earliest one undone. */
export function nextRedo(db: Database, briefId: number): StepRow | null {
  return toStep(sql(db, 'SELECT * FROM undo_step WHERE brief_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1').get(briefId) as Record<string, unknown> | undefined);
}

export function markStep(db: Database, id: number, undone: boolean): void {
  sql(db, 'UPDATE undo_step SET undone = ? WHERE id = ?').run(undone ? 1 : 0, id);
}

/** A position no other row of the group holds: a key taken since by a change outside the history moves just after it. */
function freeKey(db: Database, table: 'claim' | 'citation', group: 'brief_id' | 'claim_id', groupId: number, wanted: string, selfId: number): string {
  let key = wanted;
  for (;;) {
    const taken = sql(db, `SELECT 1 FROM ${table} WHERE ${group} = ? AND position = ? AND id <> ?`).get(groupId, key, selfId);
    if (!taken) return key;
    const next = sql(db, `SELECT min(position) AS p FROM ${table} WHERE ${group} = ? AND position > ?`).get(groupId, key) as { p: string | null };
    key = generateKeyBetween(key, next.p);
  }
}

/**
 * Applies operations in order. Rows an operation needs that are gone for reasons outside the history
 * (a passage deleted from the library) are skipped; the sentences returned say what could not come back.
 */
export function applyOps(db: Database, ops: readonly HistoryOp[]): string[] {
  const missed: string[] = [];
  const t = now();
  for (const o of ops) {
    switch (o.op) {
      case 'putClaim': {
        const c = o.claim;
        const exists = sql(db, 'SELECT 1 FROM claim WHERE id = ?').get(c.id);
        const position = freeKey(db, 'claim', 'brief_id', c.briefId, c.position, c.id);
        if (exists) {
          sql(db, 'UPDATE claim SET text = ?, confidence = ?, likelihood = ?, position = ?, updated_at = ? WHERE id = ?').run(
            c.text,
            c.confidence,
            c.likelihood ?? null,
            position,
            t,
            c.id,
          );
        } else {
          // Steps recorded before migration 7 carry no uid: the insert trigger then gives one.
          sql(db, 'INSERT INTO claim (id, uid, brief_id, position, text, confidence, likelihood, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
            c.id,
            c.uid ?? null,
            c.briefId,
            position,
            c.text,
            c.confidence,
            c.likelihood ?? null,
            c.createdAt,
            t,
          );
        }
        break;
      }
      case 'deleteClaim':
        sql(db, 'DELETE FROM claim WHERE id = ?').run(o.id);
        break;
      case 'putCitation': {
        const c = o.citation;
        if (!sql(db, 'SELECT 1 FROM claim WHERE id = ?').get(c.claimId)) break;
        if (!sql(db, 'SELECT 1 FROM quote WHERE id = ?').get(c.quoteId)) {
          missed.push('a citation could not come back because its passage has been deleted from the library');
          break;
        }
        const position = freeKey(db, 'citation', 'claim_id', c.claimId, c.position, c.id);
        const exists = sql(db, 'SELECT 1 FROM citation WHERE id = ?').get(c.id);
        if (exists) {
          sql(db, 'UPDATE citation SET relation = ?, position = ? WHERE id = ?').run(c.relation, position, c.id);
        } else if (sql(db, 'SELECT 1 FROM citation WHERE claim_id = ? AND quote_id = ?').get(c.claimId, c.quoteId)) {
          // The claim cites that passage again already (cited anew outside the history): keep that citation.
        } else {
          sql(db, 'INSERT INTO citation (id, claim_id, quote_id, relation, position, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
            c.id,
            c.claimId,
            c.quoteId,
            c.relation,
            position,
            c.createdAt,
          );
        }
        break;
      }
      case 'deleteCitation':
        sql(db, 'DELETE FROM citation WHERE id = ?').run(o.id);
        break;
      case 'setClaimTags': {
        if (!sql(db, 'SELECT 1 FROM claim WHERE id = ?').get(o.claimId)) break;
        sql(db, 'DELETE FROM claim_tag WHERE claim_id = ?').run(o.claimId);
        // A tag deleted since is simply not put back.
        for (const tagId of o.tagIds) sql(db, 'INSERT INTO claim_tag (claim_id, tag_id) SELECT ?, id FROM tag WHERE id = ?').run(o.claimId, tagId);
        break;
      }
      case 'setBrief':
        if (sql(db, 'SELECT 1 FROM brief WHERE id = ?').get(o.id)) updateBriefRow(db, o.id, o.fields);
        break;
      default: {
        const note = applyAnalysisOp(db, o);
        if (note) missed.push(note);
      }
    }
  }
  return [...new Set(missed)];
}
