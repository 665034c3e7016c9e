// Runs import-child.ts in a process of its own, from a bundle (see built-child.ts), and reads its one line of results.
import { bundleChild, runChild } from './built-child';

export interface ChildImport {
  ms: number;
  cpuMs: number;
  peakMb: number;
  failed: number;
}

export async function importInChild(mode: 'app' | 'previous', dataDir: string, files: string[], tmpDir: string): Promise<ChildImport> {
  return runChild<ChildImport>(await bundleChild('import-child', tmpDir), [mode, dataDir, ...files]);
}
