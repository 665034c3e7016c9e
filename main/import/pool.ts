// A small pool of parsing workers. Two bounds keep one file from taking the app down with it:
// - a time limit per step of work (the worker says when it starts each step: loading a reader, one
//   PDF page, one pass over a page's markup), generous, so a busy machine never fails a good file and
//   only a parser stuck in one step is stopped (terminating the worker is the only sure way);
// - a memory watchdog: while files are parsed, the process's resident memory is checked, and past the
//   limit the running workers are terminated (their memory, ArrayBuffers included, goes with them). Each
//   file stopped that way is tried again on its own; one that runs out of memory alone is refused.
// Workers run with a modest JavaScript heap, which V8 keeps small by collecting early; a file that
// runs out of it is tried again alone in a worker with the large heap, and refused only if that fails.
// Idle workers are unref'd and closed after a while, so the pool never keeps the process alive.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../db/errors';
import { importFailed } from './errors';
import { formatBytes } from '../vocabulary';
import { IMPORT_LIMITS, type ParsedSource, type ParseRequest } from './types';
import { LARGE_WORKER_HEAP_MB, spawnParserWorker, workerLimits } from './worker-spawn';
import type { WorkerAnswer, WorkerJob } from './worker';

export interface ParserPool {
  parse(request: ParseRequest): Promise<ParsedSource>;
  close(): Promise<void>;
}

export interface PoolOptions {
  size?: number;
  /** The time limit for one step of work. */
  stepTimeoutMs?: number;
  idleMs?: number;
  /** The process's resident memory above which parsing is stopped. */
  maxRssBytes?: number;
  /** Room always allowed above the memory in use when parsing began. */
  headroomBytes?: number;
  /** Starts a worker; `large` asks for the large heap, for a file that ran out of the normal one. */
  spawn?: (large: boolean) => Worker;
}

interface Pending {
  id: number;
  request: ParseRequest;
  resolve(value: ParsedSource): void;
  reject(error: AppError): void;
  timer?: NodeJS.Timeout;
  step: string;
  /** Set once the job was stopped for memory while others ran: it runs again with no other job. */
  alone: boolean;
  /** Set once the job ran out of a normal worker's heap: it runs again, alone, with the large heap. */
  large: boolean;
}

interface Slot {
  worker: Worker | null;
  /** The worker has the large heap: it is discarded after its job rather than kept for the next. */
  large: boolean;
  job: Pending | null;
  idleTimer?: NodeJS.Timeout;
}

const WATCH_INTERVAL_MS = 100;
/** Room above the memory the app used when parsing began, whatever the limit says: a large library is not a bomb. */
const MIN_HEADROOM_BYTES = 512 * 1024 * 1024;
/** After a stop, how long to wait for the memory to be given back before going on (ticks). */
const COOLING_TICKS = 30;

