// Runs import-child.ts in a process of its own and reads its one line of results.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface ChildImport {
  ms: number;
  cpuMs: number;
  peakMb: number;
  failed: number;
}

export function importInChild(mode: 'app' | 'previous', dataDir: string, files: string[]): ChildImport {
  const script = path.join(import.meta.dirname, 'import-child.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, mode, dataDir, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildImport;
}
