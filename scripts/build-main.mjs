// Bundles the back end for running without tsx: browser mode (dist/web/server.cjs) and the
// Electron main and preload scripts (dist/electron/). Native and heavy packages stay in node_modules
// (packaged with the app, better-sqlite3 unpacked from the asar); plain JS is bundled.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // ES-module code that asks for import.meta.url still gets its own file's URL in CommonJS.
  define: { 'import.meta.url': '__sourcemarkImportMetaUrl' },
  banner: { js: "const __sourcemarkImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  // linkedom draws <canvas> with the native `canvas` package where one is installed; reading pages
  // never draws, and a native module built for Node would not load in Electron: its own shim instead.
  alias: { canvas: './node_modules/linkedom/commonjs/canvas-shim.cjs' },
};

/** Native code, browsers, and packages that find their own files at run time. */
const heavy = ['electron', 'better-sqlite3', 'playwright-core', 'playwright', 'jsdom', 'pdfjs-dist', '@fontsource/*'];

export const targets = [
  { entry: 'main/web/cli.ts', outfile: 'dist/web/server.cjs', external: heavy },
  // Import parsing runs in a worker thread, loaded from beside the bundle that starts it.
  { entry: 'main/import/worker.ts', outfile: 'dist/web/import-worker.cjs', external: heavy },
  { entry: 'main/electron/main.ts', outfile: 'dist/electron/main.cjs', external: heavy },
  { entry: 'main/import/worker.ts', outfile: 'dist/electron/import-worker.cjs', external: heavy },
  // Sandboxed preloads may require only 'electron' (and a few Node built-ins): bundle the rest.
  // It may not require node:url either, hence no import.meta banner.
  { entry: 'main/electron/preload.ts', outfile: 'dist/electron/preload.cjs', external: ['electron'], sandboxed: true },
];

/** `outDir` puts the chosen bundles in another folder (tests run a private copy of the server from there). */
export async function buildMain({ only, outDir } = {}) {
  const chosen = only ? targets.filter((t) => only.includes(t.outfile)) : targets;
  for (const target of chosen) {
    if (!fs.existsSync(path.join(root, target.entry))) {
      throw new Error(`${target.entry} is missing; cannot build ${target.outfile}.`);
    }
    const { define: _define, banner: _banner, ...plain } = common;
    await build({
      ...(target.sandboxed ? { ...plain, minify: true } : common),
      entryPoints: [target.entry],
      outfile: outDir ? path.join(outDir, path.basename(target.outfile)) : target.outfile,
      external: target.external,
    });
  }
}

/**
 * Bundles one more entry with the back end's own options, for a script that must run the way the app
 * does: the benchmarks run their measured work from such a bundle, beside the import worker's, and
 * build the worker as it was before a change by swapping one module for its previous version.
 */
export async function bundleEntry(entry, outfile, { replace = {} } = {}) {
  // `replace` maps a module's absolute path (without extension) to the file bundled in its place.
  const swaps = Object.entries(replace);
  const plugins = swaps.length
    ? [
        {
          name: 'replace-modules',
          setup(b) {
            b.onResolve({ filter: /^\./ }, (args) => {
              const target = path.resolve(args.resolveDir, args.path).replace(/\.[cm]?[jt]s$/, '');
              const swap = swaps.find(([from]) => from === target);
              return swap ? { path: swap[1] } : undefined;
            });
          },
        },
      ]
    : [];
  await build({ ...common, entryPoints: [entry], outfile, external: heavy, plugins });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const only = process.argv.includes('--web') ? targets.map((t) => t.outfile).filter((o) => o.startsWith('dist/web/')) : undefined;
  buildMain({ only }).then(
    () => process.stdout.write(`Built ${only ? only.join(', ') : targets.map((t) => t.outfile).join(', ')}\n`),
    (err) => {
      process.stderr.write(`Building the back end failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
