// What the keeper of a library file (keeper.ts) is given and what it offers: its options, the
// progress of the open-time check, and the keeper itself.
import type { BackupInfo } from '../../db/backup';
import type { OpenOptions, Store } from '../../db/connection';
import type { LibraryProblem } from '../../db/library-file';
import type { LibraryStatus, RestoreOutcome, SalvageOutcome } from '../contract/library-safety';
import type { BackupOptions, BackupScheduler } from './backups';

export interface KeeperOptions {
  dataDir: string;
  file: string;
  nativeBinding?: OpenOptions['nativeBinding'];
  backup?: BackupOptions;
  /** PRAGMA quick_check at open: always, never, or (default) unless the file is exactly as it was
   * left at a clean close less than a week after its last passed check. */
  quickCheck?: boolean;
  log: (line: string) => void;
  /** Called each time a healthy library has been opened (at start, after restore or salvage). */
  onOpened: (store: Store, reason: 'start' | 'restore' | 'salvage') => Promise<void> | void;
  /** Resolve openKeeper once the file is inspected and refusals are known, before the consistency
   * check and the open (which take seconds on a large library); `ready` tells when they are done.
   * Transports use it to answer, and show the check's progress, while it runs. */
  background?: boolean;
}

/** The open-time consistency check under way: what the checking screen shows. */
export interface CheckProgress {
  bytes: number;
  elapsedMs: number;
  /** Estimated from the last check of this library (or a typical rate the first time). */
  expectedMs: number;
}

export interface Keeper {
  readonly store: Store | null;
  readonly problem: LibraryProblem | null;
  /** Settles when the library opened at start is checked and open (or found damaged). */
  readonly ready: Promise<void>;
  /** The consistency check under way, or null. */
  checking(): CheckProgress | null;
  readonly backups: BackupScheduler | null;
  /** Called with an error SQLite raised: corruption puts the library into its recovery state. */
  noticeError(err: unknown): boolean;
  status(): Promise<LibraryStatus>;
  listBackups(): BackupInfo[];
  restore(name: string | undefined): Promise<RestoreOutcome>;
  salvage(): Promise<SalvageOutcome>;
  close(): Promise<void>;
}
