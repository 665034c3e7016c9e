// The keeper of one library file: it decides at start whether the file may be opened (or is refused,
// or is damaged and the service starts in its recovery state), keeps the sidecar up to date, owns
// the backup scheduler, and performs restore and salvage, which replace the file and reopen it.
// A damaged file is never opened for writing; restore and salvage move it, byte for byte, into the
// "damaged" folder beside the library before anything takes its place.
import fs from 'node:fs';
import path from 'node:path';
import { markDemoSeeded } from '../../db/app-meta';
import { listBackups, libraryCounts, type BackupInfo } from '../../db/backup';
import { verifyCopyInWorker } from '../../db/verify-worker';
import { latestSchemaVersion, openStore, type OpenOptions, type Store } from '../../db/connection';
import { AppError } from '../../db/errors';
import { inspectLibraryFile, malformed, readOnlyProblem, type Inspection, type LibraryProblem } from '../../db/library-file';
import { salvageInto } from '../../db/salvage';
import { fsyncDir, readSidecar, removeSidecar, writeSidecar, type LibrarySidecar } from '../../db/sidecar';
import type { LibraryStatus, RestoreOutcome, SalvageOutcome } from '../contract/library-safety';
import { createBackupScheduler, type BackupOptions, type BackupScheduler } from './backups';

const DAMAGED_FOLDER = 'damaged';

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

/** Bytes per ms quick_check gets through when there is no earlier check to go by (measured: 285 MB
 * in about 17 s on a loaded two-core machine, so the estimate errs on the long side). */
