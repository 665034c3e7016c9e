// Which Chromium renders PDFs and runs the browser tests. The system Chromium where there is one
// (Debian's /usr/bin/chromium, or SOURCEMARK_CHROMIUM), else Playwright's own bundled browser.
import fs from 'node:fs';

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.SOURCEMARK_CHROMIUM;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Flags for a headless Chromium that must not reach the network or need a GPU or a sandbox. */
export const headlessChromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
