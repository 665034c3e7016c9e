// The desktop shell's decisions that need no Electron: where the library and Chromium's profile go,
// the right-click menu, the quit sequence, load failures, what the print window may load, and the
// messages about the native module.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextMenuItems, spellcheckEnabled, type ContextMenuParams } from '../../../main/desktop/context-menu';
import { createShutdown, InFlight, loadFailureMessage } from '../../../main/desktop/lifecycle';
import { desktopPaths, prepareLibraryDir } from '../../../main/desktop/paths';
import { explainStoreFailure, unpackedWorkerPath } from '../../../main/electron/native';
import { isAllowedPrintRequest } from '../../../main/security/print-requests';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-desktop-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('where the desktop app keeps things', () => {
  const defaults = '/home/ana/.config/Sourcemark';

  it('keeps the default library in the app folder, with Chromium’s session data in a subfolder', () => {
    expect(desktopPaths({ dataDirArg: null, defaultUserData: defaults, cwd: '/x', platform: 'linux' })).toEqual({
      libraryDir: defaults,
      userData: defaults,
      sessionData: `${defaults}/Chromium`,
    });
    // Naming the default folder explicitly is the same library and the same lock.
    expect(desktopPaths({ dataDirArg: `${defaults}/`, defaultUserData: defaults, cwd: '/x', platform: 'linux' }).userData).toBe(defaults);
  });

  it('keeps Chromium’s profile out of a --data-dir library, one profile (and lock) per library', () => {
    const a = desktopPaths({ dataDirArg: 'cases/a', defaultUserData: defaults, cwd: '/work', platform: 'linux' });
    expect(a.libraryDir).toBe('/work/cases/a');
    expect(a.userData.startsWith(`${defaults}/Libraries/`)).toBe(true);
    expect(a.sessionData).toBe(a.userData);
    expect(a.userData.startsWith(a.libraryDir)).toBe(false);
    const again = desktopPaths({ dataDirArg: '/work/cases/a', defaultUserData: defaults, cwd: '/elsewhere', platform: 'linux' });
    expect(again).toEqual(a);
    const b = desktopPaths({ dataDirArg: '/work/cases/b', defaultUserData: defaults, cwd: '/', platform: 'linux' });
    expect(b.userData).not.toBe(a.userData);
  });

  it('treats Windows paths case-insensitively', () => {
    const win = 'C:\\Users\\ana\\AppData\\Roaming\\Sourcemark';
    const upper = desktopPaths({ dataDirArg: 'D:\\Cases\\A', defaultUserData: win, cwd: 'C:\\', platform: 'win32' });
    const lower = desktopPaths({ dataDirArg: 'd:\\cases\\a', defaultUserData: win, cwd: 'C:\\', platform: 'win32' });
    expect(upper.userData).toBe(lower.userData);
    expect(upper.userData.startsWith(`${win}\\Libraries\\`)).toBe(true);
  });

  it('creates a library folder that does not exist yet, parents included', () => {
    const dir = path.join(tmp, 'new', 'deeper', 'library');
    expect(prepareLibraryDir(dir)).toBeNull();
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    expect(prepareLibraryDir(dir)).toBeNull();
  });

  it('says why a library folder cannot be used', () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'x');
    expect(prepareLibraryDir(file)).toMatch(/a-file cannot be the library folder: (a file is in the way|it is a file)/);
    expect(prepareLibraryDir(path.join(file, 'below'))).toMatch(/cannot be the library folder: a file is in the way \((ENOTDIR|EEXIST)\)/);
    if (process.getuid?.() !== 0) {
      const locked = path.join(tmp, 'locked');
      fs.mkdirSync(locked, { mode: 0o500 });
      expect(prepareLibraryDir(path.join(locked, 'lib'))).toMatch(/permission denied/);
    }
  });
});

