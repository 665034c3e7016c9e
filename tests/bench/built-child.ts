// Measured work that runs in a process of its own, from an esbuild bundle built with the back end's
// own options (scripts/build-main.mjs), as the app runs dist/web/server.cjs and its import worker. Run
// through tsx instead, the process also carried tsx's module-loader thread and an esbuild service
// process, and each import worker compiled its TypeScript at start: none of which an analyst's
// machine runs, and all of which the process-tree figures counted.
import { execFileSync, spawn } from 'node:child_process';
import readline from 'node:readline';
import fs from 'node:fs';
import path from 'node:path';
import { buildMain, bundleEntry } from '../../scripts/build-main.mjs';
import type { BenchLine } from './harness';

const root = path.resolve(import.meta.dirname, '..', '..');
const built = new Map<string, Promise<string>>();
/** The import worker as it was before saved pages were read by parse5 and linkedom, beside the bundles. */
export const PREVIOUS_WORKER = 'import-worker-jsdom.cjs';

/**
 * Bundles tests/bench/<name>.ts into the run's folder, once per run. `importWorkers` puts the import
 * worker's bundle beside it, and the baseline's (PREVIOUS_WORKER), for a child that imports files.
 */
export function bundleChild(name: string, tmpDir: string, { importWorkers = false } = {}): Promise<string> {
  let file = built.get(name);
  if (!file) {
    const outDir = path.join(tmpDir, 'bundled');
    const outfile = path.join(outDir, `${name}.cjs`);
    file = (async () => {
      fs.mkdirSync(outDir, { recursive: true });
      await bundleEntry(path.join(root, 'tests', 'bench', `${name}.ts`), outfile);
      if (importWorkers) {
        await buildMain({ only: ['dist/web/import-worker.cjs'], outDir });
        // The baseline's worker: the same code with jsdom reading saved pages, as before issue 9.
        await bundleEntry(path.join(root, 'main', 'import', 'worker.ts'), path.join(outDir, PREVIOUS_WORKER), {
          replace: { [path.join(root, 'main', 'import', 'dom')]: path.join(root, 'tests', 'bench', 'jsdom-dom.ts') },
        });
      }
      return outfile;
    })();
    built.set(name, file);
  }
  return file;
}

/** Runs a bundled child under plain Node and parses the last line it prints as JSON. */
export function runChild<T>(file: string, args: string[], env: Record<string, string> = {}): T {
  const out = execFileSync(process.execPath, [file, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20, env: { ...process.env, ...env } });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/** Runs a bundled child that prints one bench line per metric, passing each on as it comes. */
export async function runChildLines(file: string, args: string[], emit: (l: BenchLine) => void): Promise<void> {
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  for await (const text of readline.createInterface({ input: child.stdout })) {
    if (text.trim()) emit(JSON.parse(text) as BenchLine);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`${path.basename(file)} stopped with exit code ${code}.`);
}
