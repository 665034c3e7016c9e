// Opens the store and assembles the service that every transport (IPC, HTTP) dispatches into.
import path from 'node:path';
import { openStore, type OpenOptions } from '../../db/connection';
import { AppError } from '../../db/errors';
import type { Service } from '../contract';
import type { PdfRenderer, ServiceContext, ShellOps } from './context';
import { createLibraryService } from './library';
import { createExportService } from '../export/service';
import { createImportService } from '../import/service';
import { createParserPool } from '../import/pool';
import { seedDemoLibrary } from './demo';
import { noImportFolders, type ImportAccess } from '../security/file-access';

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
  /** Writes the demo library on the first run of a new data folder (default true). */
  seedDemo?: boolean;
}

export interface RunningService {
  service: Service;
  ctx: ServiceContext;
  close(): Promise<void>;
}

export const LIBRARY_FILE = 'library.sqlite';

const unsupported = (what: string) => async (): Promise<never> => {
  throw new AppError('UNSUPPORTED', `${what} is only available in the desktop app; in the browser use the download or file picker instead.`);
};

export const browserShell: ShellOps = {
  pickSavePath: unsupported('Choosing where to save'),
  pickOpenPaths: unsupported('The open dialog'),
  openPath: unsupported('Opening a file with its application'),
};

export async function openService(options: OpenServiceOptions): Promise<RunningService> {
  const store = await openStore(path.join(options.dataDir, LIBRARY_FILE), { nativeBinding: options.nativeBinding });
  const ctx: ServiceContext = {
    store,
    dataDir: options.dataDir,
    mode: options.mode,
    version: options.version,
    pdf: options.pdf,
    shell: options.shell ?? browserShell,
    importAccess: options.importAccess ?? noImportFolders,
  };
  const library = createLibraryService(ctx);
  // Parsing workers start on the first import; closing the service stops them with the store.
  const parsers = createParserPool();
  const service: Service = {
    ...library,
    ...createExportService(ctx),
    ...createImportService(ctx, { pool: parsers }),
    pickSavePath: (input) => ctx.shell.pickSavePath(input),
    pickOpenPaths: (input) => ctx.shell.pickOpenPaths(input),
    openPath: (input) => ctx.shell.openPath(input),
  };
  if (options.seedDemo !== false) await seedDemoLibrary(ctx, service);
  return {
    service,
    ctx,
    close: async () => {
      await parsers.close();
      await ctx.pdf.close();
      store.close();
    },
  };
}
