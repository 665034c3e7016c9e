// The pdf suite's measured process: `node pdf-child.cjs <folder> <scale> [suite args…]` runs
// pdf-export.ts and prints one JSON bench line per metric on stdout, for the suite to pass on
// (progress goes to stderr).
import { runMain, type BenchLine } from './harness';
import { pdfExportBench } from './pdf-export';

async function main(): Promise<void> {
  const [tmpDir, scale, ...args] = process.argv.slice(2);
  if (!tmpDir || !(Number(scale) > 0)) {
    process.stderr.write('usage: pdf-child.cjs <folder> <scale> [suite args…]\n');
    process.exit(2);
  }
  await pdfExportBench({ scale: Number(scale), args, tmpDir, emit: (l: BenchLine) => process.stdout.write(`${JSON.stringify(l)}\n`) });
}

runMain(main);
