// One import of saved pages in a process of its own, so its peak resident memory is the import's and
// not what the bench did before (a process's resident memory seldom shrinks). The import suite runs it
// from a bundle, as the app's server runs (see built-child.ts):
//   node import-child.cjs <app|previous> <data folder> <file>…
// and it prints one JSON line: { ms, cpuMs, peakMb, failed }.
// "previous" runs the same import service as it was before issue 9: the parsing pool configured with a
// worker per core up to four, each with a 2 GB heap and V8's default young generation, and workers
// that read saved pages with jsdom (import-run.ts points SOURCEMARK_IMPORT_WORKER at that bundle).
import os from 'node:os';
import { createImportService } from '../../main/import/service';
import { createParserPool } from '../../main/import/pool';
import { spawnParserWorker } from '../../main/import/worker-spawn';
import { openService } from '../../main/service/index';
import { addSourceWithPages } from '../../main/service/sources';
import { runMain } from './harness';
import { withPeak } from './process-tree';

async function main(): Promise<void> {
  const [mode, dataDir, ...files] = process.argv.slice(2);
  if ((mode !== 'app' && mode !== 'previous') || !dataDir || !files.length) {
    process.stderr.write('usage: import-child.cjs <app|previous> <data folder> <file>…\n');
    process.exit(2);
  }
  const s = await openService({
    dataDir,
    mode: 'web',
    version: 'bench',
    importAccess: { kind: 'folders', folders: [...new Set(files.map((f) => f.slice(0, f.lastIndexOf('/'))))] },
    pdf: { render: async () => new Uint8Array(), close: async () => {} },
    seedDemo: false,
  });
  const previous =
    mode === 'previous'
      ? createParserPool({ size: Math.max(1, Math.min(4, os.availableParallelism())), spawn: () => spawnParserWorker({ maxOldGenerationSizeMb: 2048 }) })
      : null;
  try {
    const importer = previous ? createImportService(s.ctx, { pool: previous, addSource: (input, pageStarts) => addSourceWithPages(s.ctx, input, pageStarts) }) : s.service;
    const run = await withPeak(async () => importer.importPaths({ paths: files }));
    const failed = run.value.filter((r) => !r.ok);
    if (failed.length) process.stderr.write(`import: ${failed.length} files failed, e.g. ${failed[0] && !failed[0].ok ? failed[0].error.message : ''}\n`);
    process.stdout.write(`${JSON.stringify({ ms: run.ms, cpuMs: run.cpuMs, peakMb: run.peakMb, failed: failed.length })}\n`);
  } finally {
    await previous?.close();
    await s.close();
  }
}

runMain(main);
