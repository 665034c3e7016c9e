// Browser mode and tests print with Playwright's page.pdf(): the same Chromium engine and the same
// options as Electron's webContents.printToPDF. The browser starts on the first export and stays up.
import { chromium, type Browser } from 'playwright-core';
import { chromiumExecutable, headlessChromiumArgs } from '../chromium';
import type { PdfRenderer, PrintOptions } from '../service/context';
import { playwrightPdfOptions } from './print-options';

export interface PlaywrightPdfOptions {
  /** Extra environment for Chromium, e.g. FONTCONFIG_FILE to prove the PDF needs no system fonts. */
  env?: Record<string, string>;
}

export function createPlaywrightPdfRenderer(launchOptions: PlaywrightPdfOptions = {}): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  const launch = () => {
    browser ??= chromium
      .launch({
        executablePath: chromiumExecutable(),
        args: headlessChromiumArgs,
        ...(launchOptions.env ? { env: { ...process.env, ...launchOptions.env } as Record<string, string> } : {}),
      })
      .catch((err: unknown) => {
        browser = null;
        throw err;
      });
    return browser;
  };
  return {
    async render(html: string, options: PrintOptions): Promise<Uint8Array> {
      const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready).catch(() => undefined);
        return await page.pdf(playwrightPdfOptions(options));
      } finally {
        await context.close();
      }
    },
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b).close().catch(() => undefined);
    },
  };
}
