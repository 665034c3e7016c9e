// Browser mode and tests print with Playwright's page.pdf(): the same Chromium engine and the same
// options as Electron's webContents.printToPDF. The browser starts on the first export and stays up,
// with one page that every export reuses, one at a time (see render).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumBinary, pdfRendererChromiumArgs, offlineChromiumEnv } from '../platform/chromium';
import type { PdfRenderer, PrintOptions } from '../ports';
import { playwrightPdfOptions } from './print-options';

export interface PlaywrightPdfOptions {
  /** Extra environment for Chromium, e.g. FONTCONFIG_FILE to prove the PDF needs no system fonts. */
  env?: Record<string, string>;
}

export function createPlaywrightPdfRenderer(launchOptions: PlaywrightPdfOptions = {}): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  let page: Promise<Page> | null = null;
  /** The export in progress: the next one waits for it. */
  let queue: Promise<unknown> = Promise.resolve();

  const launch = (): Promise<Browser> => {
    if (browser) return browser;
    // Playwright is loaded on the first export, not at startup: it is a second of module loading that
    // a server which never prints a PDF should not pay.
    const launching = import('playwright-core')
      .then(({ chromium }) => chromium.launch({
        executablePath: chromiumBinary(),
        args: pdfRendererChromiumArgs,
        env: offlineChromiumEnv({ ...process.env, ...launchOptions.env }),
      }))
      .then((b) => {
        // A crashed browser is forgotten, so the next export launches a new one.
        b.on('disconnected', () => {
          if (browser === launching) {
            browser = null;
            page = null;
          }
        });
        return b;
      })
      .catch((err: unknown) => {
        browser = null;
        throw err;
      });
    browser = launching;
    return launching;
  };

  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    page = null;
    if (b) await (await b).close().catch(() => undefined);
  };

  /**
   * One page for every export, in a Chromium of one process (see pdfRendererChromiumArgs), which
   * cannot close a page without risk of taking the browser down. Pages load only their own file,
   * with no script, offline: the page keeps nothing from one brief to the next.
   */
  const printingPage = () => {
    page ??= launch()
      .then((b) => b.newContext({ javaScriptEnabled: false, offline: true }))
      .then((context) => context.newPage())
      .catch((err: unknown) => {
        page = null;
        throw err;
      });
    return page;
  };

  const print = async (html: string, options: PrintOptions): Promise<Uint8Array> => {
    // Loaded from a file, as Electron does: cheaper than setContent, which pushes megabytes of
    // fonts through the protocol and document.write. The page's CSP still blocks every load
    // but its inline fonts.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sourcemark-print-'));
    const file = path.join(dir, 'brief.html');
    const p = await printingPage();
    try {
      await fs.writeFile(file, html, 'utf8');
      await p.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await p.evaluate(() => document.fonts.ready).catch(() => undefined);
      return await p.pdf(playwrightPdfOptions(options));
    } catch (err) {
      // A page that failed mid-print may be in any state, and in one process Chromium cannot shed a
      // page safely: the next export starts a new browser.
      await closeBrowser();
      throw err;
    } finally {
      // The printed brief's document is let go now rather than when the next export navigates.
      if (page) await p.goto('about:blank').catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true });
    }
  };

  return {
    render(html: string, options: PrintOptions): Promise<Uint8Array> {
      // One export at a time: two briefs printing at once would double the peak memory for no gain
      // on a machine whose cores the one print already uses.
      const result = queue.then(() => print(html, options));
      queue = result.catch(() => undefined);
      return result;
    },
    close: closeBrowser,
  };
}
