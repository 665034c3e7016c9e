// Opens the library and assembles the service that every transport (IPC, HTTP) dispatches into.
// The transports hold one service object for the life of the process; behind it, the methods are
// rebuilt each time the library is (re)opened, after a restore or a salvage. While the library is
// damaged, only the library-safety methods answer; every other one answers LIBRARY_DAMAGED.
import path from 'node:path';
import type { OpenOptions, Store } from '../../db/connection';
import { AppError } from '../../db/errors';
import { librarySafetyMethods } from '../contract/library-safety';
import { methodNames, type LibrarySafetyMethodName, type MethodName, type Service } from '../contract';
import type { ImportAccess, PdfRenderer, ServiceContext, ShellOps } from '../ports';
import { createLibraryService } from './library';
import { createExportService } from '../export/service';
import { createImportService } from '../import/service';
import { createBundleService } from '../bundle/service';
import { createParserPool } from '../import/pool';
import { seedDemoLibrary } from './demo';
import type { BackupOptions } from './backups';
import { openKeeper, type Keeper } from './keeper';
import { acquireOwnerLock } from './owner-lock';
import { noImportFolders } from '../security/file-access';
import { addSourceWithPages } from './sources';

export interface OpenServiceOptions {
  dataDir: string;
  mode: 'electron' | 'web';
  version: string;
  pdf: PdfRenderer;
  /** Native dialogs; browser mode leaves them out and the renderer uses the browser's own. */
  shell?: ShellOps;
  nativeBinding?: OpenOptions['nativeBinding'];
  /** Files on disk an import may read; none when left out (browser mode without --import-dir). */
  importAccess?: ImportAccess;
  /** Browser mode: the address an export is downloaded from (see ServiceContext.downloadUrl). */
  downloadUrl?: (recordId: number) => string;
  /** Writes the demo library on the first run of a new data folder (default true). */
  seedDemo?: boolean;
  backup?: BackupOptions;
  /** PRAGMA quick_check on the library at open (default true). */
  quickCheck?: boolean;
  /** Return once the file is inspected (refusals are thrown before), while the consistency check and
   * the open go on; calls wait for them and libraryStatus reports the check's progress. */
  background?: boolean;
  /** Where warnings go (a skipped backup, a damaged library); stderr by default. */
  log?: (line: string) => void;
}

