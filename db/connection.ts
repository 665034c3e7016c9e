// The one connection the back end owns. Opening runs pending migrations, each in a transaction,
// after copying an existing file aside with db.backup(). The service inspects the file first
// (db/library-file.ts); the checks here are the last line: nothing that is not ours gets written.
import Database, { type Database as DB } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';
import { APPLICATION_ID, foreignReason } from './library-file';
import { migrations as allMigrations, type Migration } from './migrations';
import { registerFunctions } from './functions';
import { flushStems, refreshStems } from './search/stems';
import { setBeforeCommit, sql } from './stmt';

export interface OpenOptions {
  /** Path of a native better_sqlite3.node built for another ABI (the Electron build). */
  nativeBinding?: string;
  /** Called with the backup's path before an existing file is migrated. */
  onBackup?: (backupPath: string) => void;
  /** The schema's history; tests pass a longer list to exercise an upgrade. */
  migrations?: readonly Migration[];
}

export interface Store {
  db: DB;
  file: string;
  schemaVersion: number;
  close(): void;
}

export const latestSchemaVersion = allMigrations.length;

export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.length;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const existed = fs.existsSync(file);
  if (existed && fs.statSync(file).size === 0) {
    throw new AppError('LIBRARY_DAMAGED', `The library file ${file} is empty (0 bytes); Sourcemark will not start a new library over it without asking.`);
  }
  let db: DB;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new AppError('STORE_FAILED', `The library file ${file} could not be opened: ${(err as Error).message}`);
  }
  try {
    // Read before anything writes (journal_mode below already does): never migrate someone else's file.
    refuseForeign(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // better-sqlite3 leaves WAL at NORMAL, which can lose the last commits on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    registerFunctions(db);
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new AppError(
        'STORE_FAILED',
        `The library file ${file} was written by a newer Sourcemark (schema ${current}; this version knows up to ${latest}). Update Sourcemark to open it.`,
      );
    }
    if (current < latest) {
      // Any file that already held data is copied first, even at version 0: it may be someone's
      // library from before versioning, or not ours at all, and a failed upgrade must lose nothing.
      if (existed) {
        const backup = `${file}.before-v${latest}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
        // A consistent copy of the whole file, taken with SQLite's online backup API.
        await db.backup(backup);
        options.onBackup?.(backup);
      }
      for (const m of migrations.slice(current)) {
        db.transaction(() => {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        })();
      }
    }
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
    // Stems of rows written since (a migration, an older app, a new stemmer), then of every write.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'stem_pending'").get()) {
      refreshStems(db);
      setBeforeCommit(db, flushStems);
    }
    return { db, file, schemaVersion: latest, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}

function refuseForeign(db: DB, file: string): void {
  const why = foreignReason(db);
  if (why) {
    throw new AppError('LIBRARY_REFUSED', `${file} is a SQLite database that belongs to another application (${why}); Sourcemark will not change it. Move it out of the data folder, or choose another data folder.`);
  }
}

/**
 * A mark that moves whenever the library's contents may have changed: any row this connection
 * inserted, updated or deleted (total_changes) and any commit by another connection to the same
 * file (data_version). Equal marks mean nothing was written in between.
 */
export function libraryRevision(db: DB): string {
  const changes = sql(db, 'SELECT total_changes()').pluck().get() as number;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  return `${changes}.${dataVersion}`;
}
