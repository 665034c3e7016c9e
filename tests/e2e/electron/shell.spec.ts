// The desktop shell's promises: one instance per library (a second launch brings the first window
// forward), no network request leaves the app (every session refuses what is not its own), a
// --data-dir that does not exist yet is created, and closing the window during an export still
// writes the export and closes the library cleanly.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { ExportDialog } from '../pages/export-dialog';
import { CHROMIUM_PROFILE_FILES, desktopTestsSkipReason, launchArgs, launchDesktopApp, launchEnv, root, type DesktopApp } from '../support/electron-app';

const unavailable = desktopTestsSkipReason();

test.describe('desktop shell', () => {
  test.skip(unavailable !== null, `Desktop app cannot run here: ${unavailable ?? ''}`);

  let desktop: DesktopApp | null = null;
  test.afterEach(async () => {
    await desktop?.close();
    desktop = null;
  });

  test('a second launch on the same library brings the first window forward and exits', async () => {
    desktop = await launchDesktopApp();
    await desktop.app.evaluate(({ app }) => {
      (globalThis as { secondLaunches?: number }).secondLaunches = 0;
      app.on('second-instance', () => {
        (globalThis as { secondLaunches?: number }).secondLaunches! += 1;
      });
    });
    const second = spawn(electronBinary().path!, launchArgs(desktop.dataDir), { cwd: root, env: launchEnv(desktop.profileRoot) });
    let output = '';
    second.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain(`Sourcemark is already open on ${desktop.dataDir}`);
    await expect.poll(() => desktop!.app.evaluate(() => (globalThis as { secondLaunches?: number }).secondLaunches)).toBe(1);
    // The first instance is untouched and still serves its window.
    expect((await desktop.call('appInfo', {})).dataDir).toBe(desktop.dataDir);
  });

  test('no request leaves the app: pages, new sessions and windows are refused before the network', async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits += 1;
      res.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      desktop = await launchDesktopApp();
      const fromPage = await desktop.window.evaluate((target) => fetch(target).then(() => 'reached', (err: Error) => `refused: ${err.message}`), url);
      expect(fromPage).toMatch(/^refused/);
      const fromWindows = await desktop.app.evaluate(async ({ BrowserWindow, session }, target) => {
        const results: string[] = [];
        for (const partition of [undefined, 'persist:elsewhere']) {
          const win = new BrowserWindow({ show: false, webPreferences: partition ? { session: session.fromPartition(partition) } : {} });
          try {
            await win.loadURL(target);
            results.push('loaded');
          } catch (err) {
            results.push(String((err as Error).message));
          } finally {
            win.destroy();
          }
        }
        return results;
      }, url);
      for (const result of fromWindows) expect(result).toContain('ERR_BLOCKED_BY_CLIENT');
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  test('a --data-dir that does not exist yet is created, and holds the library only', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-new-'));
    const dataDir = path.join(parent, 'cases', '2026', 'maren');
    try {
      desktop = await launchDesktopApp({ dataDir });
      expect((await desktop.call('appInfo', {})).dataDir).toBe(dataDir);
      expect(fs.existsSync(path.join(dataDir, 'library.sqlite'))).toBe(true);
      const entries = fs.readdirSync(dataDir);
      for (const name of CHROMIUM_PROFILE_FILES) expect(entries).not.toContain(name);
    } finally {
      await desktop?.close();
      desktop = null;
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  test('closing the window during a PDF export still writes the export, then quits cleanly', async () => {
    const keep = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-keep-'));
    try {
      desktop = await launchDesktopApp({ dataDir: path.join(keep, 'library') });
      const target = path.join(keep, 'brief.pdf');
      await desktop.stubSaveDialog(target);
      await desktop.clickMenu('file-export');
      const dialog = new ExportDialog(desktop.window);
      await dialog.choose('PDF');
      await dialog.confirm();
      // The hidden print window exists while Chromium lays out the brief: close the main window then.
      await expect.poll(() => desktop!.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBeGreaterThan(1);
      const exited = new Promise<number | null>((resolve) => desktop!.app.process().on('exit', resolve));
      await desktop.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => w.isVisible())?.close());
      expect(await exited).toBe(0);

      expect(fs.readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const db = new Database(path.join(keep, 'library', 'library.sqlite'), { readonly: true });
      try {
        const records = db.prepare('SELECT path FROM export_record').all() as { path: string }[];
        expect(records.map((r) => r.path)).toContain(target);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      // Closed cleanly: the WAL was checkpointed and removed.
      expect(fs.existsSync(path.join(keep, 'library', 'library.sqlite-wal'))).toBe(false);
    } finally {
      await desktop?.close();
      desktop = null;
      fs.rmSync(keep, { recursive: true, force: true });
    }
  });
});
