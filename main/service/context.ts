// What every part of the service shares: the store, where data lives, and the two things that
// differ between the desktop app and browser mode (how a PDF is printed, and native dialogs).
import type { Store } from '../../db/connection';
import type { MethodResult, ParsedInput } from '../contract';
import type { ImportAccess } from '../security/file-access';

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

export interface ShellOps {
  pickSavePath(input: ParsedInput<'pickSavePath'>): Promise<MethodResult<'pickSavePath'>>;
  pickOpenPaths(input: ParsedInput<'pickOpenPaths'>): Promise<MethodResult<'pickOpenPaths'>>;
  openPath(input: ParsedInput<'openPath'>): Promise<MethodResult<'openPath'>>;
}

export interface ServiceContext {
  store: Store;
  dataDir: string;
  mode: 'electron' | 'web';
  version: string;
  pdf: PdfRenderer;
  shell: ShellOps;
  /** Which files on disk an import call may name (the open dialog's picks, or --import-dir folders). */
  importAccess: ImportAccess;
}
