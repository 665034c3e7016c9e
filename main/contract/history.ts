// The brief's undo history, kept by the back end (see db/history.ts). Each change to a brief's
// fields, claims or citations records its own inverse in the same transaction; these methods walk it.
import { z } from 'zod';
import { method } from './method';

export interface UndoState {
  briefId: number;
  /** What Undo would take back, e.g. "edit of claim 3"; null when there is nothing to undo. */
  undo: string | null;
  /** What Redo would make again; null when there is nothing to redo. */
  redo: string | null;
}

export interface UndoOutcome {
  did: 'undo' | 'redo';
  /** The step, e.g. "deletion of claim 5"; null when there was nothing to undo (or redo). */
  label: string | null;
  /** What could not be put back (a passage deleted from the library since), in sentences. */
  notes: string[];
  state: UndoState;
}

const briefId = z.number({ error: 'The brief must be given by its number.' }).int().positive();

export const historyMethods = {
  undoState: method(z.strictObject({ briefId })).returns<UndoState>(),
  /** Takes back the brief's latest change (label null when there is none). */
  undo: method(z.strictObject({ briefId })).returns<UndoOutcome>(),
  /** Makes the latest undone change again (label null when there is none). */
  redo: method(z.strictObject({ briefId })).returns<UndoOutcome>(),
} as const;
