// The desktop app's main process: one instance per library, the library in the user-data folder
// (or --data-dir) with Chromium's profile kept apart, the renderer from app://sourcemark/ in a
// sandboxed window, and the contract over IPC. Every decision is a pure function in main/security/
// or main/desktop/, tested under Node.
import { app, BrowserWindow, dialog, Menu, session, shell, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { openService, type RunningService } from '../service/index';
import { CliError, parseCliArgs } from '../security/cli-args';
import { APP_URL, isAllowedNavigation, isAllowedRequest, permissionDecision, windowOpenDecision } from '../security/navigation';
import { spellcheckEnabled } from '../desktop/context-menu';
import { createShutdown, InFlight, loadFailureMessage } from '../desktop/lifecycle';
import { desktopPaths, prepareLibraryDir } from '../desktop/paths';
import { runSmokeTest, smokeShell } from '../desktop/smoke';
import { WORKER_BUNDLE_NAME } from '../import/worker-spawn';
import { appPackage } from '../platform/app-root';
import { offlineChromiumSwitches } from '../platform/chromium';
import { attachContextMenu } from './context-menu';
import { createDesktopShell } from './dialogs';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { electronSqliteBinding, explainStoreFailure, unpackedWorkerPath } from './native';
import { createElectronPdfRenderer, isPrintSession } from './print-to-pdf';
import { registerAppScheme, serveRenderer } from './protocol';

function fail(title: string, message: string, code: number): never {
  process.stderr.write(`${title}: ${message}\n`);
  dialog.showErrorBox(title, message);
  app.exit(code);
  process.exit(code);
}

// argv holds Chromium switches and, unpackaged, the app folder: skip what is not ours.
let cli;
try {
  cli = parseCliArgs(process.argv.slice(1), { ignoreUnknown: true, allowPort: false });
} catch (err) {
  if (!(err instanceof CliError)) throw err;
  process.stderr.write(`${err.message}\nUsage: sourcemark [--data-dir DIR]\n`);
  process.exit(2);
}
// All paths are settled before anything (the single-instance lock, Chromium) uses userData.
const paths = desktopPaths({ dataDirArg: cli.dataDir, defaultUserData: app.getPath('userData'), cwd: process.cwd() });
const unusable = prepareLibraryDir(paths.libraryDir);
if (unusable) fail('Sourcemark cannot use its library folder', unusable, 2);
app.setPath('userData', paths.userData);
app.setPath('sessionData', paths.sessionData);

// A worker thread cannot rely on Electron's asar support: the packaged app starts the unpacked copy.
const worker = unpackedWorkerPath(__dirname, WORKER_BUNDLE_NAME);
if (worker && !process.env.SOURCEMARK_IMPORT_WORKER) process.env.SOURCEMARK_IMPORT_WORKER = worker;

registerAppScheme();
app.enableSandbox();
for (const [name, value] of offlineChromiumSwitches) app.commandLine.appendSwitch(name, value);

let mainWindow: BrowserWindow | null = null;
let running: RunningService | null = null;
const getWindow = () => mainWindow;
const inFlight = new InFlight();
/** Set by the packaged self-test: the exit code once the library is closed. */
let smokeExitCode: number | null = null;

function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    const decision = windowOpenDecision(details);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
}

/** Every session refuses every request that is not the app's own; the print session narrows it further. */
function confineSession(s: Session): void {
  if (isPrintSession(s)) return;
  s.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  s.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  if (!spellcheckEnabled(process.platform)) s.setSpellCheckerEnabled(false);
}

function createWindow(root: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Sourcemark',
    show: false,
    webPreferences: {
      preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: !app.isPackaged,
      spellcheck: spellcheckEnabled(process.platform),
    },
  });
  attachContextMenu(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    const message = loadFailureMessage({ errorCode, errorDescription, validatedURL, isMainFrame });
    if (!message) return;
    // Never leave an invisible window: show it and say what happened.
    if (!win.isDestroyed()) win.show();
    process.stderr.write(`${message}\n`);
    void dialog.showMessageBox(win, { type: 'error', title: 'Sourcemark could not show its window', message: 'Sourcemark could not show its window', detail: message });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_URL).catch(() => undefined /* reported by did-fail-load */);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  const root = appPackage().root;
  const rendererDir = path.join(root, 'dist', 'renderer');
  serveRenderer(rendererDir);

  confineSession(session.defaultSession);
  app.on('session-created', confineSession);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  const smokeDir = process.env.SOURCEMARK_SMOKE_DIR;
  const desktop = createDesktopShell(getWindow);
  try {
    running = await openService({
      dataDir: paths.libraryDir,
      mode: 'electron',
      version: app.getVersion(),
      pdf: createElectronPdfRenderer(),
      shell: smokeDir ? smokeShell(desktop.ops, smokeDir) : desktop.ops,
      importAccess: desktop.importAccess,
      nativeBinding: electronSqliteBinding(root),
      // The window opens (and shows the check's progress) while a large library is checked.
      background: true,
    });
  } catch (err) {
    fail('Sourcemark cannot open its library', explainStoreFailure((err as Error).message, app.isPackaged), 1);
  }
  registerIpc(() => running?.service ?? null, { rendererDir }, (work) => inFlight.track(work));
  Menu.setApplicationMenu(buildMenu(getWindow, { devTools: !app.isPackaged }));
  if (smokeDir && running) {
    // The packaged self-test: no window, the same calls, a report, an exit code (see desktop.yml).
    const report = await inFlight.track(runSmokeTest(running.service, path.resolve(smokeDir)));
    process.stdout.write(`${JSON.stringify(report)}\n`);
    smokeExitCode = report.ok ? 0 : 1;
    app.quit();
    return;
  }
  mainWindow = createWindow(root);
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow(root);
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Sourcemark owns this library; it focuses its window (below) and we leave.
  process.stdout.write(`Sourcemark is already open on ${paths.libraryDir}; its window was brought to the front.\n`);
  app.exit(0);
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  const shutdown = createShutdown({
    inFlight,
    closeLibrary: () => {
      const service = running;
      running = null;
      return service ? service.close() : Promise.resolve();
    },
    quit: () => (smokeExitCode === null ? app.quit() : app.exit(smokeExitCode)),
    report: (message) => process.stderr.write(`${message}\n`),
    hideWindows: () => mainWindow?.hide(),
  });
  // Finish running calls (an export whose window was closed still writes its file), then close
  // the library (checkpoint the WAL), then let the process end.
  app.on('before-quit', (event) => shutdown.onQuitRequested(event));
  app.on('will-quit', (event) => shutdown.onQuitRequested(event));
  start().catch((err: unknown) => fail('Sourcemark could not start', (err as Error).stack ?? String(err), 1));
}
