// A small pool of parsing workers with a time limit per file. A worker that runs over is terminated
// (the only sure way to stop a parser stuck in a loop) and replaced on the next file; idle workers
// are unref'd and closed after a while, so the pool never keeps the process alive.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../db/errors';
import { importFailed } from './errors';
import { IMPORT_LIMITS, type ParsedSource, type ParseRequest } from './types';
import { spawnParserWorker } from './worker-spawn';
import type { WorkerAnswer, WorkerJob } from './worker';

export interface ParserPool {
  parse(request: ParseRequest): Promise<ParsedSource>;
  close(): Promise<void>;
}

export interface PoolOptions {
  size?: number;
  timeoutMs?: number;
  idleMs?: number;
  spawn?: () => Worker;
}

interface Pending {
  id: number;
  request: ParseRequest;
  resolve(value: ParsedSource): void;
  reject(error: AppError): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker | null;
  job: Pending | null;
  idleTimer?: NodeJS.Timeout;
}

export function createParserPool(options: PoolOptions = {}): ParserPool {
  const size = options.size ?? Math.max(1, Math.min(4, os.availableParallelism()));
  const timeoutMs = options.timeoutMs ?? IMPORT_LIMITS.timeoutMs;
  const idleMs = options.idleMs ?? 30_000;
  const spawn = options.spawn ?? spawnParserWorker;
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, job: null }));
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const discard = (slot: Slot) => {
    const worker = slot.worker;
    slot.worker = null;
    if (worker) void worker.terminate();
  };

  const settle = (slot: Slot, outcome: { value: ParsedSource } | { error: AppError }) => {
    const job = slot.job;
    if (!job) return;
    clearTimeout(job.timer);
    slot.job = null;
    if ('value' in outcome) job.resolve(outcome.value);
    else job.reject(outcome.error);
    if (slot.worker) {
      slot.worker.unref();
      slot.idleTimer = setTimeout(() => discard(slot), idleMs);
      slot.idleTimer.unref();
    }
    pump();
  };

  const start = (slot: Slot): Worker => {
    const worker = spawn();
    const mine = () => slot.worker === worker;
    worker.on('message', (answer: WorkerAnswer) => {
      if (!mine() || slot.job?.id !== answer.id) return;
      settle(slot, answer.ok ? { value: answer.value } : { error: new AppError(answer.error.code as AppError['code'], answer.error.message) });
    });
    const died = (reason: string) => {
      if (!mine()) return;
      const name = slot.job?.request.name ?? 'a file';
      slot.worker = null;
      settle(slot, { error: importFailed(name, reason) });
    };
    worker.on('error', (err: Error & { code?: string }) => {
      died(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'reading it needed more memory than Sourcemark allows for one file.' : `the reader stopped with an error (${err.message}).`);
    });
    worker.on('exit', (code) => died(`the reader stopped unexpectedly (exit code ${code}).`));
    return worker;
  };

  const run = (slot: Slot, job: Pending) => {
    clearTimeout(slot.idleTimer);
    const worker = slot.worker ?? (slot.worker = start(slot));
    worker.ref();
    slot.job = job;
    job.timer = setTimeout(() => {
      if (slot.job !== job) return;
      discard(slot);
      settle(slot, { error: importFailed(job.request.name, `took longer than ${seconds(timeoutMs)} s to read; the file may be damaged or too complex.`) });
    }, timeoutMs);
    // A copy is transferred: the caller's bytes may share an ArrayBuffer with other Buffers.
    const bytes = new Uint8Array(job.request.bytes);
    const message: WorkerJob = { id: job.id, name: job.request.name, bytes, encoding: job.request.encoding };
    worker.postMessage(message, [bytes.buffer]);
  };

  function pump() {
    for (const slot of slots) {
      if (!queue.length) return;
      if (!slot.job) run(slot, queue.shift()!);
    }
  }

  return {
    parse(request) {
      if (closed) return Promise.reject(new AppError('IMPORT_FAILED', `${request.name}: import has been shut down.`));
      return new Promise<ParsedSource>((resolve, reject) => {
        queue.push({ id: nextId++, request, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(importFailed(job.request.name, 'import was stopped.'));
      await Promise.all(
        slots.map(async (slot) => {
          clearTimeout(slot.idleTimer);
          slot.job?.reject(importFailed(slot.job.request.name, 'import was stopped.'));
          clearTimeout(slot.job?.timer);
          slot.job = null;
          const worker = slot.worker;
          slot.worker = null;
          if (worker) await worker.terminate();
        }),
      );
    },
  };
}

const seconds = (ms: number) => String(Math.round(ms / 100) / 10);
