// The library file's moves that the keeper makes: whether an open needs its consistency check, how
// long that check should take, putting a damaged file aside unchanged, and installing a restored or
// salvaged file in the library's place. Plain file operations on the paths they are given.
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, readSidecar, writeSidecar, type LibrarySidecar } from '../../db/sidecar';
import { verifyCopyInWorker } from '../../db/verify-worker';

export const DAMAGED_FOLDER = 'damaged';

/** Bytes per ms quick_check gets through when there is no earlier check to go by (measured: 285 MB
 * in about 17 s on a loaded two-core machine, so the estimate errs on the long side). */
const TYPICAL_CHECK_BYTES_PER_MS = 15_000;

/** The file and its journal, in bytes: what quick_check reads. */
export function libraryBytes(file: string): number {
  return fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
}

/** How long quick_check should take, from the last check of this library or a typical rate. */
export function expectedCheckMs(bytes: number, last: LibrarySidecar['lastQuickCheck'] | undefined): number {
  return Math.max(500, last ? (last.ms * bytes) / last.bytes : bytes / TYPICAL_CHECK_BYTES_PER_MS);
}

/**
 * PRAGMA quick_check of the library in a worker thread; onStart is told the size and the expected
 * time as it begins (the checking screen's progress). Answers what the check found wrong, or how
 * long it took.
 */
export async function quickCheckLibrary(
  file: string,
  sidecar: LibrarySidecar | null,
  nativeBinding: string | undefined,
  onStart: (check: { bytes: number; startedAt: number; expectedMs: number }) => void,
): Promise<{ problem: string } | { took: { ms: number; bytes: number } }> {
  const bytes = libraryBytes(file);
  const startedAt = performance.now();
  onStart({ bytes, startedAt, expectedMs: expectedCheckMs(bytes, sidecar?.lastQuickCheck) });
  const result = await verifyCopyInWorker(file, { mode: 'quick', requireApplicationId: false, nativeBinding });
  if ('problem' in result) return { problem: result.problem.replace(/^it failed SQLite's check \((.*)\)$/s, '$1') };
  return { took: { ms: Math.round(performance.now() - startedAt), bytes } };
}

/** quick_check costs seconds on a large library; a file exactly as a clean close left it, checked
 * within the week, skips it (see `npm run bench -- store` for the figures). forced: the keeper's option. */
export function needsQuickCheck(file: string, sidecar: LibrarySidecar | null, forced: boolean | undefined): boolean {
  if (forced !== undefined) return forced;
  if (!sidecar || sidecar.state !== 'closed' || sidecar.closedMtimeMs === null || !sidecar.lastQuickCheckAt) return true;
  if (Date.now() - Date.parse(sidecar.lastQuickCheckAt) > 7 * 86_400_000) return true;
  if (!fs.existsSync(file) || fs.existsSync(`${file}-wal`)) return true;
  const stat = fs.statSync(file);
  return stat.size !== sidecar.fileBytes || stat.mtimeMs !== sidecar.closedMtimeMs;
}

/** Moves (or, with how = 'copy', copies) the file and its journal into damaged/, unchanged. Returns the path relative to dataDir. */
export function putDamagedAside(file: string, dataDir: string, how: 'move' | 'copy'): string | null {
  if (!fs.existsSync(file)) return null;
  const dir = path.join(dataDir, DAMAGED_FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
  const base = `${path.basename(file, '.sqlite')}-${stamp}.sqlite`;
  for (const ext of ['', '-wal', '-shm']) {
    if (!fs.existsSync(file + ext)) continue;
    if (how === 'move') fs.renameSync(file + ext, path.join(dir, base + ext));
    else fs.copyFileSync(file + ext, path.join(dir, base + ext));
  }
  fsyncDir(dir);
  fsyncDir(dataDir);
  return path.join(DAMAGED_FOLDER, base);
}

/** Puts a finished file in the library's place: fsync, rename, fsync the folder. */
export function installLibraryFile(file: string, dataDir: string, ready: string, reason: 'restore' | 'salvage', lastQuickCheck: LibrarySidecar['lastQuickCheck']): void {
  const fd = fs.openSync(ready, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // A journal left beside the old file would be replayed into the new one.
  for (const ext of ['-wal', '-shm']) fs.rmSync(file + ext, { force: true });
  fs.renameSync(ready, file);
  fsyncDir(dataDir);
  // The sidecar describes the file now in place; a restored copy is already a backup.
  const prior = readSidecar(file);
  writeSidecar(file, {
    state: 'closed',
    fileBytes: fs.statSync(file).size,
    sources: 0,
    briefs: 0,
    changedSinceBackup: reason === 'salvage',
    lastBackupAt: prior?.lastBackupAt ?? null,
    closedMtimeMs: null,
    lastQuickCheckAt: null,
    lastQuickCheck,
  });
}
