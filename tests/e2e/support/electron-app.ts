// Launches the built desktop app with Playwright's _electron on a temp data folder. Where the
// Electron binary or its SQLite build is missing (as on machines that install with
// ELECTRON_SKIP_BINARY_DOWNLOAD), `electronUnavailable()` says why, so the test can skip visibly.
import { _electron, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from '../../../scripts/electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(require.resolve('../../../package.json')));
export const mainScript = path.join(root, 'dist', 'electron', 'main.cjs');
const sqliteForElectron = path.join(root, 'native', 'electron', 'better_sqlite3.node');

/** Null when the desktop app can run here; otherwise the reason it cannot. */
export function electronUnavailable(): string | null {
  const binary = electronBinary();
  if (!binary.path) {
    return `the Electron binary is not installed (${binary.missing}); npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD or offline. Run \`npm install\` without it to run these tests`;
  }
  if (!fs.existsSync(sqliteForElectron)) {
    return 'native/electron/better_sqlite3.node is missing; run `npm run rebuild:electron` to build SQLite for Electron';
  }
  if (!fs.existsSync(mainScript)) return `${mainScript} is missing; run \`npm run build\` first`;
  return null;
}

export interface DesktopApp {
  app: ElectronApplication;
  dataDir: string;
  close(): Promise<void>;
}

export async function launchDesktopApp(): Promise<DesktopApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-electron-'));
  const executablePath = electronBinary().path;
  const app = await _electron.launch({
    executablePath,
    args: [mainScript, '--data-dir', dataDir],
    cwd: root,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  return {
    app,
    dataDir,
    async close() {
      await app.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
