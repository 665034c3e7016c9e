// `npm run dev -- [--port N] [--data DIR]`: browser mode while you work. The renderer rebuilds on
// change (vite build --watch) and the back end restarts from sources (tsx watch) on the same port
// with the same token, so reloading the page picks up either.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { parseCliArgs, CliError, defaultDataDir } = await tsImport('../main/security/cli-args.ts', import.meta.url);
let options;
try {
  options = parseCliArgs(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof CliError)) throw err;
  process.stderr.write(`${err.message}\nUsage: npm run dev -- [--port N] [--data DIR]\n`);
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const port = options.port || (await freePort());
const token = crypto.randomBytes(32).toString('base64url');
const dataDir = path.resolve(options.dataDir ?? path.join(defaultDataDir(process.platform, process.env, (await import('node:os')).homedir()), 'dev'));
const children = [];
const run = (args, env = {}) => {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    if (code && !stopping) process.stderr.write(`${path.basename(args[0])} stopped (exit ${code}).\n`);
  });
  return child;
};

const index = path.join(root, 'dist', 'renderer', 'index.html');
const before = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
run([path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--watch', '--logLevel', 'warn']);
// Serve only once the first renderer build is on disk.
while (!fs.existsSync(index) || fs.statSync(index).mtimeMs === before) await new Promise((r) => setTimeout(r, 200));
run([path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', 'main/web/cli.ts', '--port', String(port), '--data', dataDir], {
  SOURCEMARK_TOKEN: token,
});
process.stdout.write(`Sourcemark (dev) is running at http://127.0.0.1:${port}/#token=${token}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGINT');
  setTimeout(() => process.exit(0), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
