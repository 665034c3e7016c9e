// When backups are taken: on open when the library changed since the last one, every few minutes
// while it is being changed, and before a destructive operation (one per minute covers a burst of
// deletions). Each copy is verified, the set is pruned, and a disk short of space gets a warning
// rather than a backup that would fill it.
import fs from 'node:fs';
import path from 'node:path';
import type { Database as DB } from 'better-sqlite3';
import { backupsToPrune, changeCounter, DEFAULT_RETENTION, freeBytes, listBackups, writeVerifiedBackup, type BackupInfo, type BackupReason, type RetentionPolicy } from '../../db/backup';
import { AppError } from '../../db/errors';

export interface BackupOptions {
  /** A periodic backup is taken this often while the library changes (default 10 minutes). */
  everyMinutes?: number;
  /** Skip a backup when fewer bytes than this plus the library's size would stay free (default 256 MiB). */
  freeSpaceFloorBytes?: number;
  retention?: RetentionPolicy;
}

const BACKUPS_FOLDER = 'backups';
const BURST_MS = 60_000;

export interface BackupScheduler {
  readonly dir: string;
  /** Why the last backup was skipped or failed, in plain words; null when the last one went well. */
  readonly warning: string | null;
  readonly lastBackupAt: string | null;
  /** Takes a backup now (unless the disk is too full: then null, with the warning set). */
  take(reason: BackupReason, options?: { force?: boolean; onCopied?: () => void }): Promise<BackupInfo | null>;
  /** Before deleting a source or a brief: a backup unless one was taken for a deletion within the minute. */
  beforeDestructive(): Promise<void>;
  /** True when the library was written since the last backup. */
  changed(): boolean;
  /** Waits for a backup in progress. */
  idle(): Promise<void>;
  stop(): void;
}

export function createBackupScheduler(
  dataDir: string,
  db: DB,
  libraryFile: string,
  options: BackupOptions & { nativeBinding?: string; changedBefore: boolean; lastBackupAt: string | null; log: (line: string) => void; onBackup: (info: BackupInfo) => void },
): BackupScheduler {
  const dir = path.join(dataDir, BACKUPS_FOLDER);
  const floor = options.freeSpaceFloorBytes ?? 256 * 1024 * 1024;
  const retention = options.retention ?? DEFAULT_RETENTION;
  const totalChanges = changeCounter(db);
  let changesAtBackup = options.changedBefore ? -1 : totalChanges();
  let warning: string | null = null;
  let lastBackupAt = options.lastBackupAt;
  let lastDestructiveBackup = 0;
  let running: Promise<BackupInfo | null> = Promise.resolve(null);
  let stopped = false;

  const changed = () => totalChanges() !== changesAtBackup;

  async function run(reason: BackupReason, force: boolean, onCopied?: () => void): Promise<BackupInfo | null> {
    if (stopped) return null;
    const need = fs.statSync(libraryFile).size + (fs.existsSync(`${libraryFile}-wal`) ? fs.statSync(`${libraryFile}-wal`).size : 0);
    fs.mkdirSync(dir, { recursive: true });
    const free = freeBytes(dir);
    if (!force && free !== null && free - need < floor) {
      warning = `Backups are paused: the disk holding ${dir} has ${(free / 1024 / 1024).toFixed(0)} MB free, and a backup needs ${(need / 1024 / 1024).toFixed(0)} MB while keeping ${(floor / 1024 / 1024).toFixed(0)} MB free. Free some space; the next backup will be taken then.`;
      options.log(`Sourcemark: ${warning}`);
      return null;
    }
    const mark = totalChanges();
    try {
      const info = await writeVerifiedBackup(db, dir, reason, { nativeBinding: options.nativeBinding, onCopied });
      changesAtBackup = mark;
      warning = null;
      lastBackupAt = info.createdAt;
      for (const name of backupsToPrune(listBackups(dir), new Date(), retention)) fs.rmSync(path.join(dir, name), { force: true });
      options.onBackup(info);
      return info;
    } catch (err) {
      warning = err instanceof AppError ? err.message : `The backup could not be written: ${(err as Error).message}`;
      options.log(`Sourcemark: ${warning}`);
      if (force) throw err;
      return null;
    }
  }

  const take = (reason: BackupReason, opts: { force?: boolean; onCopied?: () => void } = {}) => {
    // One at a time: a second request waits for the first and then runs on its own.
    const next = running.catch(() => null).then(() => run(reason, opts.force === true, opts.onCopied));
    running = next.catch(() => null);
    return next;
  };

  const minutes = options.everyMinutes ?? 10;
  const timer = setInterval(() => {
    if (changed()) void take('periodic');
  }, minutes * 60_000);
  timer.unref();

  return {
    dir,
    get warning() {
      return warning;
    },
    get lastBackupAt() {
      return lastBackupAt;
    },
    take,
    async beforeDestructive() {
      if (Date.now() - lastDestructiveBackup < BURST_MS && lastDestructiveBackup > 0) return;
      lastDestructiveBackup = Date.now();
      // Unchanged since the newest backup: that one already holds what is about to be deleted.
      if (!changed() && lastBackupAt !== null) return;
      // The deletion waits for the copy, not for its check (seconds on a large library): the copy
      // already holds what is about to go, and a copy that fails its check is reported as usual.
      await new Promise<void>((resolve) => {
        void take('before-delete', { onCopied: resolve }).finally(resolve);
      });
    },
    changed,
    idle: () => running.then(() => undefined),
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
