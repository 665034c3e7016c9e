// `npm start`: builds what is stale, then launches the desktop app. Where Electron or its SQLite
// build is missing, it says so in one paragraph and points at browser mode.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './build-if-needed.mjs';
import { ELECTRON_MISSING_ADVICE, electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  await ensureBuilt(root, { electron: true });
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}

const electron = electronBinary();
if (!electron.path) {
  process.stderr.write(`${ELECTRON_MISSING_ADVICE}\n(Detail: ${electron.missing}.)\n`);
  process.exit(1);
}
if (!fs.existsSync(path.join(root, 'native', 'electron', 'better_sqlite3.node'))) {
  process.stderr.write(
    'The SQLite module built for Electron is missing (native/electron/better_sqlite3.node); the one in node_modules is built for Node ' +
      'and Electron cannot load it. Run `npm run rebuild:electron` once (it needs the internet to fetch a prebuilt binary or ' +
      "Electron's headers), then `npm start` again. Meanwhile `npm run web` runs Sourcemark in your browser.\n",
  );
  process.exit(1);
}

const child = spawn(electron.path, [path.join(root, 'dist', 'electron', 'main.cjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
