// The parsing worker: one file at a time, answered by id. Parsing happens here so a huge or hostile
// file costs this thread, never the service's, and the pool can terminate it when it runs too long.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../db/errors';
import { parseFile } from './parse';
import type { ParseRequest } from './types';

export interface WorkerJob extends ParseRequest {
  id: number;
}

export type WorkerAnswer =
  /** The job has started a step of its work: the pool's time limit applies per step. */
  | { id: number; step: string }
  | { id: number; ok: true; value: import('./types').ParsedSource }
  | { id: number; ok: false; error: { code: string; message: string } };

const port = parentPort;
if (port) {
  port.on('message', (job: WorkerJob) => {
    void (async () => {
      let answer: WorkerAnswer;
      try {
        const step = (name: string) => port.postMessage({ id: job.id, step: name } satisfies WorkerAnswer);
        answer = { id: job.id, ok: true, value: await parseFile(job, step) };
      } catch (err) {
        answer =
          err instanceof AppError
            ? { id: job.id, ok: false, error: { code: err.code, message: err.message } }
            : { id: job.id, ok: false, error: { code: 'IMPORT_FAILED', message: `${job.name}: the file could not be read (${err instanceof Error ? err.message : String(err)}).` } };
      }
      port.postMessage(answer);
    })();
  });
}
