// Prepared statements are cached per connection: preparing costs more than running the small
// queries the UI makes, and the bench's latency goals (getBrief ≤ 5 ms, backlinks ≤ 1 ms) need it.
import type { Database, Statement } from 'better-sqlite3';
import { AppError, type ErrorCode } from './errors';

const caches = new WeakMap<Database, Map<string, Statement>>();

export function sql(db: Database, text: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(text);
  if (!s) {
    s = db.prepare(text);
    cache.set(text, s);
  }
  return s;
}

/** Arrays travel into SQL as one JSON parameter: `IN (SELECT value FROM json_each(?))`. */
export const list = (ids: readonly number[]): string => JSON.stringify(ids);

// The schema's triggers raise 'CODE: sentence'; these become AppErrors like any other refusal.
const TRIGGER_CODES: ErrorCode[] = ['SOURCE_BODY_IMMUTABLE', 'QUOTE_MISMATCH'];

function translate(err: unknown): unknown {
  if (err instanceof AppError || !(err instanceof Error)) return err;
  for (const code of TRIGGER_CODES) {
    if (err.message.startsWith(`${code}: `)) {
      const sentence = err.message.slice(code.length + 2);
      return new AppError(code, sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
    }
  }
  if ((err as { code?: string }).code?.startsWith('SQLITE_')) {
    return new AppError('STORE_FAILED', `The library file refused the change: ${err.message}`);
  }
  return err;
}

// Work a connection does at the end of every write, inside its transaction: the store registers
// the stemming of changed rows here (db/search/stems.ts), so no write path can leave stems behind.
const beforeCommit = new WeakMap<Database, (db: Database) => void>();
export function setBeforeCommit(db: Database, fn: (db: Database) => void): void {
  beforeCommit.set(db, fn);
}

/** Runs fn in one transaction (nested calls become savepoints); any throw rolls everything back. */
export function write<T>(db: Database, fn: () => T): T {
  const finish = beforeCommit.get(db);
  try {
    return db.transaction(() => {
      const out = fn();
      finish?.(db);
      return out;
    })();
  } catch (err) {
    throw translate(err);
  }
}

export const now = (): string => new Date().toISOString();

