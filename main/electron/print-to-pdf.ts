// The desktop app prints with webContents.printToPDF: the same Chromium engine and the same
// PrintOptions as Playwright's page.pdf() in browser mode, mapped side by side in
// main/export/print-options.ts, so one layout gives one PDF. The print view is a file in a temporary folder, loaded into a hidden,
// sandboxed window on its own session that may load nothing but that file and data: URLs.
// The window is a child of nothing: closing the main window does not destroy it mid-print, and the
// quit sequence (main/desktop/lifecycle.ts) waits for the export to finish writing.
import { BrowserWindow, session } from 'electron';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { electronPdfOptions } from '../export/print-options';
import { isAllowedPrintRequest } from '../security/print-requests';
import type { PdfRenderer, PrintOptions } from '../ports';

const PARTITION = 'sourcemark-print';

let sessionReady = false;
/** The print-view files being printed right now: the only files the print session may load. */
const printing = new Set<string>();

const printSessions = new WeakSet<Electron.Session>();

/** The print session keeps its own, narrower request filter; the app's generic one must not replace it. */
export function isPrintSession(s: Electron.Session): boolean {
  return printSessions.has(s);
}

function printSession(): Electron.Session {
  const s = session.fromPartition(PARTITION, { cache: false });
  if (!sessionReady) {
    printSessions.add(s);
    // A brief's print view needs no network: anything but its own file and inline data is refused.
    s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url, printing) }));
    s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    s.setPermissionCheckHandler(() => false);
    s.setSpellCheckerEnabled(false);
    sessionReady = true;
  }
  return s;
}

export function createElectronPdfRenderer(): PdfRenderer {
  return {
    async render(html: string, options: PrintOptions): Promise<Uint8Array> {
      // A file, not a data: URL: a long brief with its fonts is several megabytes, past the URL limit.
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sourcemark-print-'));
      const file = path.resolve(dir, 'brief.html');
      const win = new BrowserWindow({
        show: false,
        width: 1024,
        height: 1400,
        webPreferences: {
          session: printSession(),
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          // The page has no scripts (and its CSP forbids them); executeJavaScript below still runs.
          javascript: true,
          spellcheck: false,
        },
      });
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      printing.add(file);
      try {
        await fs.writeFile(file, html, 'utf8');
        await win.loadFile(file);
        await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)', true);
        const pdf = await win.webContents.printToPDF(electronPdfOptions(options));
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        printing.delete(file);
        if (!win.isDestroyed()) win.destroy();
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    async close() {
      // Nothing stays open between exports.
    },
  };
}
