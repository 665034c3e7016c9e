// `npm run rebuild:electron`: builds better-sqlite3 for Electron's ABI into native/electron/, beside
// the Node-ABI build in node_modules that tests and browser mode use. Tries a prebuilt binary
// first (prebuild-install), then a compile from source (@electron/rebuild); both need the network.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const target = path.join(root, 'native', 'electron', 'better_sqlite3.node');
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));

/** The line of a tool's output that says what went wrong. */
function gist(result) {
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const network = lines.find((l) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(l));
  const telling = lines.find((l) => /error|fail/i.test(l) && !/^at /.test(l));
  return network ?? telling ?? lines[0] ?? `exit ${result.status}`;
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// Work on a copy so node_modules keeps its Node build for the tests.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-sqlite-electron-'));
fs.cpSync(sqliteDir, path.join(work, 'better-sqlite3'), { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
const pkgDir = path.join(work, 'better-sqlite3');
const built = path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node');

const attempts = [];
const prebuild = spawnSync(
  process.execPath,
  [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform],
  { cwd: pkgDir, encoding: 'utf8' },
);
attempts.push(`prebuild-install: ${gist(prebuild)}`);

if (!fs.existsSync(built)) {
  const rebuildCli = path.join(path.dirname(require.resolve('@electron/rebuild')), 'cli.js');
  const rebuild = spawnSync(process.execPath, [rebuildCli, '--version', electronVersion, '--module-dir', pkgDir, '--force'], { cwd: pkgDir, encoding: 'utf8' });
  attempts.push(`@electron/rebuild: ${gist(rebuild)}`);
}

if (!fs.existsSync(built)) {
  fs.rmSync(work, { recursive: true, force: true });
  fail(
    `Could not build better-sqlite3 for Electron ${electronVersion} (${process.platform}-${process.arch}).\n` +
      `Both ways need the internet: a prebuilt binary from GitHub, or Electron's headers to compile against.\n` +
      attempts.map((a) => `  - ${a}`).join('\n') +
      `\nOn a machine with internet access run \`npm run rebuild:electron\` again, or copy its native/electron/better_sqlite3.node here.\n` +
      'Browser mode (`npm run web`) does not need it.',
  );
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(work, { recursive: true, force: true });
process.stdout.write(`Built ${path.relative(root, target)} for Electron ${electronVersion}.\n`);
