// Packaging checks that run without Electron: the electron-builder configuration, and the built
// dist/electron bundles booted from a simulated packaged tree (resources/app.asar as a folder,
// resources/app.asar.unpacked with what the configuration unpacks) against a stand-in Electron.
// The import worker parses an HTML page and a PDF from the unpacked tree, under
// --preserve-symlinks so that a package missing from the unpacked set fails to resolve.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../../electron.config';
import { buildMain, targets } from '../../../scripts/build-main.mjs';
import { writeSmokeFixtures } from '../../../scripts/packaged-smoke.mjs';
import { checkNativeForPack, packageClosure, WORKER_BUNDLE, WORKER_RUNTIME_PACKAGES } from '../../../scripts/packaging.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const electronOutputs = targets.map((t) => t.outfile).filter((o) => o.startsWith('dist/electron/'));
let tmp: string;

beforeAll(async () => {
  await buildMain({ only: electronOutputs });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-packaged-'));
}, 120_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const unpack = config.asarUnpack as string[];

describe('the electron-builder configuration', () => {
  it('is accepted by electron-builder’s own schema', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await import('builder-util');
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asarUnpacked: [] } as never, new DebugLogger(false))).rejects.toThrow(/unknown property 'asarUnpacked'/);
  });

  it('unpacks the native modules, the import worker and every package the worker loads', () => {
    expect(unpack).toEqual(expect.arrayContaining(['native/**', 'node_modules/better-sqlite3/**', WORKER_BUNDLE]));
    for (const dir of packageClosure(root, WORKER_RUNTIME_PACKAGES)) expect(unpack).toContain(`${dir}/**`);
    expect(unpack).toContain('node_modules/pdfjs-dist/**');
  });

  it('leaves no package the worker bundle loads out of the unpacked set', () => {
    const bundle = fs.readFileSync(path.join(root, WORKER_BUNDLE), 'utf8');
    const bare = new Set<string>();
    for (const m of bundle.matchAll(/(?:require|import)\("([^".][^"]*)"\)/g)) {
      const spec = m[1] as string;
      if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      bare.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
    }
    expect([...bare].sort()).toEqual([...WORKER_RUNTIME_PACKAGES].sort());
  });

  it('sets the fuses that stop the app being run as plain Node or from a swapped archive', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packs a main script that exists, under the same product name npm start uses', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; productName: string };
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(fs.existsSync(path.join(root, pkg.main))).toBe(true);
    expect(config.productName).toBe(pkg.productName);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'native/**', 'package.json']));
  });

  it('prefers the deb package on Linux, whose post-install script loads the AppArmor profile', () => {
    expect(config.linux.target[0]).toBe('deb');
    const afterInstall = fs.readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'templates', 'linux', 'after-install.tpl'), 'utf8');
    expect(afterInstall).toContain('apparmor_parser');
  });

  it('checks the Electron SQLite module before packing, for the platform and architecture packed', async () => {
    const context = { electronPlatformName: process.platform, arch: process.arch === 'arm64' ? 3 : 1, packager: { config: {} } };
    const expected = checkNativeForPack(root, { platform: process.platform, arch: context.arch });
    const outcome = await config.beforePack(context as never).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(outcome).toBe(expected);
    // Packing for another OS with this machine's module is refused, whatever is installed here.
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    await expect(config.beforePack({ ...context, electronPlatformName: other } as never)).rejects.toThrow(/Packaging stopped/);
  });
});

/** Links (or copies) `rel` from the project into `dest`, as the packager would have put it there. */
function place(dest: string, rel: string, how: 'link' | 'copy'): void {
  const from = path.join(root, rel);
  const to = path.join(dest, rel);
  if (fs.existsSync(to)) return;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (how === 'copy') fs.cpSync(from, to, { recursive: true });
  else fs.symlinkSync(from, to);
}