export interface RunningService {
  service: Service;
  /** The open library's context; throws LIBRARY_DAMAGED while the library is in its recovery state. */
  readonly ctx: ServiceContext;
  keeper: Keeper;
  /** Settles when the library is checked and open, or found damaged (see OpenServiceOptions.background). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export const LIBRARY_FILE = 'library.sqlite';

const unsupported = (what: string) => async (): Promise<never> => {
  throw new AppError('UNSUPPORTED', `${what} is only available in the desktop app; in the browser use the download or file picker instead.`);
};

export const browserShell: ShellOps = {
  chooseSavePath: unsupported('Choosing where to save'),
  pickOpenPaths: unsupported('The open dialog'),
  openPath: unsupported('Opening a file with its application'),
};

const SAFETY = new Set<string>(Object.keys(librarySafetyMethods));
const isSafetyMethod = (name: MethodName): name is LibrarySafetyMethodName => SAFETY.has(name);

export async function openService(options: OpenServiceOptions): Promise<RunningService> {
  const dataDir = path.resolve(options.dataDir);
  const lock = acquireOwnerLock(dataDir, options.mode);
  const shell = options.shell ?? browserShell;
  const importAccess = options.importAccess ?? noImportFolders;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Parsing workers start on the first import; closing the service stops them with the store.
  const parsers = createParserPool();
  let ctx: ServiceContext | null = null;
  let inner: Partial<Service> = {};

  const build = async (store: Store, reason: 'start' | 'restore' | 'salvage') => {
    const next: ServiceContext = { store, dataDir: options.dataDir, mode: options.mode, version: options.version, pdf: options.pdf, shell, importAccess, downloadUrl: options.downloadUrl };
    const library = createLibraryService(next);
    const built: Service = {
      ...library,
      // Deleting a source or a brief is the one step undo cannot take back: a backup goes first.
      deleteSource: async (input) => {
        await keeper?.backups?.beforeDestructive();
        return library.deleteSource(input);
      },
      deleteBrief: async (input) => {
        await keeper?.backups?.beforeDestructive();
        return library.deleteBrief(input);
      },
      ...createExportService(next),
      ...createImportService(next, { pool: parsers, addSource: (input, pageStarts) => addSourceWithPages(next, input, pageStarts) }),
      ...createBundleService(next),
      pickOpenPaths: (input) => shell.pickOpenPaths(input),
      ...safety,
    };
    ctx = next;
    inner = built;
    if (reason === 'start' && options.seedDemo !== false) await seedDemoLibrary(next, service);
  };

  const k = (): Keeper => {
    if (!keeper) throw new AppError('LIBRARY_DAMAGED', 'The library is still being opened; try again in a moment.');
    return keeper;
  };
  const safety: Pick<Service, LibrarySafetyMethodName> = {
    libraryStatus: () => k().status(),
    listBackups: () => k().listBackups(),
    backupNow: async () => {
      const backups = k().backups;
      if (!backups) throw damaged();
      const info = await backups.take('manual', { force: true });
      if (!info) throw new AppError('BACKUP_FAILED', backups.warning ?? 'The backup could not be written.');
      return info;
    },
    restoreBackup: ({ name }) => k().restore(name),
    salvageLibrary: () => k().salvage(),
  };

  const damaged = () => {
    const p = keeper?.problem;
    return new AppError(
      'LIBRARY_DAMAGED',
      p ? `${p.title}: ${p.message} ${p.wayOut}` : 'The library is not open.',
      p ? { kind: p.kind, file: p.file } : undefined,
    );
  };

  // The transports' one service object: each call goes to the methods of the library open now.
  const service = Object.fromEntries(
    methodNames.map((name) => [
      name,
      (input: unknown) => {
        if (isSafetyMethod(name)) return (safety[name] as (i: unknown) => unknown)(input);
        const fn = inner[name] as ((i: unknown) => unknown) | undefined;
        // Still checking or opening: the call waits for it rather than fail.
        if (!fn && keeper && !keeper.problem && !keeper.store) return keeper.ready.then(() => (service[name] as (i: unknown) => unknown)(input));
        if (!fn || keeper?.problem) throw damaged();
        // Damage SQLite finds while the library is open stops every write from then on.
        const caught = (err: unknown): never => {
          if (keeper?.noticeError(err)) throw damaged();
          throw err;
        };
        try {
          const out = fn(input);
          return out instanceof Promise ? out.catch(caught) : out;
        } catch (err) {
          return caught(err);
        }
      },
    ]),
  ) as unknown as Service;

  // Assigned once the file has been inspected; the demo is seeded (through `service`) before that.
  let keeper: Keeper | undefined;
  try {
    keeper = await openKeeper({
      dataDir,
      file: path.join(dataDir, LIBRARY_FILE),
      nativeBinding: options.nativeBinding,
      backup: options.backup,
      quickCheck: options.quickCheck,
      background: options.background,
      log,
      onOpened: (store, reason) => build(store, reason),
    });
  } catch (err) {
    await parsers.close();
    lock.release();
    throw err;
  }

  const opened: Keeper = keeper;
  let closing: Promise<void> | null = null;
  return {
    service,
    get ctx() {
      if (!ctx || opened.problem) throw damaged();
      return ctx;
    },
    keeper: opened,
    ready: opened.ready,
    close() {
      closing ??= (async () => {
        try {
          await opened.ready.catch(() => undefined);
          await parsers.close();
          await options.pdf.close();
          await opened.close();
        } finally {
          lock.release();
        }
      })();
      return closing;
    },
  };
}
