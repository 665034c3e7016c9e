// Checking a copy of the library takes seconds on a large one (integrity_check reads every page and
// every index), and better-sqlite3 is synchronous: on the main thread it would freeze the app for
// that long every backup. The check runs in a worker thread instead. The worker's code is evaluated
// from this string (no separate bundle to build or package); it loads better-sqlite3 from the path
// the main thread resolved and rebuilds sm_casefold from its source, which the expression index on
// tag names of a library from before migration 10 needs (a backup being restored may be one). It also switches the copy to a rollback journal, so it opens without -wal/-shm.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { APPLICATION_ID } from './library-file';
import { casefold } from './text';
import type { LibraryCounts } from './backup';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const casefold = (0, eval)('(' + workerData.casefold + ')');
const options = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
let db;
try {
  if (workerData.convert) {
    const w = new Database(workerData.file, options);
    try { w.pragma('journal_mode = DELETE'); } finally { w.close(); }
  }
  db = new Database(workerData.file, { ...options, readonly: true, fileMustExist: true });
  db.function('sm_casefold', { deterministic: true }, (s) => (typeof s === 'string' ? casefold(s) : s));
  if (workerData.applicationId !== null && db.pragma('application_id', { simple: true }) !== workerData.applicationId) {
    parentPort.postMessage({ problem: 'it is not a Sourcemark library' });
  } else {
    const rows = db.pragma(workerData.mode === 'quick' ? 'quick_check(5)' : 'integrity_check(5)');
    const messages = rows.map((r) => Object.values(r)[0]);
    if (!(messages.length === 1 && messages[0] === 'ok')) {
      parentPort.postMessage({ problem: "it failed SQLite's check (" + messages.join('; ') + ')' });
    } else {
      const counts = db.prepare('SELECT (SELECT count(*) FROM source) AS sources, (SELECT count(*) FROM brief) AS briefs').get();
      parentPort.postMessage({ counts });
    }
  }
} catch (err) {
  parentPort.postMessage({ problem: 'it cannot be read (' + err.message + ')' });
} finally {
  if (db) db.close();
}
`;

function sqlitePath(): string {
  // The CommonJS bundle has __filename; ES modules (tsx, Vitest) have import.meta.url.
  const from = typeof __filename === 'string' ? __filename : (import.meta as { url: string }).url;
  return createRequire(from).resolve('better-sqlite3');
}

export interface VerifyOptions {
  mode?: 'integrity' | 'quick';
  /** Switch the copy to a rollback journal first (a fresh copy from the backup API is in WAL mode). */
  convert?: boolean;
  nativeBinding?: string;
  /** Require our application id (default true). The open-time check of the library itself leaves that
   * to the inspection before it, which also accepts a library written before the id was stamped. */
  requireApplicationId?: boolean;
}

/** Checks a copy in a worker thread: ours, passing integrity_check (or quick_check); counts what it holds. */
export function verifyCopyInWorker(file: string, options: VerifyOptions = {}): Promise<{ counts: LibraryCounts } | { problem: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        file,
        sqlite: sqlitePath(),
        casefold: casefold.toString(),
        applicationId: options.requireApplicationId === false ? null : APPLICATION_ID,
        mode: options.mode ?? 'integrity',
        convert: options.convert === true,
        nativeBinding: options.nativeBinding ?? null,
      },
    });
    let settled = false;
    const done = (v: { counts: LibraryCounts } | { problem: string }) => {
      if (settled) return;
      settled = true;
      resolve(v);
      void worker.terminate();
    };
    worker.once('message', done);
    worker.once('error', (err) => done({ problem: `it could not be checked (${err.message})` }));
    worker.once('exit', (code) => done({ problem: `it could not be checked (the checker stopped with code ${code})` }));
  });
}
