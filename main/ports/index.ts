// The back end's ports: what every part of the service is given (the store, where data lives) and
// the things that differ between the desktop app and browser mode (how a PDF is printed, native
// dialogs). Interfaces only, so every layer may import them.
import type { Store } from '../../db/connection';
import type { MethodResult, ParsedInput } from '../contract';

/** Chromium print options, shared by webContents.printToPDF and Playwright's page.pdf(). */
export interface PrintOptions {
  format: 'A4' | 'Letter';
  /** Inches. Set here, not in @page: Chromium drops the header and footer otherwise. */
  margin: { top: number; bottom: number; left: number; right: number };
  headerTemplate: string;
  footerTemplate: string;
  /** Tagged PDF with a document outline, where this Chromium supports it. */
  outline: boolean;
}

export interface PdfRenderer {
  /** Renders a complete, self-contained HTML document (fonts inlined) to PDF bytes. */
  render(html: string, options: PrintOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A file type the save dialog offers, e.g. { name: 'PDF', extensions: ['pdf'] }. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What only the desktop shell can do. Browser mode answers UNSUPPORTED (main/service/index.ts). */
export interface ShellOps {
  /** The native save dialog; the chosen path, or null when the analyst cancels. */
  chooseSavePath(suggestedName: string, filter: FileFilter): Promise<string | null>;
  pickOpenPaths(input: ParsedInput<'pickOpenPaths'>): Promise<MethodResult<'pickOpenPaths'>>;
  /** Opens a file with the system's program for its type. */
  openPath(file: string): Promise<void>;
}

/** Which files on disk a client may have the back end read (policy in main/security/file-access.ts). */
export type ImportAccess =
  /** Desktop: exactly the files and folders the analyst picked in the native open dialog. */
  | { kind: 'picked'; mayRead(file: string): boolean }
  /** Browser mode: anything inside these folders (none: importing by path is off). */
  | { kind: 'folders'; folders: readonly string[] };

export interface ServiceContext {
  store: Store;
  dataDir: string;
  mode: 'electron' | 'web';
  version: string;
  pdf: PdfRenderer;
  shell: ShellOps;
  /** Which files on disk an import call may name (the open dialog's picks, or --import-dir folders). */
  importAccess: ImportAccess;
  /** Browser mode: the same-origin address the browser downloads an export from (GET /exports/:id). */
  downloadUrl?: (recordId: number) => string;
}
