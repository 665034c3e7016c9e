// Browser mode and tests print with Chromium's Page.printToPDF: the same engine and the same options
// as Electron's webContents.printToPDF. The browser starts on the first export and stays up, with
// one page that every export reuses, one at a time (see render). It is driven over the DevTools
// pipe (cdp-pipe.ts) with the few commands printing needs.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumBinary, pdfRendererChromiumArgs, offlineChromiumEnv } from '../platform/chromium';
import type { PdfRenderer, PrintOptions } from '../ports';
import { cdpPrintParams } from './print-options';
import { launchCdp, type CdpConnection } from './cdp-pipe';

export interface ChromiumPdfOptions {
  /** Extra environment for Chromium, e.g. FONTCONFIG_FILE to prove the PDF needs no system fonts. */
  env?: Record<string, string>;
}

/**
 * What a headless browser driven by a tool needs besides the offline locks of pdfRendererChromiumArgs
 * (the switches Playwright starts Chromium with, less those for windows, extensions and Edge): no
 * first-run or default-browser prompts, no throttling of a page nobody looks at, sRGB colours.
 */
const automationArgs = [
  '--headless',
  '--no-startup-window',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-component-extensions-with-background-pages',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  '--enable-features=SkipListAccountsWithoutGaiaCookies',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--force-color-profile=srgb',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-search-engine-choice-screen',
  '--disable-stack-profiler',
];

/** Generic families for text the embedded fonts do not cover: those a Playwright page on Linux has, so PDFs stay as they were. */
const FONT_FAMILIES = { standard: 'Times New Roman', fixed: 'Monospace', serif: 'Times New Roman', sansSerif: 'Arial', cursive: 'Comic Sans MS', fantasy: 'Impact' };

/** A print that takes longer than this is taken as a hung browser: it is closed and the export fails. */
const PRINT_TIMEOUT_MS = 5 * 60_000;

interface Browser {
  cdp: CdpConnection;
  session: string;
  profile: string;
}

async function openBrowser(env: Record<string, string>): Promise<Browser> {
  // Where the system has no Chromium, Playwright's own download (npx playwright install chromium).
  const executable = chromiumBinary() ?? (await import('playwright-core')).chromium.executablePath();
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'sourcemark-chromium-'));
  const cdp = launchCdp(executable, [...automationArgs, ...pdfRendererChromiumArgs, `--user-data-dir=${profile}`], env);
  void cdp.exited.then(() => fs.rm(profile, { recursive: true, force: true }));
  try {
    const { browserContextId } = await cdp.send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true });
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    // The page runs no script of its own (its CSP forbids it too); the renderer's one question,
    // whether the fonts are ready, is asked in an isolated world that this does not switch off.
    await Promise.all([
      cdp.send('Page.enable', {}, sessionId),
      cdp.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId),
      cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }, sessionId),
      cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1, mobile: false }, sessionId),
      cdp.send('Page.setFontFamilies', { fontFamilies: FONT_FAMILIES }, sessionId),
    ]);
    return { cdp, session: sessionId, profile };
  } catch (err) {
    await cdp.close();
    throw err;
  }
}

async function navigate(b: Browser, url: string): Promise<string> {
  const loaded = b.cdp.waitFor('Page.loadEventFired', b.session);
  const nav = await b.cdp.send<{ frameId: string; errorText?: string }>('Page.navigate', { url }, b.session);
  if (nav.errorText) throw new Error(`Chromium could not open the print view: ${nav.errorText}`);
  await loaded;
  return nav.frameId;
}

async function printPage(b: Browser, file: string, options: PrintOptions): Promise<Uint8Array> {
  const frameId = await navigate(b, pathToFileURL(file).href);
  const { executionContextId } = await b.cdp.send<{ executionContextId: number }>('Page.createIsolatedWorld', { frameId, worldName: 'sourcemark-print' }, b.session);
  await b.cdp.send('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', contextId: executionContextId, awaitPromise: true, returnByValue: true }, b.session);
  const { stream } = await b.cdp.send<{ stream: string }>('Page.printToPDF', cdpPrintParams(options), b.session);
  const chunks: Buffer[] = [];
  for (;;) {
    const piece = await b.cdp.send<{ data: string; eof: boolean; base64Encoded?: boolean }>('IO.read', { handle: stream, size: 1 << 20 }, b.session);
    chunks.push(Buffer.from(piece.data, piece.base64Encoded ? 'base64' : 'latin1'));
    if (piece.eof) break;
  }
  await b.cdp.send('IO.close', { handle: stream }, b.session);
  const pdf = Buffer.concat(chunks);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

export function createChromiumPdfRenderer(launchOptions: ChromiumPdfOptions = {}): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  /** The export in progress: the next one waits for it. */
  let queue: Promise<unknown> = Promise.resolve();

  const launch = (): Promise<Browser> => {
    if (browser) return browser;
    const launching = openBrowser(offlineChromiumEnv({ ...process.env, ...launchOptions.env }));
    browser = launching;
    launching.then(
      // A crashed browser is forgotten, so the next export launches a new one.
      (b) => b.cdp.exited.then(() => {
        if (browser === launching) browser = null;
      }),
      () => {
        if (browser === launching) browser = null;
      },
    );
    return launching;
  };

  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    if (b) await (await b.catch(() => null))?.cdp.close();
  };

  const print = async (html: string, options: PrintOptions): Promise<Uint8Array> => {
    // Loaded from a file, as Electron does: cheaper than pushing megabytes of inline fonts through
    // the protocol. The page's CSP still blocks every load but its inline fonts.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sourcemark-print-'));
    const file = path.join(dir, 'brief.html');
    let b: Browser | null = null;
    let timer: NodeJS.Timeout | undefined;
    try {
      b = await launch();
      await fs.writeFile(file, html, 'utf8');
      const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`printing took longer than ${PRINT_TIMEOUT_MS / 60_000} minutes`)), PRINT_TIMEOUT_MS);
      });
      return await Promise.race([printPage(b, file, options), hung]);
    } catch (err) {
      // A page that failed mid-print may be in any state, and in one process Chromium cannot shed a
      // page safely: the next export starts a new browser.
      await closeBrowser();
      throw err;
    } finally {
      clearTimeout(timer);
      // The printed brief's document is let go now rather than when the next export navigates.
      if (b && browser) await navigate(b, 'about:blank').catch(() => undefined);
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
