// The analysis of the open brief: reads, and every change to it. Each change answers with the whole
// scored analysis, which replaces the cached one, so the matrix and its scores never disagree; a
// rating is shown at once with its scores (the same pure scoring as the back end's), and the answer
// confirms them.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { AchRating, Analysis, KeyAssumption } from '../../../main/contract';
import { scored } from '../../../main/tradecraft/ach-score';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { invalidateHistory } from './cache';

export function useAnalysis(briefId: number | null) {
  return useQuery({
    queryKey: keys.analysis(briefId ?? 0),
    queryFn: async () => (await client.getAnalysis({ briefId: briefId as number })).analysis,
    enabled: briefId !== null,
  });
}

export function useKeyAssumptions(briefId: number | null) {
  return useQuery({
    queryKey: keys.keyAssumptions(briefId ?? 0),
    queryFn: () => client.listKeyAssumptions({ briefId: briefId as number }),
    enabled: briefId !== null,
  });
}

// Changes apply in the order they were made: two fast key presses (C, then C again for CC) reach the
// back end one after the other.
let queue: Promise<unknown> = Promise.resolve();
function inOrder<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

/** Runs one change of the analysis and puts its answer in the cache. */
export function changeAnalysis(qc: QueryClient, briefId: number, call: () => Promise<Analysis>): Promise<Analysis> {
  return inOrder(async () => {
    try {
      const a = await call();
      qc.setQueryData(keys.analysis(briefId), a);
      void invalidateHistory(qc);
      return a;
    } catch (err) {
      await qc.invalidateQueries({ queryKey: keys.analysis(briefId) });
      throw err;
    }
  });
}

export function rateCell(qc: QueryClient, a: Analysis, hypothesisId: number, rowId: number, rating: AchRating | null): Promise<Analysis> {
  qc.setQueryData<Analysis | null>(keys.analysis(a.briefId), (now) => {
    if (!now) return now;
    const cells = now.cells.filter((c) => !(c.hypothesisId === hypothesisId && c.rowId === rowId));
    // Scored here with the back end's own pure scoring, so the scores, ranks and sensitivity change in
    // the same frame as the cell; the answer then replaces them (equal, so nothing re-renders).
    return scored({ ...now, cells: rating === null ? cells : [...cells, { hypothesisId, rowId, rating }] });
  });
  return changeAnalysis(qc, a.briefId, () => client.rateCell({ hypothesisId, rowId, rating }));
}

/** Runs one change of the key assumptions and refreshes them (and the brief's history). */
export async function changeAssumptions(qc: QueryClient, briefId: number, call: () => Promise<KeyAssumption>): Promise<KeyAssumption> {
  const k = await call();
  await qc.invalidateQueries({ queryKey: keys.keyAssumptions(briefId) });
  void invalidateHistory(qc);
  return k;
}