describe('the built app in a packaged layout', () => {
  it('boots with its main, native module and import worker where electron-builder puts them', async () => {
    const resources = path.join(tmp, 'resources');
    const asar = path.join(resources, 'app.asar');
    const unpacked = path.join(resources, 'app.asar.unpacked');
    fs.mkdirSync(asar, { recursive: true });
    // The archive: package.json with the packed main, the bundles, the renderer, node_modules.
    const pkg = { ...JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')), ...config.extraMetadata };
    fs.writeFileSync(path.join(asar, 'package.json'), JSON.stringify(pkg));
    for (const out of electronOutputs) place(asar, out, 'copy');
    if (fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) place(asar, 'dist/renderer', 'copy');
    else {
      fs.mkdirSync(path.join(asar, 'dist', 'renderer'), { recursive: true });
      fs.writeFileSync(path.join(asar, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Sourcemark</title>');
    }
    for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
      if (entry === 'electron' || entry.startsWith('.')) continue;
      place(asar, path.join('node_modules', entry), 'link');
    }
    fs.mkdirSync(path.join(asar, 'node_modules', 'electron'));
    fs.copyFileSync(path.join(import.meta.dirname, 'packaged', 'fake-electron.cjs'), path.join(asar, 'node_modules', 'electron', 'index.js'));
    fs.writeFileSync(path.join(asar, 'node_modules', 'electron', 'package.json'), '{"name":"electron","main":"index.js"}');

    // What asarUnpack takes out of the archive, as the configuration says.
    for (const pattern of unpack) {
      if (pattern === 'native/**') continue;
      const rel = pattern.replace(/\/\*\*$/, '');
      const nested = unpack.some((p) => p !== pattern && p.endsWith('/**') && rel.startsWith(`${p.slice(0, -3)}/`));
      if (!nested) place(unpacked, rel, pattern.endsWith('/**') ? 'link' : 'copy');
    }
    // Stands in for the Electron-ABI module: this test runs under Node, so the Node build loads.
    fs.mkdirSync(path.join(unpacked, 'native', 'electron'), { recursive: true });
    fs.copyFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), path.join(unpacked, 'native', 'electron', 'better_sqlite3.node'));

    const library = path.join(tmp, 'new', 'nested', 'library');
    await writeSmokeFixtures(tmp);
    const html = path.join(tmp, 'canal.html');
    const pdf = path.join(tmp, 'report.pdf');

    const run = spawnSync(
      process.execPath,
      ['--preserve-symlinks', '--preserve-symlinks-main', path.join(import.meta.dirname, 'packaged', 'boot-packaged.cjs'), path.join(asar, 'dist', 'electron', 'main.cjs'), library, html, pdf],
      { encoding: 'utf8', env: { ...process.env, FAKE_ELECTRON_USER_DATA: path.join(tmp, 'profile', 'Sourcemark'), SOURCEMARK_IMPORT_WORKER: '' }, timeout: 90_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);

    // --data-dir to a folder that did not exist: created, the library in it, Chromium's profile elsewhere.
    expect(r.libraryExists).toBe(true);
    expect(r.setPaths.map(([name]: [string]) => name)).toEqual(['userData', 'sessionData']);
    for (const [, value] of r.setPaths as [string, string][]) expect(value.startsWith(library)).toBe(false);
    expect(r.info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir: library, version: '0.1.0-packaged' } });
    expect(r.forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The worker that parsed these is the unpacked one, and it found pdf.js there.
    expect(r.worker).toBe(path.join(unpacked, 'dist', 'electron', 'import-worker.cjs'));
    expect(r.html).toMatchObject({ ok: true, value: { status: 'created', source: { title: 'Canal closed' } } });
    expect(r.pdf).toMatchObject({ ok: true, value: { status: 'created' } });

    expect(r.page.status).toBe(200);
    expect(r.page.csp).toContain("default-src 'none'");
    expect(r.requests).toEqual({
      'app://sourcemark/index.html': 'allowed',
      'https://example.com/': 'refused',
      'http://127.0.0.1:9/': 'refused',
      'file:///etc/passwd': 'refused',
      'data:text/plain,x': 'allowed',
    });
    expect(r.permission).toBe(false);
    expect(r.guards).toEqual({ webview: true, navigateAway: true, navigateHome: false, redirectAway: true, popup: { action: 'deny' } });
    expect(r.laterDecision).toBe('refused');
    expect(r.sandboxEnabled).toBe(true);
    // The packaged app locks Chromium's own resolver and proxy before ready, so nothing it starts
    // outside a session can look up or reach a host.
    const switches = Object.fromEntries(r.switches as [string, string][]);
    expect(switches['host-resolver-rules']).toMatch(/^MAP \* \^NOTFOUND/);
    expect(switches).toHaveProperty('proxy-server');
    expect(r.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    for (const risky of ['experimentalFeatures', 'enableBlinkFeatures', 'nodeIntegrationInSubFrames']) expect(r.webPreferences, risky).not.toHaveProperty(risky);
    expect(r.loadedUrl).toBe('app://sourcemark/index.html');
    expect(r.menu).toBe(true);
    expect(r.errors).toEqual([]);

    // Quitting closes the library first; afterwards calls get a clear answer, not a crash.
    expect(r.quitPrevented).toBe(true);
    expect(r.afterClose).toMatchObject({ ok: false, error: { code: 'STORE_FAILED' } });
  }, 120_000);
});
