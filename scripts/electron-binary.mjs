// Where the Electron binary is, or why it is not there (ELECTRON_SKIP_BINARY_DOWNLOAD, offline install).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** { path } when the binary is installed, else { missing: reason }. */
export function electronBinary() {
  try {
    const file = require('electron');
    if (typeof file === 'string' && fs.existsSync(file)) return { path: file };
    return { missing: `the electron package points at ${String(file)}, which does not exist` };
  } catch (err) {
    return { missing: err instanceof Error ? err.message.split('\n')[0] : String(err) };
  }
}

export const ELECTRON_MISSING_ADVICE =
  'The Electron binary is not installed here (it was skipped, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD, or could not be downloaded), ' +
  'so the desktop app cannot start. To get it, run `npm install` without ELECTRON_SKIP_BINARY_DOWNLOAD on a machine that can reach ' +
  'the Electron download site (or run `node node_modules/electron/install.js`). Meanwhile the same app runs in your browser: ' +
  '`npm run web`, then open the address it prints.';
