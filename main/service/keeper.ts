// The keeper of one library file: it decides at start whether the file may be opened (or is refused,
// or is damaged and the service starts in its recovery state), keeps the sidecar up to date, owns
// the backup scheduler, and runs restore and salvage (keeper-recovery.ts), which replace the file
// and reopen it; the file moves themselves are in keeper-files.ts.
// A damaged file is never opened for writing; restore and salvage move it, byte for byte, into the
// "damaged" folder beside the library before anything takes its place.
import fs from 'node:fs';
import path from 'node:path';
import { listBackups, libraryCounts } from '../../db/backup';
import { latestSchemaVersion, openStore, type Store } from '../../db/connection';
import { AppError } from '../../db/errors';
import { inspectLibraryFile, malformed, readOnlyProblem, type Inspection, type LibraryProblem } from '../../db/library-file';
import { readSidecar, removeSidecar, writeSidecar, type LibrarySidecar } from '../../db/sidecar';
import { createBackupScheduler, type BackupScheduler } from './backups';
import { installLibraryFile, needsQuickCheck, putDamagedAside, quickCheckLibrary } from './keeper-files';
import { damagedWhileOpen, newestGoodBackup, restoreLibrary, salvageLibrary, type KeeperParts } from './keeper-recovery';
import type { CheckProgress, Keeper, KeeperOptions } from './keeper-types';

export type { CheckProgress, Keeper, KeeperOptions } from './keeper-types';

