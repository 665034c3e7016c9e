// Browser mode and tests print with Playwright's page.pdf(): the same Chromium engine and the same
// options as Electron's webContents.printToPDF. The browser starts on the first export and stays up.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromiumBinary, headlessChromiumArgs, offlineChromiumEnv } from '../platform/chromium';
import type { PdfRenderer, PrintOptions } from '../ports';
import { playwrightPdfOptions } from './print-options';

export interface PlaywrightPdfOptions {
  /** Extra environment for Chromium, e.g. FONTCONFIG_FILE to prove the PDF needs no system fonts. */
  env?: Record<string, string>;
}

export function createPlaywrightPdfRenderer(launchOptions: PlaywrightPdfOptions = {}): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  const launch = () => {
    // Playwright is loaded on the first export, not at startup: it is a second of module loading that
    // a server which never prints a PDF should not pay.
    browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({
        executablePath: chromiumBinary(),
        args: headlessChromiumArgs,
        env: offlineChromiumEnv({ ...process.env, ...launchOptions.env }),
      }))
      .catch((err: unknown) => {
        browser = null;
        throw err;
      });
    return browser;
  };
  return {
    async render(html: string, options: PrintOptions): Promise<Uint8Array> {
      // Loaded from a file, as Electron does: cheaper than setContent, which pushes megabytes of
      // fonts through the protocol and document.write. The page's CSP still blocks every load
      // but its inline fonts.
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sourcemark-print-'));
      const file = path.join(dir, 'brief.html');
      const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
      try {
        await fs.writeFile(file, html, 'utf8');
        const page = await context.newPage();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready).catch(() => undefined);
        return await page.pdf(playwrightPdfOptions(options));
      } finally {
        await context.close();
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b).close().catch(() => undefined);
    },
  };
}
