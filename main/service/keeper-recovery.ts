// Restore and salvage: the two ways out of a damaged library (and restore also out of a sound one).
// Each replaces the library file and reopens it through the keeper; whatever the library was is
// kept first, as a backup of its own or byte for byte in the damaged folder.
import fs from 'node:fs';
import path from 'node:path';
import { markDemoSeeded } from '../../db/app-meta';
import { libraryCounts, listBackups, type BackupInfo } from '../../db/backup';
import { openStore, type Store } from '../../db/connection';
import { AppError } from '../../db/errors';
import type { LibraryProblem } from '../../db/library-file';
import { salvageInto } from '../../db/salvage';
import { verifyCopyInWorker } from '../../db/verify-worker';
import type { RestoreOutcome, SalvageOutcome } from '../contract/library-safety';
import type { BackupScheduler } from './backups';

/** What restore and salvage need of the keeper: its state, read afresh at each step, and its moves. */
export interface KeeperParts {
  file: string;
  backupsDir: string;
  nativeBinding: string | undefined;
  store(): Store | null;
  problem(): LibraryProblem | null;
  scheduler(): BackupScheduler | null;
  newestGood(): Promise<BackupInfo | null>;
  closeStore(): Promise<void>;
  /** Takes the damaged file (or the copy made when damage was found) out of the library's place. */
  moveDamagedAside(): string | null;
  install(ready: string, reason: 'restore' | 'salvage'): void;
  openOrRecover(reason: 'restore' | 'salvage'): Promise<void>;
}

/** The newest backup that passes quick_check, or null. */
export async function newestGoodBackup(backupsDir: string, nativeBinding: string | undefined): Promise<BackupInfo | null> {
  for (const b of listBackups(backupsDir)) {
    if (b.ok && 'counts' in (await verifyCopyInWorker(path.join(backupsDir, b.name), { mode: 'quick', nativeBinding }))) return b;
  }
  return null;
}

/** What the analyst is told when SQLite found the open library damaged; snapshot: where its copy went. */
export function damagedWhileOpen(file: string, detail: string, snapshot: string | null): LibraryProblem {
  return {
    kind: 'malformed',
    file,
    title: 'The library file is damaged',
    message: `SQLite found ${file} damaged while reading it (${detail}). Sourcemark stopped writing to it at once; a copy as it was then is kept in ${snapshot ?? 'the damaged folder'}.`,
    wayOut: 'Restore the newest good backup, or salvage what can still be read into a new library.',
  };
}

export async function restoreLibrary(k: KeeperParts, name: string | undefined): Promise<RestoreOutcome> {
  const chosen = name ? listBackups(k.backupsDir).find((b) => b.name === name) : await k.newestGood();
  if (!chosen) {
    throw new AppError('NOT_FOUND', name ? `There is no backup called ${name} in ${k.backupsDir}.` : `There is no usable backup in ${k.backupsDir}.`);
  }
  const source = path.join(k.backupsDir, chosen.name);
  const check = await verifyCopyInWorker(source, { mode: 'integrity', nativeBinding: k.nativeBinding });
  if ('problem' in check) throw new AppError('BACKUP_FAILED', `The backup ${chosen.name} cannot be restored: ${check.problem}. Choose another one.`);
  let keptAside: string | null;
  const scheduler = k.scheduler();
  if (k.store() && scheduler) {
    // The library being replaced is kept as a backup of its own, so a restore can be undone.
    const aside = await scheduler.take('before-restore', { force: true });
    keptAside = aside ? path.join('backups', aside.name) : null;
    await k.closeStore();
  } else {
    keptAside = k.moveDamagedAside();
  }
  const ready = `${k.file}.restoring`;
  fs.copyFileSync(source, ready);
  k.install(ready, 'restore');
  await k.openOrRecover('restore');
  const problem = k.problem();
  if (problem) throw new AppError('LIBRARY_DAMAGED', `The restored library still does not open: ${problem.message}`);
  return { restored: { ...chosen, ...check.counts }, keptAside };
}

export async function salvageLibrary(k: KeeperParts): Promise<SalvageOutcome> {
  if (!k.problem()) throw new AppError('INVALID_INPUT', 'The library is not damaged: there is nothing to salvage.');
  const { file } = k;
  const ready = `${file}.salvage`;
  for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(ready + ext, { force: true });
  const target = await openStore(ready, { nativeBinding: k.nativeBinding });
  let report;
  try {
    report = salvageInto(fs.existsSync(file) && fs.statSync(file).size > 0 ? file : null, target.db);
    // This folder held the analyst's library: the demo is not written into what was saved.
    markDemoSeeded(target.db);
    target.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    target.close();
  }
  const keptAside = k.moveDamagedAside();
  k.install(ready, 'salvage');
  await k.openOrRecover('salvage');
  const store = k.store();
  if (!store) throw new AppError('LIBRARY_DAMAGED', `The salvaged library does not open: ${k.problem()?.message ?? 'unknown reason'}`);
  return { report, keptAside, ...libraryCounts(store.db) };
}
