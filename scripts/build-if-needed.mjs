// Builds the renderer (vite) and the back-end bundles only when an output is missing or older
// than the newest source file, so `npm run web` starts at once after the first time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildMain, targets } from './build-main.mjs';

const SKIP = new Set(['node_modules', 'dist', '.git', 'release', 'native']);

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const configs = (root, names) => Math.max(...names.map((n) => mtime(path.join(root, n))));

export async function ensureBuilt(root, { electron }) {
  const shared = Math.max(newestMtime(path.join(root, 'main')), newestMtime(path.join(root, 'db')), mtime(path.join(root, 'package.json')));
  const rendererSources = Math.max(newestMtime(path.join(root, 'renderer')), shared, configs(root, ['vite.config.ts']));
  if (mtime(path.join(root, 'dist/renderer/index.html')) < rendererSources) {
    process.stderr.write('Building the renderer (vite build)…\n');
    const vite = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    });
    if (vite.status !== 0) throw new Error('Building the renderer failed (see the messages above).');
  }
  const outputs = targets.map((t) => t.outfile).filter((o) => electron || o.startsWith('dist/web/'));
  const stale = outputs.filter((o) => mtime(path.join(root, o)) < Math.max(shared, configs(root, ['scripts/build-main.mjs'])));
  if (stale.length) {
    process.stderr.write(`Building ${stale.join(', ')}…\n`);
    await buildMain({ only: stale });
  }
}