const params = (over: Partial<ContextMenuParams>): ContextMenuParams => ({
  isEditable: false,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: { canCut: false, canCopy: false, canPaste: false, canSelectAll: true },
  ...over,
});

describe('the right-click menu', () => {
  it('offers spelling suggestions, Add to Dictionary, then the edit commands in a text field', () => {
    const items = contextMenuItems(
      params({ isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'], editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true } }),
    );
    expect(items).toEqual([
      { kind: 'replace', word: 'receive' },
      { kind: 'replace', word: 'relieve' },
      { kind: 'learn', word: 'recieve' },
      { kind: 'separator' },
      { kind: 'role', role: 'cut', enabled: true },
      { kind: 'role', role: 'copy', enabled: true },
      { kind: 'role', role: 'paste', enabled: true },
      { kind: 'separator' },
      { kind: 'role', role: 'selectAll', enabled: true },
    ]);
  });

  it('says when there is no suggestion, and caps a long list', () => {
    expect(contextMenuItems(params({ isEditable: true, misspelledWord: 'zzqx' }))[0]).toEqual({ kind: 'note', label: 'No spelling suggestions' });
    const many = contextMenuItems(params({ isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }));
    expect(many.filter((i) => i.kind === 'replace')).toHaveLength(6);
  });

  it('disables what cannot be done and offers only Copy on a selection in the reader', () => {
    const field = contextMenuItems(params({ isEditable: true }));
    expect(field.find((i) => i.kind === 'role' && i.role === 'cut')).toEqual({ kind: 'role', role: 'cut', enabled: false });
    expect(contextMenuItems(params({ selectionText: 'the canal closed', editFlags: { canCut: false, canCopy: true, canPaste: false, canSelectAll: true } }))).toEqual([
      { kind: 'role', role: 'copy', enabled: true },
    ]);
    expect(contextMenuItems(params({ selectionText: '  ' }))).toEqual([]);
  });

  it('checks spelling only where no dictionary is downloaded (macOS uses the OS’s own)', () => {
    expect(spellcheckEnabled('darwin')).toBe(true);
    expect(spellcheckEnabled('win32')).toBe(false);
    expect(spellcheckEnabled('linux')).toBe(false);
  });
});

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('quitting', () => {
  const event = () => ({ prevented: false, preventDefault() { this.prevented = true; } });

  it('waits for an export still writing, then closes the library once, then quits', async () => {
    const inFlight = new InFlight();
    const log: string[] = [];
    const exportDone = deferred<string>();
    const quit = deferred();
    void inFlight.track(exportDone.promise).then(() => log.push('export written'));
    const shutdown = createShutdown({
      inFlight,
      closeLibrary: async () => {
        log.push('library closed');
      },
      quit: () => {
        log.push('quit');
        quit.resolve();
      },
      report: (m) => log.push(m),
      hideWindows: () => log.push('windows hidden'),
    });
    const first = event();
    shutdown.onQuitRequested(first);
    expect(first.prevented).toBe(true);
    expect(shutdown.phase).toBe('draining');
    // A second request (will-quit, or Cmd+Q again) while waiting changes nothing.
    const second = event();
    shutdown.onQuitRequested(second);
    expect(second.prevented).toBe(true);
    exportDone.resolve('brief.pdf');
    await quit.promise;
    expect(log).toEqual(['windows hidden', 'export written', 'library closed', 'quit']);
    const last = event();
    shutdown.onQuitRequested(last);
    expect(last.prevented).toBe(false);
  });

  it('reports a library that fails to close instead of leaving an unhandled rejection, and still quits', async () => {
    const reports: string[] = [];
    const quit = deferred();
    const shutdown = createShutdown({
      inFlight: new InFlight(),
      closeLibrary: () => Promise.reject(new Error('disk I/O error')),
      quit: () => quit.resolve(),
      report: (m) => reports.push(m),
    });
    shutdown.onQuitRequested(event());
    await quit.promise;
    expect(reports).toEqual(['Sourcemark: closing the library failed: disk I/O error']);
    expect(shutdown.phase).toBe('done');
  });

  it('counts a failed call as finished', async () => {
    const inFlight = new InFlight();
    const failing = deferred();
    const tracked = inFlight.track(failing.promise);
    expect(inFlight.busy).toBe(true);
    failing.reject(new Error('refused'));
    await expect(tracked).rejects.toThrow('refused');
    await inFlight.idle();
    expect(inFlight.busy).toBe(false);
  });
});

describe('a window that fails to load', () => {
  it('is shown with a message naming the address and the error', () => {
    const message = loadFailureMessage({ errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND', validatedURL: 'app://sourcemark/index.html', isMainFrame: true });
    expect(message).toContain('could not load app://sourcemark/index.html (ERR_FILE_NOT_FOUND, code -6)');
    expect(message).toContain('Your library is untouched');
  });

  it('ignores cancelled navigations and subframes', () => {
    expect(loadFailureMessage({ errorCode: -3, errorDescription: 'ERR_ABORTED', validatedURL: 'app://sourcemark/index.html', isMainFrame: true })).toBeNull();
    expect(loadFailureMessage({ errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND', validatedURL: 'app://sourcemark/x', isMainFrame: false })).toBeNull();
  });
});

describe('what the print window may load', () => {
  it('only the print view being printed and inline data', () => {
    const file = path.join(tmp, 'sourcemark-print-1', 'brief.html');
    const printing = new Set([file]);
    expect(isAllowedPrintRequest(pathToFileURL(file).href, printing)).toBe(true);
    expect(isAllowedPrintRequest('data:font/woff2;base64,AAAA', printing)).toBe(true);
    for (const url of [
      pathToFileURL(path.join(tmp, 'sourcemark-print-1', 'other.html')).href,
      pathToFileURL('/etc/passwd').href,
      `${pathToFileURL(file).href}?x=1`,
      'file://server/share/brief.html',
      'https://fonts.example.com/noto.woff2',
      'http://127.0.0.1:8080/',
      'blob:null/1234',
      'not a url',
    ]) {
      expect(isAllowedPrintRequest(url, printing), url).toBe(false);
    }
    expect(isAllowedPrintRequest(pathToFileURL(file).href, new Set())).toBe(false);
  });
});

describe('the native module, packaged', () => {
  it('finds the unpacked import worker beside an app.asar', () => {
    const resources = path.join(tmp, 'resources');
    const worker = path.join(resources, 'app.asar.unpacked', 'dist', 'electron', 'import-worker.cjs');
    fs.mkdirSync(path.dirname(worker), { recursive: true });
    fs.writeFileSync(worker, '');
    expect(unpackedWorkerPath(path.join(resources, 'app.asar', 'dist', 'electron'), 'import-worker.cjs')).toBe(worker);
    expect(unpackedWorkerPath(path.join(tmp, 'project', 'dist', 'electron'), 'import-worker.cjs')).toBeUndefined();
    fs.rmSync(worker);
    expect(unpackedWorkerPath(path.join(resources, 'app.asar', 'dist', 'electron'), 'import-worker.cjs')).toBeUndefined();
  });

  it('tells an end user to reinstall, and a developer which command builds it', () => {
    const abi = 'The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140.';
    const packaged = explainStoreFailure(abi, true);
    expect(packaged).toContain('Install Sourcemark again');
    expect(packaged).toContain('Your library has not been touched');
    expect(packaged).not.toContain('npm');
    expect(explainStoreFailure(abi, false)).toContain('npm run rebuild:electron');
    expect(explainStoreFailure('invalid ELF header', true)).toContain('Install Sourcemark again');
    expect(explainStoreFailure('SQLITE_CORRUPT: database disk image is malformed', true)).toBe('SQLITE_CORRUPT: database disk image is malformed');
  });
});
