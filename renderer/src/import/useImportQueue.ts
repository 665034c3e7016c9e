// The import of a batch: each file goes through the back end (which parses it in a worker), its row
// moving from waiting to reading to done, failed or duplicate. Cancel stops before the next file.
import { startTransition, useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportOutcome } from '../../../main/contract/import';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { toShownError } from '../state/errors';
import { readBase64 } from './readFiles';
import { formatBytes, MAX_IMPORT_FILE_BYTES } from '../../../main/vocabulary';

export type Job = { kind: 'file'; file: File } | { kind: 'path'; path: string };

export type RowState =
  | { step: 'waiting' }
  | { step: 'reading' }
  | { step: 'done'; outcome: ImportOutcome }
  | { step: 'failed'; message: string }
  | { step: 'cancelled' };

export interface Row {
  key: number;
  name: string;
  state: RowState;
}

/** Two files in flight keep the back end's parsing workers busy while the page stays free. */
const LANES = 2;
const REFRESH_MS = 3_000;
/**
 * Row changes are gathered and drawn together at most this often: a render per file event (two per
 * file) kept the page busy for nothing, since the eye reads progress a few times a second at most.
 */
const DRAW_MS = 150;

const nameOf = (job: Job) => (job.kind === 'file' ? job.file.name : (job.path.split(/[\\/]/).pop() ?? job.path));

async function importJob(job: Job, encoding: string | undefined): Promise<ImportOutcome> {
  if (job.kind === 'path') {
    const [result] = await client.importPaths({ paths: [job.path], encoding });
    if (!result) throw new Error(`${nameOf(job)}: the back end gave no answer.`);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }
  const { file } = job;
  const read = await readBase64(file, MAX_IMPORT_FILE_BYTES);
  // Only a refused file is asked its size (a synchronous call to the browser), to say how far over it is.
  if (!read) throw new Error(`${file.name}: the file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_IMPORT_FILE_BYTES)}.`);
  if (read.bytes === 0) throw new Error(`${file.name}: the file is empty (0 bytes).`);
  return client.importFile({ name: file.name, base64: read.base64, encoding });
}

const withChanges = (rows: Row[], changes: Map<number, RowState>) =>
  changes.size === 0 ? rows : rows.map((r) => (changes.has(r.key) ? { ...r, state: changes.get(r.key)! } : r));

interface Batch {
  rows: Row[];
  running: boolean;
}

export function useImportQueue(onFinished: (outcomes: ImportOutcome[]) => void) {
  const qc = useQueryClient();
  // Rows and the running flag change together, so the summary never counts a batch whose last row is not drawn yet.
  const [batch, setBatch] = useState<Batch>({ rows: [], running: false });
  const busy = useRef(false);
  const cancelled = useRef(false);
  const nextKey = useRef(1);
  const pending = useRef(new Map<number, RowState>());
  const drawTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Transitions: React renders them in slices after the event that caused them, never inside it.
  const draw = useCallback((finish?: (rows: Row[]) => Row[]) => {
    if (drawTimer.current !== null) clearTimeout(drawTimer.current);
    drawTimer.current = null;
    const changes = pending.current;
    pending.current = new Map();
    startTransition(() =>
      setBatch((b) => {
        const rows = withChanges(b.rows, changes);
        return finish ? { rows: finish(rows), running: false } : { ...b, rows };
      }),
    );
  }, []);

  const setRow = useCallback(
    (key: number, state: RowState) => {
      pending.current.set(key, state);
      drawTimer.current ??= setTimeout(() => draw(), DRAW_MS);
    },
    [draw],
  );

  const start = useCallback(
    /** encoding: a legacy text encoding the analyst chose; detected when undefined. */
    async (jobs: Job[], encoding?: string) => {
      if (jobs.length === 0 || busy.current) return;
      busy.current = true;
      cancelled.current = false;
      pending.current = new Map();
      const fresh = jobs.map((job) => ({ job, row: { key: nextKey.current++, name: nameOf(job), state: { step: 'waiting' } as RowState } }));
      startTransition(() => setBatch({ rows: fresh.map((f) => f.row), running: true }));
      const outcomes: ImportOutcome[] = [];
      let next = 0;
      let lastRefresh = performance.now();
      const lane = async () => {
        while (next < fresh.length && !cancelled.current) {
          const { job, row } = fresh[next++]!;
          setRow(row.key, { step: 'reading' });
          try {
            const outcome = await importJob(job, encoding);
            outcomes.push(outcome);
            setRow(row.key, { step: 'done', outcome });
            // The library list catches up every few seconds, not after every file of a large batch.
            if (performance.now() - lastRefresh > REFRESH_MS) {
              lastRefresh = performance.now();
              void qc.invalidateQueries({ queryKey: keys.sources });
            }
          } catch (err) {
            setRow(row.key, { step: 'failed', message: toShownError(err).message });
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: LANES }, lane));
      } finally {
        const wasCancelled = cancelled.current;
        draw((rows) => (wasCancelled ? rows.map((r) => (r.state.step === 'waiting' ? { ...r, state: { step: 'cancelled' } } : r)) : rows));
        busy.current = false;
      }
      await Promise.all([qc.invalidateQueries({ queryKey: keys.sources }), qc.invalidateQueries({ queryKey: keys.searchAll })]);
      onFinished(outcomes);
    },
    [qc, onFinished, setRow, draw],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  const clear = useCallback(() => setBatch((b) => (b.running ? b : { rows: [], running: false })), []);

  /** True from the moment a batch starts, before its first render: a second drop in between is refused. */
  const isBusy = useCallback(() => busy.current, []);

  return { rows: batch.rows, running: batch.running, start, cancel, clear, isBusy };
}
