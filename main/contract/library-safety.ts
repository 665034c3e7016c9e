// The library's health, its backups, restore and salvage. These are the only methods that answer
// while the library is damaged (every other method then answers LIBRARY_DAMAGED with the reason).
import { z } from 'zod';
import type { BackupInfo } from '../../db/backup';
import type { SalvageReport } from '../../db/salvage';
import { method } from './method';

export type { BackupInfo } from '../../db/backup';
export type { SalvageReport, SalvageTable } from '../../db/salvage';

export interface LibraryStatus {
  /** 'damaged': the service is in its recovery state and has not written to the file. 'checking':
   * SQLite's consistency check runs before anything may write (after an unclean shutdown, or a week
   * after the last one); every other call waits for it. */
  state: 'ok' | 'damaged' | 'checking';
  /** While checking: how far it has got, by the clock against an estimate from the last check. */
  check: { bytes: number; elapsedMs: number; expectedMs: number } | null;
  dataDir: string;
  file: string;
  problem: { kind: string; title: string; message: string; wayOut: string } | null;
  backupsFolder: string;
  lastBackupAt: string | null;
  /** Why backups are paused or the last one failed; null when all is well. */
  backupWarning: string | null;
  /** In the recovery state: the newest backup that passes its check, if any. */
  newestGoodBackup: BackupInfo | null;
}

export interface RestoreOutcome {
  restored: BackupInfo;
  /** Where the library that was replaced now is, relative to the data folder. */
  keptAside: string | null;
}

export interface SalvageOutcome {
  report: SalvageReport;
  keptAside: string | null;
  sources: number;
  briefs: number;
}

const backupName = z.string().regex(/^library-\d{8}T\d{9}Z-[a-z-]+\.sqlite$/, { error: 'That is not the name of a backup.' });

export const librarySafetyMethods = {
  libraryStatus: method(z.strictObject({})).returns<LibraryStatus>(),
  listBackups: method(z.strictObject({})).returns<BackupInfo[]>(),
  backupNow: method(z.strictObject({})).returns<BackupInfo>(),
  /** Restores the named backup, or the newest good one when no name is given. */
  restoreBackup: method(z.strictObject({ name: backupName.optional() })).returns<RestoreOutcome>(),
  /** In the recovery state: copies what can still be read into a new library. */
  salvageLibrary: method(z.strictObject({})).returns<SalvageOutcome>(),
} as const;
