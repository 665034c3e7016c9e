// postinstall: where the Electron binary was installed, build SQLite for it now so that `npm start`
// opens the app at once. It never fails the install: without Electron (ELECTRON_SKIP_BINARY_DOWNLOAD,
// offline) or without the network it prints one line and leaves the work to `npm start`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const { electronBinary } = await import('./electron-binary.mjs');
  const { localTarget, nativeModuleStatus } = await import('./native-electron.mjs');
  const target = localTarget(root);
  if (!electronBinary().path || !target) {
    process.stdout.write('Sourcemark: the Electron binary is not installed; skipping its SQLite build (browser mode needs none).\n');
  } else if (!nativeModuleStatus(root, target).ok) {
    const { buildNativeForElectron } = await import('./rebuild-electron.mjs');
    const built = buildNativeForElectron(root, target);
    if (!built.ok) process.stdout.write(`Sourcemark (install continues): ${built.message.split('\n')[0]} \`npm start\` will try again.\n`);
  }
} catch (err) {
  process.stdout.write(`Sourcemark (install continues): the SQLite build for Electron was skipped: ${err instanceof Error ? err.message : String(err)}\n`);
}
process.exit(0);
