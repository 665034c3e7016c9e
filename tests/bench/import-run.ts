// Runs import-child.ts in a process of its own, from a bundle (see built-child.ts), and reads its one line of results.
import path from 'node:path';
import { bundleChild, PREVIOUS_WORKER, runChild } from './built-child';

export interface ChildImport {
  ms: number;
  cpuMs: number;
  peakMb: number;
  failed: number;
}

export async function importInChild(mode: 'app' | 'previous', dataDir: string, files: string[], tmpDir: string): Promise<ChildImport> {
  const child = await bundleChild('import-child', tmpDir, { importWorkers: true });
  // "previous" is the import as it was before issue 9: the old pool settings and jsdom's DOM.
  const env: Record<string, string> = mode === 'previous' ? { SOURCEMARK_IMPORT_WORKER: path.join(path.dirname(child), PREVIOUS_WORKER) } : {};
  return runChild<ChildImport>(child, [mode, dataDir, ...files], env);
}
