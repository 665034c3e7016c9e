// The import of a batch: each file goes through the back end (which parses it in a worker), its row
// moving from waiting to reading to done, failed or duplicate. Cancel stops before the next file.
import { startTransition, useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportOutcome } from '../../../main/contract/import';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { toShownError } from '../state/errors';
import { MAX_FILE_BYTES, fileToBase64, formatBytes } from './readFiles';

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

const nameOf = (job: Job) => (job.kind === 'file' ? job.file.name : (job.path.split(/[\\/]/).pop() ?? job.path));

async function importJob(job: Job, encoding: string | undefined): Promise<ImportOutcome> {
  if (job.kind === 'path') {
    const [result] = await client.importPaths({ paths: [job.path], encoding });
    if (!result) throw new Error(`${nameOf(job)}: the back end gave no answer.`);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }
  const { file } = job;
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name}: the file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}.`);
  if (file.size === 0) throw new Error(`${file.name}: the file is empty (0 bytes).`);
  return client.importFile({ name: file.name, base64: await fileToBase64(file), encoding });
}

export function useImportQueue(onFinished: (outcomes: ImportOutcome[]) => void) {
  const qc = useQueryClient();
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState(false);
  const cancelled = useRef(false);
  const nextKey = useRef(1);

  // Row updates are transitions: with hundreds of rows React may split the work and keep frames short.
  const setRow = (key: number, state: RowState) => startTransition(() => setRows((all) => all.map((r) => (r.key === key ? { ...r, state } : r))));

  const start = useCallback(
    /** encoding: a legacy text encoding the analyst chose; detected when undefined. */
    async (jobs: Job[], encoding?: string) => {
      if (jobs.length === 0) return;
      cancelled.current = false;
      const fresh = jobs.map((job) => ({ job, row: { key: nextKey.current++, name: nameOf(job), state: { step: 'waiting' } as RowState } }));
      setRows(fresh.map((f) => f.row));
      setRunning(true);
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
      await Promise.all(Array.from({ length: LANES }, lane));
      if (cancelled.current) setRows((all) => all.map((r) => (r.state.step === 'waiting' ? { ...r, state: { step: 'cancelled' } } : r)));
      setRunning(false);
      await Promise.all([qc.invalidateQueries({ queryKey: keys.sources }), qc.invalidateQueries({ queryKey: keys.searchAll })]);
      onFinished(outcomes);
    },
    [qc, onFinished],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  const clear = useCallback(() => setRows([]), []);

  return { rows, running, start, cancel, clear };
}