/** Throws LIBRARY_REFUSED for a file that is not ours or cannot be written; otherwise opens or recovers. */
export async function openKeeper(options: KeeperOptions): Promise<Keeper> {
  const { file, dataDir } = options;
  const backupsDir = path.join(dataDir, 'backups');
  let store: Store | null = null;
  let problem: LibraryProblem | null = null;
  let scheduler: BackupScheduler | null = null;
  let busy: Promise<unknown> = Promise.resolve();

  const refuse = (p: LibraryProblem): never => {
    throw new AppError('LIBRARY_REFUSED', `${p.title}. ${p.message} ${p.wayOut}`, { kind: p.kind, file: p.file });
  };

  let lastQuickCheckAt: string | null = null;
  let lastQuickCheck: { ms: number; bytes: number } | null = null;
  let check: { bytes: number; startedAt: number; expectedMs: number } | null = null;

  function record(state: 'open' | 'closed', s: Store, closedMtimeMs: number | null = null) {
    const counts = libraryCounts(s.db);
    writeSidecar(file, {
      state,
      fileBytes: fs.statSync(file).size,
      ...counts,
      changedSinceBackup: scheduler ? scheduler.changed() : true,
      lastBackupAt: scheduler?.lastBackupAt ?? readSidecar(file)?.lastBackupAt ?? null,
      closedMtimeMs,
      lastQuickCheckAt,
      lastQuickCheck,
    });
  }

  interface Plan {
    sidecar: LibrarySidecar | null;
    quickCheck: boolean;
    inspection: Extract<Inspection, { verdict: 'new' | 'ok' }> | null;
  }

  /** The cheap look at the file (no consistency check yet): throws LIBRARY_REFUSED, or notes damage. */
  function inspect(): Plan {
    const sidecar = readSidecar(file);
    const quickCheck = needsQuickCheck(file, sidecar, options.quickCheck);
    const inspection = inspectLibraryFile(file, { sidecar, latestVersion: latestSchemaVersion, quickCheck: false });
    if (inspection.verdict === 'refused') return refuse(inspection.problem);
    if (inspection.verdict === 'damaged') {
      damagedAtOpen(inspection.problem);
      return { sidecar, quickCheck, inspection: null };
    }
    const readOnly = readOnlyProblem(file);
    if (readOnly) return refuse(readOnly);
    return { sidecar, quickCheck, inspection };
  }

  function damagedAtOpen(p: LibraryProblem): void {
    problem = p;
    options.log(`Sourcemark: ${p.title}.\n  File: ${p.file}\n  ${p.message}\n  ${p.wayOut}`);
  }

  /**
   * PRAGMA quick_check, in a worker thread so that the transports keep answering (and the analyst
   * sees a checking screen with its progress) while it reads the whole file. Nothing has the file
   * open for writing yet. Returns what the check found wrong, or null.
   */
  async function consistencyCheck(sidecar: LibrarySidecar | null): Promise<string | null> {
    try {
      const result = await quickCheckLibrary(file, sidecar, options.nativeBinding, (started) => (check = started));
      if ('problem' in result) return result.problem;
      lastQuickCheck = result.took;
      return null;
    } finally {
      check = null;
    }
  }

  /** Checks (when needed) and opens what inspect() found sound; sets either store or problem. */
  async function finishOpen(plan: Plan, reason: 'start' | 'restore' | 'salvage'): Promise<void> {
    const { sidecar, quickCheck, inspection } = plan;
    if (!inspection) return;
    lastQuickCheck = sidecar?.lastQuickCheck ?? null;
    if (inspection.verdict === 'ok' && quickCheck && inspection.hasTables) {
      const found = await consistencyCheck(sidecar);
      if (found !== null) {
        damagedAtOpen(malformed(file, found));
        return;
      }
    }
    // A file created now is sound by construction; counts as checked.
    const checkedNow = inspection.verdict === 'new' || quickCheck;
    lastQuickCheckAt = checkedNow ? new Date().toISOString() : (sidecar?.lastQuickCheckAt ?? null);
    const s = await openStore(file, { nativeBinding: options.nativeBinding });
    store = s;
    problem = null;
    scheduler = createBackupScheduler(dataDir, s.db, file, {
      ...options.backup,
      nativeBinding: options.nativeBinding,
      changedBefore: sidecar === null || sidecar.changedSinceBackup || sidecar.state === 'open',
      lastBackupAt: sidecar?.lastBackupAt ?? null,
      log: options.log,
      onBackup: () => {
        if (store === s) record('open', s);
      },
    });
    record('open', s);
    await options.onOpened(s, reason);
    // A library that changed since its last backup gets one now, in the background.
    const hasContent = libraryCounts(s.db);
    if (scheduler.changed() && (hasContent.sources > 0 || hasContent.briefs > 0 || listBackups(backupsDir).length > 0)) void scheduler.take('open');
  }

  const openOrRecover = (reason: 'start' | 'restore' | 'salvage') => finishOpen(inspect(), reason);

  async function closeStore(): Promise<void> {
    const s = store;
    if (!s) return;
    await scheduler?.idle();
    scheduler?.stop();
    let counts: { sources: number; briefs: number } | null = null;
    try {
      s.db.pragma('wal_checkpoint(TRUNCATE)');
      // Recorded before the close deletes the journal: a crash in between leaves "closed" and a
      // journal, never "open" and none (which would read as a lost journal).
      record('closed', s);
      counts = libraryCounts(s.db);
    } finally {
      store = null;
      scheduler = null;
      s.close();
    }
    // Then the file's final mtime, so the next start can tell it was not touched since.
    const prior = readSidecar(file);
    if (prior && counts) writeSidecar(file, { ...prior, closedMtimeMs: fs.statSync(file).mtimeMs });
  }

  /** A copy of the file as it was when damage was found while it was open (see degrade). */
  let snapshot: string | null = null;

  function moveDamagedAside(): string | null {
    removeSidecar(file);
    if (snapshot) {
      // The file was copied aside when the damage was found; what is left here went through a close.
      for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true });
      const kept = snapshot;
      snapshot = null;
      return kept;
    }
    return putDamagedAside(file, dataDir, 'move');
  }

  /**
   * SQLite found damage while the library was open (a read failed with SQLITE_CORRUPT): from now on
   * nothing is written. The file and its journal are copied aside first, as they are, since closing
   * the connection runs a checkpoint; then the service is in its recovery state, as at a start.
   */
  function degrade(detail: string): void {
    const s = store;
    if (!s) return;
    options.log(`Sourcemark: the library was found damaged while open (${detail}); no more changes will be written.`);
    snapshot = putDamagedAside(file, dataDir, 'copy');
    scheduler?.stop();
    scheduler = null;
    store = null;
    try {
      s.close();
    } catch {
      // already unusable
    }
    problem = damagedWhileOpen(file, detail, snapshot);
  }


  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = busy.catch(() => undefined).then(fn);
    busy = next.catch(() => undefined);
    return next;
  }

  const newestGood = () => newestGoodBackup(backupsDir, options.nativeBinding);

  // Refusals are thrown from here; the check and the open run on, awaited unless in the background.
  const started = finishOpen(inspect(), 'start');
  if (!options.background) await started;
  // A failed open is reported through `ready`, the calls that wait for it and libraryStatus.
  let failure: unknown = null;
  started.catch((err: unknown) => {
    failure = err;
  });

  const parts: KeeperParts = {
    file,
    backupsDir,
    nativeBinding: options.nativeBinding,
    store: () => store,
    problem: () => problem,
    scheduler: () => scheduler,
    newestGood,
    closeStore,
    moveDamagedAside,
    install: (ready, reason) => installLibraryFile(file, dataDir, ready, reason, lastQuickCheck),
    openOrRecover,
  };

  const progress = (): CheckProgress | null =>
    check ? { bytes: check.bytes, elapsedMs: Math.round(performance.now() - check.startedAt), expectedMs: Math.round(check.expectedMs) } : null;

  return {
    get store() {
      return store;
    },
    get problem() {
      return problem;
    },
    ready: started,
    checking: progress,
    get backups() {
      return scheduler;
    },
    noticeError(err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || !/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return false;
      degrade((err as Error).message);
      return true;
    },
    async status() {
      if (failure) throw failure;
      const now = progress();
      return {
        state: now ? 'checking' : problem ? 'damaged' : 'ok',
        check: now,
        dataDir,
        file,
        problem: problem ? { kind: problem.kind, title: problem.title, message: problem.message, wayOut: problem.wayOut } : null,
        backupsFolder: backupsDir,
        lastBackupAt: scheduler?.lastBackupAt ?? readSidecar(file)?.lastBackupAt ?? null,
        backupWarning: scheduler?.warning ?? null,
        newestGoodBackup: problem ? await newestGood() : null,
      };
    },
    listBackups: () => listBackups(backupsDir),
    restore: (name) => exclusive(() => restoreLibrary(parts, name)),
    salvage: () => exclusive(() => salvageLibrary(parts)),
    close: () => exclusive(closeStore),
  };
}
