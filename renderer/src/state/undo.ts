// The brief's undo history is kept by the back end (main/service/history.ts), beside the rows it
// changes. This module walks it one step at a time — after any pending typing has been saved, so
// the typing is a step of its own — and posts a notice saying what was done, offering the reverse.
import { useSyncExternalStore } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { invalidateEvidence } from '../mutations/cache';
import { drafts } from './drafts';

export interface UndoNotice {
  id: number;
  briefId: number;
  text: string;
  /** The step undone or redone, e.g. "deletion of claim 5". */
  label: string | null;
  /** The button the notice offers: Redo after an undo, Undo after a redo. */
  reverse: 'undo' | 'redo' | null;
}

let running: Promise<void> = Promise.resolve();
let notice: UndoNotice | null = null;
let nextNotice = 0;
const listeners = new Set<() => void>();
let onError: (err: unknown) => void = () => {};

function post(next: UndoNotice | null): void {
  notice = next;
  for (const l of listeners) l();
}

/** Runs one step after the previous finishes, so fast Ctrl+Z presses apply in order. */
function walk(qc: QueryClient, briefId: number, did: 'undo' | 'redo'): Promise<void> {
  running = running.then(async () => {
    await drafts.flushAll();
    try {
      const out = await drafts.track(() => (did === 'undo' ? client.undo({ briefId }) : client.redo({ briefId })));
      // Any step may touch claims, citations and passages; invalidateEvidence includes the history itself.
      await invalidateEvidence(qc);
      const id = ++nextNotice;
      if (out.label === null) {
        post({ id, briefId, label: null, text: did === 'undo' ? 'Nothing to undo in this brief.' : 'Nothing to redo in this brief.', reverse: null });
        return;
      }
      const notes = out.notes.length ? ` Note: ${out.notes.join('; ')}.` : '';
      post({ id, briefId, label: out.label, text: `${did === 'undo' ? 'Undone' : 'Redone'}: ${out.label}.${notes}`, reverse: did === 'undo' ? 'redo' : 'undo' });
    } catch (err) {
      onError(err);
    }
  });
  return running;
}

export const history = {
  undo: (qc: QueryClient, briefId: number) => walk(qc, briefId, 'undo'),
  redo: (qc: QueryClient, briefId: number) => walk(qc, briefId, 'redo'),
  setErrorHandler(handler: (err: unknown) => void): void {
    onError = handler;
  },
  dismiss(id: number): void {
    if (notice?.id === id) post(null);
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUndoNotice(): UndoNotice | null {
  return useSyncExternalStore(subscribe, () => notice);
}

/** What Undo and Redo would do in the open brief, as the back end says. */
export function useUndoState(briefId: number | null) {
  return useQuery({
    queryKey: keys.undo(briefId ?? 0),
    queryFn: () => client.undoState({ briefId: briefId as number }),
    enabled: briefId !== null,
  });
}
