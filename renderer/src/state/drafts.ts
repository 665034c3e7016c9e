// Text the analyst is typing but that has not reached the store yet. The save indicator counts these,
// and undo, search and page hide flush them first so nothing typed is lost or applied out of order.
import { useSyncExternalStore } from 'react';

type Flush = () => Promise<void>;

const pending = new Map<string, Flush>();
let saving = 0;
let failed: string | null = null;
const listeners = new Set<() => void>();
let snapshot = { dirty: 0, saving: 0, failed: null as string | null };

function emit(): void {
  snapshot = { dirty: pending.size, saving, failed };
  for (const l of listeners) l();
}

export const drafts = {
  markDirty(key: string, flush: Flush): void {
    pending.set(key, flush);
    emit();
  },
  markClean(key: string): void {
    if (pending.delete(key)) emit();
  },
  /** Wraps one write so the indicator says "Saving…" while it runs and reports a failure after. */
  async track<T>(write: () => Promise<T>): Promise<T> {
    saving += 1;
    emit();
    try {
      const value = await write();
      failed = null;
      return value;
    } catch (err) {
      failed = err instanceof Error ? err.message : String(err);
      throw err;
    } finally {
      saving -= 1;
      emit();
    }
  },
  async flushAll(): Promise<void> {
    await Promise.all([...pending.values()].map((f) => f().catch(() => undefined)));
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: () => snapshot,
};

export function useDraftState() {
  return useSyncExternalStore(drafts.subscribe, drafts.snapshot);
}
