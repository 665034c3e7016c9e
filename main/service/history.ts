// Undo and redo of a brief's changes, and the helpers its areas use to record each change's inverse
// inside the change's own transaction.
import { getBriefMeta, touchBrief } from '../../db/briefs';
import { applyOps, claimUid, markStep, nextRedo, nextUndo, recordStep, type CitationRow, type ClaimRow, type HistoryOp } from '../../db/history';
import { write } from '../../db/stmt';
import type { Citation, Claim } from '../../db/model';
import type { Service } from '../contract';
import type { UndoOutcome, UndoState } from '../contract/history';
import type { ServiceContext } from '../ports';

/** The claim as undo puts it back; read while the claim is still in the store, so its uid comes along. */
export const claimRow = (db: ServiceContext['store']['db'], c: Claim): ClaimRow => ({ id: c.id, uid: claimUid(db, c.id), briefId: c.briefId, position: c.position, text: c.text, confidence: c.confidence, likelihood: c.likelihood, createdAt: c.createdAt });
export const citationRow = (c: Citation): CitationRow => ({ id: c.id, claimId: c.claimId, quoteId: c.quoteId, relation: c.relation, position: c.position, createdAt: c.createdAt });

/** Records one step; call inside the write that makes the change. */
export const record: (db: ServiceContext['store']['db'], briefId: number, label: string, undo: HistoryOp[], redo: HistoryOp[]) => void = recordStep;

export function historyMethods(ctx: ServiceContext): Pick<Service, 'undoState' | 'undo' | 'redo'> {
  const d = ctx.store.db;
  const state = (briefId: number): UndoState => ({
    briefId,
    undo: nextUndo(d, briefId)?.label ?? null,
    redo: nextRedo(d, briefId)?.label ?? null,
  });
  const walk = (briefId: number, did: 'undo' | 'redo'): UndoOutcome =>
    write(d, () => {
      getBriefMeta(d, briefId);
      const step = did === 'undo' ? nextUndo(d, briefId) : nextRedo(d, briefId);
      if (!step) return { did, label: null, notes: [], state: state(briefId) };
      const notes = applyOps(d, did === 'undo' ? step.undoOps : step.redoOps);
      markStep(d, step.id, did === 'undo');
      touchBrief(d, briefId);
      return { did, label: step.label, notes, state: state(briefId) };
    });
  return {
    undoState: ({ briefId }) => {
      getBriefMeta(d, briefId);
      return state(briefId);
    },
    undo: ({ briefId }) => walk(briefId, 'undo'),
    redo: ({ briefId }) => walk(briefId, 'redo'),
  };
}
