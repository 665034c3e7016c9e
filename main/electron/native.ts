// better-sqlite3 is a native module: node_modules holds the build for Node's ABI (tests, browser
// mode); the desktop app needs one built for Electron's ABI, kept beside it in native/electron/
// (`npm run rebuild:electron`) and unpacked from the asar when packaged. No electron import: pure.
import fs from 'node:fs';
import path from 'node:path';

export function electronSqliteBinding(appRoot: string): string | undefined {
  const appPath = appRoot.replace(/app\.asar$/, 'app.asar.unpacked');
  const file = path.join(appPath, 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

/**
 * The sentence to show when the library cannot be opened because of the native module. A packaged
 * app speaks to the person who installed it (the build was broken; reinstall), a development
 * checkout to the developer (the command that builds the module).
 */
export function explainStoreFailure(message: string, packaged = false): string {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node|invalid ELF header|not a valid Win32 application|wrong architecture|incompatible architecture/i.test(message)) {
    return message;
  }
  if (packaged) {
    return (
      'This copy of Sourcemark was built without a working database module for this computer, so it cannot open your library. ' +
      'Your library has not been touched.\n\nInstall Sourcemark again from a release made for this system and processor; ' +
      `if it still happens, report this message to whoever gave you the installer.\n\n(Detail: ${message})`
    );
  }
  return `${message}\n\nThe SQLite module in node_modules is built for Node, not for Electron. Run \`npm run rebuild:electron\` (it needs the internet once) to build native/electron/better_sqlite3.node, then start again. Meanwhile \`npm run web\` runs Sourcemark in your browser.`;
}

/**
 * The import worker runs in a worker thread, which cannot count on Electron's asar patches, so the
 * packaged app keeps it (and what it loads) in app.asar.unpacked. Given the folder of the main
 * bundle, the worker file to start, or undefined to let the import code find its own.
 */
export function unpackedWorkerPath(mainDir: string, workerName: string): string | undefined {
  const inAsar = /^(.*[\\/])app\.asar([\\/].*)?$/.exec(mainDir);
  if (!inAsar) return undefined;
  const unpacked = path.join(`${inAsar[1]}app.asar.unpacked${inAsar[2] ?? ''}`, workerName);
  return fs.existsSync(unpacked) ? unpacked : undefined;
}
