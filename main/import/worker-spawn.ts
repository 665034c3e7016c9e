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

/** A worker's JavaScript heap; ArrayBuffers are outside it, and the pool's memory watchdog bounds those. */
export const WORKER_HEAP_MB = 2048;
const RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };

function selfUrl(): string | undefined {
  // An esbuild CommonJS bundle leaves import.meta empty; __dirname is defined there instead.
  const url = (import.meta as { url?: string }).url;
  return typeof url === 'string' && url ? url : undefined;
}

export function spawnParserWorker(): Worker {
  const override = process.env.SOURCEMARK_IMPORT_WORKER;
  if (override) return new Worker(override, { resourceLimits: RESOURCE_LIMITS });
  const self = selfUrl();
  if (self && /\.(c|m)?ts$/.test(new URL(self).pathname)) {
    const entry = new URL('./worker.ts', self).href;
    const tsxApi = tsxEsmApi(self);
    const boot = `import(${JSON.stringify(tsxApi)}).then((api) => { (api.register ?? api.default.register)(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(boot, { eval: true, resourceLimits: RESOURCE_LIMITS });
  }
  const dir = self ? path.dirname(fileURLToPath(self)) : __dirname;
  return new Worker(path.join(dir, WORKER_BUNDLE_NAME), { resourceLimits: RESOURCE_LIMITS });
}

/** tsx's ESM register API, located through its package exports (its CommonJS twin cannot load the ESM hooks). */
function tsxEsmApi(from: string): string {
  const pkgPath = createRequire(from).resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const rel = pkg.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(path.join(path.dirname(pkgPath), rel)).href;
}
