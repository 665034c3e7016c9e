// Launches the built desktop app with Playwright's _electron, as `electron .` from the project root
// (the way `npm start` does), on a fresh --data-dir, with Chromium's profile root in a temp folder.
// Where the Electron binary or its SQLite build is missing (machines that install with
// ELECTRON_SKIP_BINARY_DOWNLOAD), `electronUnavailable()` says why so the tests skip visibly;
// with SOURCEMARK_REQUIRE_ELECTRON=1 (the desktop CI workflow) they fail instead.
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodResult, Result } from '../../../main/contract';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { localTarget, nativeModuleStatus } from '../../../scripts/native-electron.mjs';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(require.resolve('../../../package.json')));
export const mainScript = path.join(root, 'dist', 'electron', 'main.cjs');

/** Null when the desktop app can run here; otherwise the reason it cannot. */
export function electronUnavailable(): string | null {
  const binary = electronBinary();
  if (!binary.path) {
    return `the Electron binary is not installed (${binary.missing}); npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD or offline. Run \`npm install\` without it to run these tests`;
  }
  const target = localTarget(root);
  const native = target ? nativeModuleStatus(root, target) : { ok: false as const, reason: 'the electron package is not installed' };
  if (!native.ok) return `${native.reason}; \`npm start\` or \`npm run rebuild:electron\` builds it`;
  if (!fs.existsSync(mainScript)) return `${mainScript} is missing; run \`npm run build\` first`;
  return null;
}

/** Call at the top of a spec: prints why the tests skip, or fails where Electron is required. */
export function desktopTestsSkipReason(): string | null {
  const unavailable = electronUnavailable();
  if (unavailable && process.env.SOURCEMARK_REQUIRE_ELECTRON === '1') {
    throw new Error(`SOURCEMARK_REQUIRE_ELECTRON is set but the desktop app cannot run: ${unavailable}`);
  }
  // Printed so that CI output says why the desktop tests did not run.
  if (unavailable) console.log(`[electron] skipping the desktop tests: ${unavailable}.`);
  return unavailable;
}

export interface DesktopApp {
  app: ElectronApplication;
  window: Page;
  dataDir: string;
  /** Where Chromium's profiles go for this run (XDG_CONFIG_HOME / APPDATA stand-in). */
  profileRoot: string;
  /** A contract call through the window's preload bridge, as the renderer makes it. */
  call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodResult<K>>;
  /** The next open dialog answers with these files. */
  stubOpenDialog(paths: string[]): Promise<void>;
  /** The next save dialog answers with this file. */
  stubSaveDialog(file: string): Promise<void>;
  /** Clicks an application-menu item by id (main/electron/menu.ts). */
  clickMenu(id: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  dataDir?: string;
  profileRoot?: string;
  env?: Record<string, string>;
}

export function launchArgs(dataDir: string): string[] {
  return [root, '--data-dir', dataDir];
}

export function launchEnv(profileRoot: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    ELECTRON_ENABLE_LOGGING: '1',
    // Electron's default userData (and so the per-library profiles) lives under these.
    XDG_CONFIG_HOME: profileRoot,
    APPDATA: profileRoot,
    ...extra,
  };
}

export async function launchDesktopApp(options: LaunchOptions = {}): Promise<DesktopApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-electron-'));
  const profileRoot = options.profileRoot ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-profile-'));
  const app = await _electron.launch({
    executablePath: electronBinary().path,
    args: launchArgs(dataDir),
    cwd: root,
    env: launchEnv(profileRoot, options.env),
  });
  const firstWindow = await app.firstWindow();
  const desktop: DesktopApp = {
    app,
    window: firstWindow,
    dataDir,
    profileRoot,
    async call(name, input) {
      const result = (await firstWindow.evaluate(
        ([n, i]) => (window as unknown as { sourcemark: Record<string, (input: unknown) => Promise<unknown>> }).sourcemark[n]!(i),
        [name, input] as const,
      )) as Result<MethodResult<typeof name>>;
      if (!result.ok) throw new Error(`${name} refused: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    async stubOpenDialog(paths) {
      await app.evaluate(({ dialog }, files) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: files })) as typeof dialog.showOpenDialog;
      }, paths);
    },
    async stubSaveDialog(file) {
      await app.evaluate(({ dialog }, chosen) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
      }, file);
    },
    async clickMenu(id) {
      await app.evaluate(({ Menu, BrowserWindow }, itemId) => {
        const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
        if (!item) throw new Error(`no menu item ${itemId}`);
        item.click(undefined, BrowserWindow.getAllWindows()[0], undefined as never);
      }, id);
    },
    async close() {
      await app.close().catch(() => undefined);
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (!options.profileRoot) fs.rmSync(profileRoot, { recursive: true, force: true });
    },
  };
  return desktop;
}

/** Chromium's own files: none of them belongs in the analyst's library folder. */
export const CHROMIUM_PROFILE_FILES = [
  'Cache',
  'Code Cache',
  'GPUCache',
  'DawnGraphiteCache',
  'DawnWebGPUCache',
  'Local Storage',
  'Session Storage',
  'Preferences',
  'Cookies',
  'Network Persistent State',
  'SingletonLock',
  'SingletonSocket',
  'SingletonCookie',
  'blob_storage',
  'Crashpad',
  'Shared Dictionary',
  'Dictionaries',
];
