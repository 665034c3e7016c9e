// `npm run bench -- <suite> [--scale N] [--keep] [suite args…]`: runs tests/bench/suites/<suite>.ts and
// prints one JSON line per metric. Progress goes to stderr so stdout stays machine-readable.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runMain, type BenchLine, type Suite } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));

function usage(message: string): never {
  const suites = fs
    .readdirSync(path.join(here, 'suites'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3));
  process.stderr.write(`${message}\nUsage: npm run bench -- <suite> [--scale N] [--keep]\nSuites: ${suites.join(', ')}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const name = argv[0];
  if (!name || name.startsWith('-')) usage('Name a suite.');
  if (!/^[a-z0-9-]+$/.test(name)) usage(`"${name}" is not a suite name.`);
  const file = path.join(here, 'suites', `${name}.ts`);
  if (!fs.existsSync(file)) usage(`There is no suite "${name}".`);

  let scale = 1;
  let keep = false;
  const rest: string[] = [];
  for (let i = 1; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--scale') {
      scale = Number(argv[++i]);
      if (!(scale > 0) || !Number.isFinite(scale)) usage('--scale takes a positive number, e.g. 0.1 or 2.');
    } else if (a.startsWith('--scale=')) {
      scale = Number(a.slice('--scale='.length));
      if (!(scale > 0) || !Number.isFinite(scale)) usage('--scale takes a positive number, e.g. 0.1 or 2.');
    } else if (a === '--keep') keep = true;
    else rest.push(a);
  }

  const root = path.resolve(here, '..', '..', '.bench-tmp');
  fs.mkdirSync(root, { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(root, `${name}-`));
  const suite = (await import(pathToFileURL(file).href)) as { default: Suite };
  let failed = false;
  try {
    await suite.default({
      scale,
      args: rest,
      tmpDir,
      emit: (l: BenchLine) => {
        if (l.ok === false) failed = true;
        process.stdout.write(`${JSON.stringify(l)}\n`);
      },
    });
  } finally {
    if (keep) process.stderr.write(`Files kept in ${tmpDir}\n`);
    else fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  // A missed goal is reported in its line, not as a crash: the run itself succeeded.
  if (failed) process.stderr.write('Some goals were missed; see the lines with "ok":false.\n');
}

runMain(main);