export function createParserPool(options: PoolOptions = {}): ParserPool {
  const size = options.size ?? Math.max(1, Math.min(4, os.availableParallelism()));
  const stepTimeoutMs = options.stepTimeoutMs ?? IMPORT_LIMITS.stepTimeoutMs;
  const idleMs = options.idleMs ?? 30_000;
  const maxRss = options.maxRssBytes ?? IMPORT_LIMITS.maxProcessRssBytes;
  const headroom = options.headroomBytes ?? MIN_HEADROOM_BYTES;
  const rss = () => process.memoryUsage.rss();
  const spawn = options.spawn ?? ((large: boolean) => spawnParserWorker(workerLimits(large)));
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, large: false, job: null }));
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;
  let watch: NodeJS.Timeout | null = null;
  let ceiling = maxRss;
  /** Ticks left to wait for memory to fall after a stop; nothing starts meanwhile. */
  let cooling = 0;

  const busy = () => slots.filter((s) => s.job);

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
    if (slot.large) discard(slot);
    if (slot.worker) {
      slot.worker.unref();
      slot.idleTimer = setTimeout(() => discard(slot), idleMs);
      slot.idleTimer.unref();
    }
    pump();
  };

  /** Each step starts the clock again: the limit is per step of work, not per file. */
  const startStep = (slot: Slot, job: Pending, step: string) => {
    clearTimeout(job.timer);
    job.step = step;
    job.timer = setTimeout(() => {
      if (slot.job !== job) return;
      discard(slot);
      settle(slot, { error: importFailed(job.request.name, `${step} took longer than ${seconds(stepTimeoutMs)} s, the limit for one step of reading a file; the file may be damaged or too complex.`) });
    }, stepTimeoutMs);
  };

  const start = (slot: Slot, large: boolean): Worker => {
    const worker = spawn(large);
    slot.large = large;
    const mine = () => slot.worker === worker;
    worker.on('message', (answer: WorkerAnswer) => {
      const job = slot.job;
      if (!mine() || !job || job.id !== answer.id) return;
      if ('step' in answer) return startStep(slot, job, answer.step);
      settle(slot, answer.ok ? { value: answer.value } : { error: new AppError(answer.error.code as AppError['code'], answer.error.message) });
    });
    const died = (reason: string) => {
      if (!mine()) return;
      const name = slot.job?.request.name ?? 'a file';
      slot.worker = null;
      settle(slot, { error: importFailed(name, reason) });
    };
    worker.on('error', (err: Error & { code?: string }) => {
      const job = slot.job;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' && mine() && job && !job.large) {
        // Out of the normal heap: tried again, alone, with the large one.
        clearTimeout(job.timer);
        slot.job = null;
        slot.worker = null;
        job.large = true;
        job.alone = true;
        queue.unshift(job);
        return pump();
      }
      died(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `reading it needed more than ${formatBytes(LARGE_WORKER_HEAP_MB * 1024 * 1024)} of working memory, the limit for one file.` : `the reader stopped with an error (${err.message}).`);
    });
    worker.on('exit', (code) => died(`the reader stopped unexpectedly (exit code ${code}).`));
    return worker;
  };

  /** Past the memory limit: stop what runs. A file that was not alone gets a second chance, alone. */
  const checkMemory = () => {
    const running = busy();
    const used = rss();
    if (cooling > 0) {
      cooling = used > ceiling ? cooling - 1 : 0;
      if (cooling === 0) pump();
      return;
    }
    if (!running.length) {
      if (watch) clearInterval(watch);
      watch = null;
      return;
    }
    if (used <= ceiling) return;
    cooling = COOLING_TICKS;
    for (const slot of running) {
      const job = slot.job!;
      clearTimeout(job.timer);
      slot.job = null;
      discard(slot);
      if (!job.alone && running.length > 1) {
        job.alone = true;
        queue.unshift(job);
      } else {
        job.reject(importFailed(job.request.name, `reading it took the app past ${formatBytes(ceiling)} of memory, the limit while importing (while ${job.step}). The file is too large or too complex to read; if it is genuine, split it into smaller files.`));
      }
    }
  };

  const run = (slot: Slot, job: Pending) => {
    clearTimeout(slot.idleTimer);
    if (!busy().length) ceiling = Math.max(maxRss, rss() + headroom);
    if (slot.worker && slot.large !== job.large) discard(slot);
    const worker = slot.worker ?? (slot.worker = start(slot, job.large));
    worker.ref();
    slot.job = job;
    startStep(slot, job, 'starting the reader');
    watch ??= setInterval(checkMemory, WATCH_INTERVAL_MS);
    watch.unref();
    // A copy is transferred: the caller's bytes may share an ArrayBuffer with other Buffers.
    const bytes = new Uint8Array(job.request.bytes);
    const message: WorkerJob = { id: job.id, name: job.request.name, bytes, encoding: job.request.encoding };
    worker.postMessage(message, [bytes.buffer]);
  };

  function pump() {
    while (queue.length && cooling === 0) {
      const next = queue[0]!;
      const running = busy().length;
      // A file being retried for memory runs with nothing else, and nothing else starts beside it.
      if (next.alone ? running > 0 : running >= size || busy().some((s) => s.job!.alone)) return;
      const slot = slots.find((s) => !s.job)!;
      queue.shift();
      run(slot, next);
    }
  }

  return {
    parse(request) {
      if (closed) return Promise.reject(new AppError('IMPORT_FAILED', `${request.name}: import has been shut down.`));
      return new Promise<ParsedSource>((resolve, reject) => {
        queue.push({ id: nextId++, request, resolve, reject, step: 'waiting', alone: false, large: false });
        pump();
      });
    },
    async close() {
      closed = true;
      if (watch) clearInterval(watch);
      watch = null;
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
