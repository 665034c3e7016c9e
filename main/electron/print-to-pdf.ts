// The desktop app prints with webContents.printToPDF: the same Chromium engine and the same
// PrintOptions as Playwright's page.pdf() in browser mode, mapped side by side in
// main/export/print-options.ts, so one layout gives one PDF. The print view is a file in a temporary folder, loaded into a hidden,
// sandboxed window on its own session that may load nothing but that file and data: URLs.
import { BrowserWindow, session } from 'electron';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { electronPdfOptions } from '../export/print-options';
import type { PdfRenderer, PrintOptions } from '../service/context';

const PARTITION = 'sourcemark-print';

let sessionReady = false;

function printSession(): Electron.Session {
  const s = session.fromPartition(PARTITION, { cache: false });
  if (!sessionReady) {
    // A brief's print view needs no network: anything but its own file and inline data is refused.
    s.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !(details.url.startsWith('file:') || details.url.startsWith('data:')) });
    });
    s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    sessionReady = true;
  }
  return s;
}

export function createElectronPdfRenderer(): PdfRenderer {
  return {
    async render(html: string, options: PrintOptions): Promise<Uint8Array> {
      // A file, not a data: URL: a long brief with its fonts is several megabytes, past the URL limit.
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sourcemark-print-'));
      const file = path.join(dir, 'brief.html');
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
      try {
        await fs.writeFile(file, html, 'utf8');
        await win.loadFile(file);
        await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)', true);
        const pdf = await win.webContents.printToPDF(electronPdfOptions(options));
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        if (!win.isDestroyed()) win.destroy();
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    async close() {
      // Nothing stays open between exports.
    },
  };
}
