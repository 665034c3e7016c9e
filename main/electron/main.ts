// The desktop app's main process: one instance, the library in the user-data folder (or
// --data-dir), the renderer from app://sourcemark/ in a sandboxed window, and the contract over
// IPC. Every security decision is a pure function in main/security/, tested under Node.
import { app, BrowserWindow, dialog, Menu, session, shell, type WebContents } from 'electron';
import path from 'node:path';
import { openService, type RunningService } from '../service/index';
import { CliError, parseCliArgs } from '../security/cli-args';
import { APP_URL, isAllowedNavigation, isAllowedRequest, permissionDecision, windowOpenDecision } from '../security/navigation';
import { PathGrants } from '../security/path-grants';
import { appPackage } from '../web/app-root';
import { createShellOps } from './dialogs';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { electronSqliteBinding, explainStoreFailure } from './native';
import { createElectronPdfRenderer } from './print-to-pdf';
import { registerAppScheme, serveRenderer } from './protocol';

// argv holds Chromium switches and, unpackaged, the script path: skip what is not ours.
let cli;
try {
  cli = parseCliArgs(process.argv.slice(1), { ignoreUnknown: true, allowPort: false });
} catch (err) {
  if (!(err instanceof CliError)) throw err;
  process.stderr.write(`${err.message}\nUsage: sourcemark [--data-dir DIR]\n`);
  process.exit(2);
}
if (cli.dataDir) app.setPath('userData', path.resolve(cli.dataDir));

registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let running: RunningService | null = null;
const getWindow = () => mainWindow;

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
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_URL);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  const root = appPackage().root;
  const dataDir = app.getPath('userData');
  const rendererDir = path.join(root, 'dist', 'renderer');
  serveRenderer(rendererDir);

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  const grants = new PathGrants([path.join(dataDir, 'exports')]);
  try {
    running = await openService({
      dataDir,
      mode: 'electron',
      version: app.getVersion(),
      pdf: createElectronPdfRenderer(),
      shell: createShellOps(getWindow, grants),
      importAccess: { kind: 'picked', mayRead: (file) => grants.mayRead(file) },
      nativeBinding: electronSqliteBinding(root),
    });
  } catch (err) {
    dialog.showErrorBox('Sourcemark cannot open its library', explainStoreFailure((err as Error).message));
    app.exit(1);
    return;
  }
  registerIpc(() => running?.service ?? null, { rendererDir }, grants);
  Menu.setApplicationMenu(buildMenu(getWindow, { devTools: !app.isPackaged }));
  mainWindow = createWindow(root);
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow(root);
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Sourcemark owns this library; it focuses its window (below) and we leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !running) return;
    // Close the library (checkpoint the WAL) before the process ends.
    event.preventDefault();
    const service = running;
    running = null;
    void service.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  start().catch((err: unknown) => {
    dialog.showErrorBox('Sourcemark could not start', (err as Error).stack ?? String(err));
    app.exit(1);
  });
}
