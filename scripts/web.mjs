// `npm run web -- --port N --data DIR`: builds what is missing or stale, then runs browser mode
// from the bundle, passing the options through. The server prints the one line with the address.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { ensureBuilt } from './build-if-needed.mjs';
import { runServerChild } from './serve-child.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

// Bad options are refused before a possibly long build; the server checks them again with the same parser.
const { parseCliArgs, CliError } = await tsImport('../main/security/cli-args.ts', import.meta.url);
let options;
try {
  options = parseCliArgs(args);
} catch (err) {
  if (!(err instanceof CliError)) throw err;
  process.stderr.write(`${err.message}\nUsage: npm run web -- [--port N] [--data DIR] [--import-dir DIR]...\n`);
  process.exit(2);
}
if (!options.help) {
  try {
    await ensureBuilt(root, { electron: false });
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}

runServerChild(path.join(root, 'dist/web/server.cjs'), args, { cwd: root });
