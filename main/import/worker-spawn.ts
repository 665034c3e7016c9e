// Where the parsing worker's code lives differs between running from sources and the built app:
// - from TypeScript sources (tsx, vitest) this module's URL ends in .ts; the worker is worker.ts,
//   loaded through tsx's loader, registered inside the worker before the entry is imported;
// - in an esbuild bundle (dist/web, dist/electron) the worker is its own bundle, import-worker.cjs,
//   next to the bundle that contains this code (see scripts/build-main.mjs).
// SOURCEMARK_IMPORT_WORKER names the worker file explicitly (packaging, odd layouts).
import fs from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const WORKER_BUNDLE_NAME = 'import-worker.cjs';

/**
 * A worker's JavaScript heap. V8 lets the old generation grow further before collecting it the larger
 * its limit is: with 2 GB, parsing 400 saved pages on two workers (with jsdom, before dom.ts) grew
 * the process by 60-150 MB of garbage; with 1 GB and a 16 MB young generation, by about 30 MB, for the
 * same CPU time per page (512 MB and 6 MB cost a fifth more CPU in collections). A file that needs
 * more runs again, alone, in a worker with the large limit (see pool.ts); ArrayBuffers are outside
 * both, and the pool's memory watchdog bounds those.
 */
export const WORKER_HEAP_MB = 1024;
export const LARGE_WORKER_HEAP_MB = 2048;
/** The young generation, where a parse's short-lived DOM nodes are born and, mostly, die. */
export const WORKER_YOUNG_GENERATION_MB = 16;

export function workerLimits(large: boolean): ResourceLimits {
  return { maxOldGenerationSizeMb: large ? LARGE_WORKER_HEAP_MB : WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
}

function selfUrl(): string | undefined {
  // An esbuild CommonJS bundle leaves import.meta empty; __dirname is defined there instead.
  const url = (import.meta as { url?: string }).url;
  return typeof url === 'string' && url ? url : undefined;
}

export function spawnParserWorker(limits: ResourceLimits = workerLimits(false)): Worker {
  const override = process.env.SOURCEMARK_IMPORT_WORKER;
  if (override) return new Worker(override, { resourceLimits: limits });
  const self = selfUrl();
  if (self && /\.(c|m)?ts$/.test(new URL(self).pathname)) {
    const entry = new URL('./worker.ts', self).href;
    const tsxApi = tsxEsmApi(self);
    const boot = `import(${JSON.stringify(tsxApi)}).then((api) => { (api.register ?? api.default.register)(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(boot, { eval: true, resourceLimits: limits });
  }
  const dir = self ? path.dirname(fileURLToPath(self)) : __dirname;
  return new Worker(path.join(dir, WORKER_BUNDLE_NAME), { resourceLimits: limits });
}

/** tsx's ESM register API, located through its package exports (its CommonJS twin cannot load the ESM hooks). */
function tsxEsmApi(from: string): string {
  const pkgPath = createRequire(from).resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const rel = pkg.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(path.join(path.dirname(pkgPath), rel)).href;
}
