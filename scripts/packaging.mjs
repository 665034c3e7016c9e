// What `npm run dist` packs and the checks it runs before packing (electron.config.ts uses these;
// tests/unit/shell/packaging.test.ts checks them against the built bundles).
import fs from 'node:fs';
import path from 'node:path';
import { describeNativeModule, installedElectron, judgeNativeModule, NATIVE_RELATIVE, STAMP_RELATIVE } from './native-electron.mjs';

/** The import worker's bundle: it runs in a worker thread, so it is kept outside the asar archive. */
export const WORKER_BUNDLE = 'dist/electron/import-worker.cjs';

/**
 * Packages the worker loads at run time (esbuild leaves them external, see scripts/build-main.mjs).
 * They and everything they depend on are unpacked beside the worker, so that Node's own module
 * resolution finds them without Electron's asar support.
 */
export const WORKER_RUNTIME_PACKAGES = ['pdfjs-dist'];

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Where Node would find package `name` when required from inside package folder `fromDir`. */
function resolvePackageDir(root, fromDir, name) {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.resolve(dir) === path.resolve(root)) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The folders (relative to root, '/'-separated) of `names` and of all their dependencies and
 * installed optional dependencies, as npm laid them out. A missing required dependency is an error.
 */
export function packageClosure(root, names) {
  const found = new Set();
  const queue = names.map((name) => ({ name, from: root, optional: false }));
  while (queue.length) {
    const { name, from, optional } = queue.shift();
    const dir = resolvePackageDir(root, from, name);
    if (!dir) {
      if (optional) continue;
      throw new Error(`${name} (needed by ${path.relative(root, from) || 'the app'}) is not installed; run npm ci.`);
    }
    const rel = path.relative(root, dir).split(path.sep).join('/');
    if (found.has(rel)) continue;
    found.add(rel);
    const pkg = readJson(path.join(dir, 'package.json'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir, optional: false });
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) queue.push({ name: dep, from: dir, optional: true });
  }
  return [...found].sort();
}

/** electron-builder's asarUnpack list: the native modules, the worker and what the worker loads. */
export function asarUnpackPatterns(root) {
  return ['native/**', 'node_modules/better-sqlite3/**', WORKER_BUNDLE, ...packageClosure(root, WORKER_RUNTIME_PACKAGES).map((dir) => `${dir}/**`)];
}

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * The beforePack check: the Electron-ABI SQLite module exists and fits the platform, architecture
 * and Electron being packed. Without it the installed app could not open any library. Returns null
 * when all is well, else the message that stops `npm run dist`.
 */
export function checkNativeForPack(root, { platform, arch, electronVersion }) {
  const archName = typeof arch === 'number' ? ARCH_NAMES[arch] : arch;
  const installed = installedElectron(root);
  const version = electronVersion ?? installed?.version ?? null;
  const target = {
    electronVersion: version,
    // The ABI is known for the installed Electron; a different configured version is judged by the stamp alone.
    abi: installed && installed.version === version ? installed.abi : null,
    platform,
    arch: archName,
  };
  const file = path.join(root, NATIVE_RELATIVE);
  const info = fs.existsSync(file) ? describeNativeModule(fs.readFileSync(file)) : null;
  let stamp = null;
  try {
    stamp = readJson(path.join(root, STAMP_RELATIVE));
  } catch {
    stamp = null;
  }
  const verdict = judgeNativeModule(info, stamp, target);
  if (verdict.ok) return null;
  return (
    `Packaging stopped: ${verdict.reason}. The packaged app would not be able to open its library.\n` +
    `Build the module for Electron ${version} on ${platform}-${archName} first: \`npm run rebuild:electron\` ` +
    '(on the machine and architecture you package for; cross-architecture packaging needs a module built for the target).'
  );
}
