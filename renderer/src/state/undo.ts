// Undo and redo as a stack of commands, each a pair of contract calls that invert each other.
// Undoing a delete recreates the row under a new id; `ids` remembers old -> new so that older
// commands on the stack still reach the right row.
import { useSyncExternalStore } from 'react';
import { drafts } from './drafts';

export interface Command {
  label: string; // e.g. "edit claim 3", shown as "Undo edit claim 3"
  undo(): Promise<void>;
  redo(): Promise<void>;
}

type Kind = 'claim' | 'citation';
const renamed = new Map<string, number>();

export const ids = {
  current(kind: Kind, id: number): number {
    let at = id;
    for (let hops = 0; hops < 1000; hops++) {
      const next = renamed.get(`${kind}:${at}`);
      if (next === undefined) return at;
      at = next;
    }
    return at;
  },
  renamed(kind: Kind, from: number, to: number): void {
    if (from !== to) renamed.set(`${kind}:${from}`, to);
  },
};

const past: Command[] = [];
const future: Command[] = [];
const listeners = new Set<() => void>();
let running: Promise<void> = Promise.resolve();
let snapshot = { undoLabel: null as string | null, redoLabel: null as string | null };
let onError: (err: unknown) => void = () => {};

function emit(): void {
  snapshot = { undoLabel: past.at(-1)?.label ?? null, redoLabel: future.at(-1)?.label ?? null };
  for (const l of listeners) l();
}

/** Runs one step after the previous finishes, so fast Ctrl+Z presses apply in order. */
function step(from: Command[], to: Command[], run: (c: Command) => Promise<void>): Promise<void> {
  running = running.then(async () => {
    await drafts.flushAll();
    const command = from.pop();
    if (!command) return;
    emit();
    try {
      await drafts.track(() => run(command));
      to.push(command);
    } catch (err) {
      onError(err);
    }
    emit();
  });
  return running;
}

export const undoStack = {
  push(command: Command): void {
    past.push(command);
    future.length = 0;
    if (past.length > 200) past.shift();
    emit();
  },
  undo: () => step(past, future, (c) => c.undo()),
  redo: () => step(future, past, (c) => c.redo()),
  setErrorHandler(handler: (err: unknown) => void): void {
    onError = handler;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: () => snapshot,
};

export function useUndoState() {
  return useSyncExternalStore(undoStack.subscribe, undoStack.snapshot);
}
