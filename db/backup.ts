// Rolling backups of the library with SQLite's online backup API: a consistent copy taken while the
// library stays open, verified (integrity_check, our application id) before it gets its final name,
// kept in <data folder>/backups/ as library-<UTC time>-<reason>.sqlite, and pruned to a bounded set.
import Database, { type Database as DB } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';
import { APPLICATION_ID } from './library-file';
import { fsyncDir } from './sidecar';
import { verifyCopyInWorker } from './verify-worker';

export const BACKUP_REASONS = ['open', 'periodic', 'before-delete', 'before-restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** The file name inside the backups folder; what restore takes. */
  name: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  /** Null when the copy cannot be read (then ok is false). */
  sources: number | null;
  briefs: number | null;
  ok: boolean;
  problem: string | null;
}

const NAME = /^library-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z-]+)\.sqlite$/;

export function backupName(at: Date, reason: BackupReason): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `library-${stamp}-${reason}.sqlite`;
}

export function parseBackupName(name: string): { createdAt: Date; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const reason = m[8] as BackupReason;
  if (!BACKUP_REASONS.includes(reason)) return null;
  const createdAt = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, reason };
}

export interface LibraryCounts {
  sources: number;
  briefs: number;
}

export function libraryCounts(db: DB): LibraryCounts {
  return db.prepare('SELECT (SELECT count(*) FROM source) AS sources, (SELECT count(*) FROM brief) AS briefs').get() as LibraryCounts;
}

/** Rows this connection has changed since it opened: a backup is due only when the count moved. */
export function changeCounter(db: DB): () => number {
  const total = db.prepare('SELECT total_changes()').pluck();
  return () => total.get() as number;
}

export interface BackupWriteOptions {
  at?: Date;
  nativeBinding?: string;
  /** Called once the copy is made, before it is checked: a deletion waiting for its backup may go on. */
  onCopied?: () => void;
}

/**
 * Copies the open library into dir with the online backup API, then, in a worker thread, switches
 * the copy to a rollback journal (so it opens read-only without -wal/-shm files beside it) and
 * verifies it with integrity_check; only then does it get its final name. Because the backup API
 * copies pages as they are, a copy that fails its check also means the library itself is damaged.
 * Throws BACKUP_FAILED when the copy does not verify; the half-made copy is removed.
 */
export async function writeVerifiedBackup(db: DB, dir: string, reason: BackupReason, options: BackupWriteOptions = {}): Promise<BackupInfo> {
  const at = options.at ?? new Date();
  fs.mkdirSync(dir, { recursive: true });
  let name = backupName(at, reason);
  for (let i = 1; fs.existsSync(path.join(dir, name)); i += 1) name = backupName(new Date(at.getTime() + i), reason);
  const final = path.join(dir, name);
  const tmp = `${final}.partial`;
  try {
    await db.backup(tmp);
    options.onCopied?.();
    const checked = await verifyCopyInWorker(tmp, { convert: true, nativeBinding: options.nativeBinding });
    if ('problem' in checked) throw new AppError('BACKUP_FAILED', `The backup just written to ${final} failed its check: ${checked.problem}. It was not kept.`);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, final);
    fsyncDir(dir);
    return { name, createdAt: at.toISOString(), reason, bytes: fs.statSync(final).size, ...checked.counts, ok: true, problem: null };
  } catch (err) {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_FAILED', `The backup to ${final} could not be written: ${(err as Error).message}`);
  }
}

/** Every backup in dir, newest first, each opened read-only to count what it holds. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    const bytes = fs.statSync(file).size;
    const info = readCounts(file);
    out.push({
      name,
      createdAt: parsed.createdAt.toISOString(),
      reason: parsed.reason,
      bytes,
      sources: 'counts' in info ? info.counts.sources : null,
      briefs: 'counts' in info ? info.counts.briefs : null,
      ok: 'counts' in info,
      problem: 'problem' in info ? info.problem : null,
    });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

function readCounts(file: string): { counts: LibraryCounts } | { problem: string } {
  let db: DB | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) return { problem: 'it is not a Sourcemark library' };
    return { counts: libraryCounts(db) };
  } catch (err) {
    return { problem: `it cannot be read (${(err as Error).message})` };
  } finally {
    db?.close();
  }
}

export interface RetentionPolicy {
  /** The newest N backups are always kept. */
  keepLast: number;
  /** Beyond those, the newest backup of each of the last N days (UTC) is kept. */
  keepDaily: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepLast: 10, keepDaily: 7 };

/**
 * Which backups to delete: everything but the newest keepLast, the newest of each of the last
 * keepDaily days, and any copy kept aside by a restore in those days (restore is reversible for a week).
 */
export function backupsToPrune(backups: readonly Pick<BackupInfo, 'name' | 'createdAt' | 'reason'>[], now: Date, policy = DEFAULT_RETENTION): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, policy.keepLast).map((b) => b.name));
  const dayMs = 86_400_000;
  const today = Math.floor(now.getTime() / dayMs);
  const seenDays = new Set<number>();
  for (const b of newestFirst) {
    const day = Math.floor(new Date(b.createdAt).getTime() / dayMs);
    if (today - day >= policy.keepDaily) continue;
    if (b.reason === 'before-restore') keep.add(b.name);
    if (!seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.name);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/** Bytes free for an unprivileged writer on the file system holding dir; null where unknown. */
export function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
