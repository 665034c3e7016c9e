// `npm start`: builds what is stale, makes sure SQLite is built for the installed Electron (the
// first start fetches or compiles it; an Electron upgrade rebuilds it), then launches the desktop
// app as `electron .`, so Electron reads package.json: the app's name, version and data folder are
// the packaged app's. Where Electron is missing, it says so in one paragraph and points at browser mode.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './build-if-needed.mjs';
import { ELECTRON_MISSING_ADVICE, electronBinary } from './electron-binary.mjs';
import { localTarget, nativeModuleStatus } from './native-electron.mjs';
import { buildNativeForElectron } from './rebuild-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  await ensureBuilt(root, { electron: true });
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}

const electron = electronBinary();
const target = localTarget(root);
if (!electron.path || !target) {
  process.stderr.write(`${ELECTRON_MISSING_ADVICE}\n(Detail: ${electron.missing ?? 'the electron package is not installed'}.)\n`);
  process.exit(1);
}
const status = nativeModuleStatus(root, target);
if (!status.ok) {
  process.stdout.write(`Sourcemark: ${status.reason}; building it now (once per Electron version).\n`);
  const built = buildNativeForElectron(root, target);
  if (!built.ok) {
    process.stderr.write(`${built.message}\n`);
    process.exit(1);
  }
}

const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
