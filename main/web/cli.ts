// Entry of browser mode (`npm run web`, bundled to dist/web/server.cjs): parse the options, start
// the server, print the one line with the address, and close cleanly on Ctrl+C.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserDataDir, CliError, defaultDataDir, parseCliArgs } from '../security/cli-args';
import { LIBRARY_FILE } from '../service/index';
import { startWebServer } from './server';

const USAGE = `Usage: npm run web -- [--port N] [--data DIR] [--import-dir DIR]...
  --port N           listen on 127.0.0.1:N (default: any free port)
  --data DIR         keep the library in DIR (default: ${defaultDataDir(process.platform, process.env, os.homedir())}, the desktop app's)
  --import-dir DIR   allow importing files from DIR by path (repeatable; default: none, files are uploaded)`;

export async function main(argv: readonly string[]): Promise<void> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let dataDir: string;
  if (options.dataDir) dataDir = path.resolve(options.dataDir);
  else {
    const chosen = browserDataDir(process.platform, process.env, os.homedir(), (dir) => fs.existsSync(path.join(dir, LIBRARY_FILE)));
    if (chosen.note) process.stderr.write(`${chosen.note}\n`);
    dataDir = path.resolve(chosen.dir);
  }
  let server;
  try {
    // `npm run dev` restarts this process on every change; a fixed token keeps the open page signed in.
    server = await startWebServer({ dataDir, port: options.port, importDirs: options.importDirs, rendererDir: process.env.SOURCEMARK_RENDERER_DIR, token: process.env.SOURCEMARK_TOKEN });
  } catch (err) {
    process.stderr.write(`Sourcemark could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Sourcemark is running at ${server.url}\n`);
  server.service.ready.then(
    () => {
      const problem = server.service.keeper.problem;
      if (!problem) return;
      // The keeper has already described the problem on stderr; say what the page offers.
      process.stderr.write(
        `Sourcemark: the library is in its recovery state and nothing will be written to ${problem.file}.\n` +
          '  Open the address above to restore the newest good backup or salvage what can still be read.\n',
      );
    },
    (err: unknown) => {
      process.stderr.write(`Sourcemark could not open its library: ${(err as Error).message}\n`);
      void server.close().finally(() => process.exit(1));
    },
  );
  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\nSourcemark: ${reason}, closing the library…\n`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`Sourcemark: closing failed: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  // Started by `npm run web` (scripts/serve-child.mjs) with an IPC channel: when that wrapper ends, even
  // by kill -9, the channel closes; the server then closes the library and exits rather than live on as
  // an orphan still serving it. The channel itself must not keep the process alive.
  if (process.channel) {
    process.channel.unref();
    process.once('disconnect', () => {
      // The wrapper's end of stdout/stderr may be gone too: a failed write must not stop the close.
      process.stdout.on('error', () => undefined);
      process.stderr.on('error', () => undefined);
      stop('the `npm run web` process that started it ended');
    });
  }
  process.on('SIGINT', () => stop('Ctrl+C received'));
  process.on('SIGTERM', () => stop('SIGTERM received'));
}

void main(process.argv.slice(2));
