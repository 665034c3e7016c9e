// Builds better-sqlite3 for Electron's ABI into native/electron/, beside the Node-ABI build in
// node_modules that tests and browser mode use. Tries a prebuilt binary first (prebuild-install),
// then a compile from source (@electron/rebuild); both need the network. `npm start` and
// postinstall call it when the module is missing or was built for another Electron; run by hand
// (`npm run rebuild:electron`) it always rebuilds, unless given --if-needed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describeNativeModule, judgeNativeModule, NATIVE_RELATIVE, STAMP_RELATIVE } from './native-electron.mjs';

const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|network connectivity/i;

/** The line of a tool's output that says what went wrong, in a few words. */
export function gist(result) {
  if (result.error) return result.error.message;
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const network = lines.find((l) => NETWORK.test(l));
  if (network) {
    const host = /ENOTFOUND (\S+)/.exec(network)?.[1];
    return `no network${host ? ` (${host} could not be resolved)` : ''}: ${network}`;
  }
  const telling = lines.find((l) => /error|fail/i.test(l) && !/^at /.test(l));
  return telling ?? lines[0] ?? `exit ${result.status}`;
}

const looksOffline = (attempts) => attempts.some((a) => a.includes(': no network'));

/**
 * Builds the module for `target` ({ electronVersion, abi, platform, arch }) and writes its stamp.
 * Resolves { ok: true, file } or { ok: false, message } with a paragraph for a person.
 */
export function buildNativeForElectron(root, target, log = (line) => process.stdout.write(`${line}\n`)) {
  const require = createRequire(path.join(root, 'package.json'));
  const file = path.join(root, NATIVE_RELATIVE);
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  // Work on a copy so node_modules keeps its Node build for the tests.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-sqlite-electron-'));
  try {
    fs.cpSync(sqliteDir, path.join(work, 'better-sqlite3'), { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
    const pkgDir = path.join(work, 'better-sqlite3');
    const built = path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
    const attempts = [];
    log(`Sourcemark: fetching SQLite (better-sqlite3) built for Electron ${target.electronVersion} (${target.platform}-${target.arch})…`);
    const prebuild = spawnSync(
      process.execPath,
      [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', target.electronVersion, '--arch', target.arch, '--platform', target.platform],
      { cwd: pkgDir, encoding: 'utf8' },
    );
    attempts.push(`prebuild-install: ${gist(prebuild)}`);
    if (!fs.existsSync(built)) {
      log('Sourcemark: no prebuilt binary; compiling it against Electron’s headers (a few minutes)…');
      const rebuildCli = path.join(path.dirname(require.resolve('@electron/rebuild')), 'cli.js');
      const rebuild = spawnSync(process.execPath, [rebuildCli, '--version', target.electronVersion, '--arch', target.arch, '--module-dir', pkgDir, '--force'], {
        cwd: pkgDir,
        encoding: 'utf8',
      });
      attempts.push(`@electron/rebuild: ${gist(rebuild)}`);
    }
    const verdict = fs.existsSync(built) ? judgeNativeModule(describeNativeModule(fs.readFileSync(built)), null, target) : null;
    if (!verdict?.ok) {
      const why = verdict ? verdict.reason : looksOffline(attempts) ? 'the network is not reachable from here' : 'neither way produced a module';
      return {
        ok: false,
        message:
          `Could not build SQLite for Electron ${target.electronVersion} (${target.platform}-${target.arch}): ${why}.\n` +
          'Both ways need the internet once: a prebuilt binary from GitHub, or Electron’s headers to compile against.\n' +
          attempts.map((a) => `  - ${a}`).join('\n') +
          `\nOn a machine with internet access run \`npm run rebuild:electron\`, or copy its ${NATIVE_RELATIVE} here.\n` +
          'Meanwhile browser mode (`npm run web`) runs Sourcemark without it.',
      };
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Copy, then rename: an interrupted copy never leaves a half-written module that looks present.
    fs.copyFileSync(built, `${file}.tmp`);
    fs.renameSync(`${file}.tmp`, file);
    fs.writeFileSync(path.join(root, STAMP_RELATIVE), `${JSON.stringify({ ...target, builtAt: new Date().toISOString() }, null, 2)}\n`);
    log(`Sourcemark: built ${NATIVE_RELATIVE} for Electron ${target.electronVersion}.`);
    return { ok: true, file };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { localTarget, nativeModuleStatus } = await import('./native-electron.mjs');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const target = localTarget(root);
  if (!target) {
    process.stderr.write('The electron package is not installed, so there is nothing to build SQLite for.\n');
    process.exit(1);
  }
  // --if-needed (CI): keep a module that already fits this Electron, as `npm start` does.
  if (process.argv.includes('--if-needed') && nativeModuleStatus(root, target).ok) {
    process.stdout.write(`Sourcemark: ${NATIVE_RELATIVE} already fits Electron ${target.electronVersion}.\n`);
    process.exit(0);
  }
  const result = buildNativeForElectron(root, target);
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
}
