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

/** The sentence to show when the library cannot be opened because of the native module. */
export function explainStoreFailure(message: string): string {
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/i.test(message)) {
    return `${message}\n\nThe SQLite module in node_modules is built for Node, not for Electron. Run \`npm run rebuild:electron\` (it needs the internet once) to build native/electron/better_sqlite3.node, then start again. Meanwhile \`npm run web\` runs Sourcemark in your browser.`;
  }
  return message;
}