const TYPICAL_CHECK_BYTES_PER_MS = 15_000;

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

  /** quick_check costs seconds on a large library; a file exactly as a clean close left it, checked
   * within the week, skips it (see `npm run bench -- store` for the figures). */
  function needsQuickCheck(sidecar: LibrarySidecar | null): boolean {
    if (options.quickCheck !== undefined) return options.quickCheck;
    if (!sidecar || sidecar.state !== 'closed' || sidecar.closedMtimeMs === null || !sidecar.lastQuickCheckAt) return true;
    if (Date.now() - Date.parse(sidecar.lastQuickCheckAt) > 7 * 86_400_000) return true;
    if (!fs.existsSync(file) || fs.existsSync(`${file}-wal`)) return true;
    const stat = fs.statSync(file);
    return stat.size !== sidecar.fileBytes || stat.mtimeMs !== sidecar.closedMtimeMs;
  }

  interface Plan {
    sidecar: LibrarySidecar | null;
    quickCheck: boolean;
    inspection: Extract<Inspection, { verdict: 'new' | 'ok' }> | null;
  }

  /** The cheap look at the file (no consistency check yet): throws LIBRARY_REFUSED, or notes damage. */
  function inspect(): Plan {
    const sidecar = readSidecar(file);
    const quickCheck = needsQuickCheck(sidecar);
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
    const bytes = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    const last = sidecar?.lastQuickCheck;
    const expectedMs = Math.max(500, last ? (last.ms * bytes) / last.bytes : bytes / TYPICAL_CHECK_BYTES_PER_MS);
    const startedAt = performance.now();
    check = { bytes, startedAt, expectedMs };
    try {
      const result = await verifyCopyInWorker(file, { mode: 'quick', requireApplicationId: false, nativeBinding: options.nativeBinding });
      if ('problem' in result) return result.problem.replace(/^it failed SQLite's check \((.*)\)$/s, '$1');
      lastQuickCheck = { ms: Math.round(performance.now() - startedAt), bytes };
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

  /** Moves the damaged file and its journal into damaged/, unchanged. Returns the path relative to dataDir. */
  /** A copy of the file as it was when damage was found while it was open (see degrade). */
  let snapshot: string | null = null;

  /** Moves (or, with how = 'copy', copies) the file and its journal into damaged/, unchanged. */
  function putDamagedAside(how: 'move' | 'copy'): string | null {
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

  function moveDamagedAside(): string | null {
    removeSidecar(file);
    if (snapshot) {
      // The file was copied aside when the damage was found; what is left here went through a close.
      for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true });
      const kept = snapshot;
      snapshot = null;
      return kept;
    }
    return putDamagedAside('move');
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
    snapshot = putDamagedAside('copy');
    scheduler?.stop();
    scheduler = null;
    store = null;
    try {
      s.close();
    } catch {
      // already unusable
    }
    problem = {
      kind: 'malformed',
      file,
      title: 'The library file is damaged',
      message: `SQLite found ${file} damaged while reading it (${detail}). Sourcemark stopped writing to it at once; a copy as it was then is kept in ${snapshot ?? 'the damaged folder'}.`,
      wayOut: 'Restore the newest good backup, or salvage what can still be read into a new library.',
    };
  }

  /** Puts a finished file in the library's place: fsync, rename, fsync the folder. */
  function install(ready: string, reason: 'restore' | 'salvage'): void {
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

  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = busy.catch(() => undefined).then(fn);
    busy = next.catch(() => undefined);
    return next;
  }

  async function newestGood(): Promise<BackupInfo | null> {
    for (const b of listBackups(backupsDir)) {
      if (b.ok && 'counts' in (await verifyCopyInWorker(path.join(backupsDir, b.name), { mode: 'quick', nativeBinding: options.nativeBinding }))) return b;
    }
    return null;
  }

  // Refusals are thrown from here; the check and the open run on, awaited unless in the background.
  const started = finishOpen(inspect(), 'start');
  if (!options.background) await started;
  // A failed open is reported through `ready`, the calls that wait for it and libraryStatus.
  let failure: unknown = null;
  started.catch((err: unknown) => {
    failure = err;
  });

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
    restore: (name) =>
      exclusive(async () => {
        const chosen = name ? listBackups(backupsDir).find((b) => b.name === name) : await newestGood();
        if (!chosen) {
          throw new AppError('NOT_FOUND', name ? `There is no backup called ${name} in ${backupsDir}.` : `There is no usable backup in ${backupsDir}.`);
        }
        const source = path.join(backupsDir, chosen.name);
        const check = await verifyCopyInWorker(source, { mode: 'integrity', nativeBinding: options.nativeBinding });
        if ('problem' in check) throw new AppError('BACKUP_FAILED', `The backup ${chosen.name} cannot be restored: ${check.problem}. Choose another one.`);
        let keptAside: string | null;
        if (store && scheduler) {
          // The library being replaced is kept as a backup of its own, so a restore can be undone.
          const aside = await scheduler.take('before-restore', { force: true });
          keptAside = aside ? path.join('backups', aside.name) : null;
          await closeStore();
        } else {
          keptAside = moveDamagedAside();
        }
        const ready = `${file}.restoring`;
        fs.copyFileSync(source, ready);
        install(ready, 'restore');
        await openOrRecover('restore');
        if (problem) throw new AppError('LIBRARY_DAMAGED', `The restored library still does not open: ${problem.message}`);
        return { restored: { ...chosen, ...check.counts }, keptAside };
      }),
    salvage: () =>
      exclusive(async () => {
        if (!problem) throw new AppError('INVALID_INPUT', 'The library is not damaged: there is nothing to salvage.');
        const ready = `${file}.salvage`;
        for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(ready + ext, { force: true });
        const target = await openStore(ready, { nativeBinding: options.nativeBinding });
        let report;
        try {
          report = salvageInto(fs.existsSync(file) && fs.statSync(file).size > 0 ? file : null, target.db);
          // This folder held the analyst's library: the demo is not written into what was saved.
          markDemoSeeded(target.db);
          target.db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          target.close();
        }
        const keptAside = moveDamagedAside();
        install(ready, 'salvage');
        await openOrRecover('salvage');
        if (!store) throw new AppError('LIBRARY_DAMAGED', `The salvaged library does not open: ${problem ? (problem as LibraryProblem).message : 'unknown reason'}`);
        const counts = libraryCounts((store as Store).db);
        return { report, keptAside, ...counts };
      }),
    close: () => exclusive(closeStore),
  };
}
