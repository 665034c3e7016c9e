// A damaged library opens on the recovery screen (which file, what is wrong, the ways out) and the
// newest good backup brings it back; the Backups dialog lists backups and restores one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '../support/fixtures';
import { startApp, callContract } from '../support/fixtures';
import { Workspace } from '../pages/workspace';
import { BackupsDialog, RecoveryScreen } from '../pages/recovery';
import { expectAccessible } from '../support/axe';

const SCREENS = path.join(import.meta.dirname, '..', '.screens');
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test.use({ viewport: { width: 1280, height: 800 } });

/** Overwrites a leaf page from the middle of the source table with random bytes. */
function garbleSources(file: string): void {
  const db = new Database(file, { readonly: true });
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'source' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, crypto.randomBytes(4096), 0, 4096, (pages[Math.floor(pages.length / 2)]! - 1) * 4096);
  fs.closeSync(fd);
}

test('a damaged library shows the recovery screen, and restoring the newest good backup reopens it', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-e2e-damaged-'));
  try {
    // A library with work in it, closed cleanly: it has its backup.
    let server = await startApp(dataDir, { demo: false });
    for (let i = 0; i < 40; i += 1) {
      await callContract(server.baseURL, server.token, 'addSource', { title: `Field report ${i}`, body: `Report ${i}. ${'Troops were seen near the bridge. '.repeat(40)}` });
    }
    await callContract(server.baseURL, server.token, 'backupNow', {});
    await server.close();
    const file = path.join(dataDir, 'library.sqlite');
    garbleSources(file);
    const damaged = sha256(file);

    server = await startApp(dataDir, { demo: false });
    try {
      const recovery = new RecoveryScreen(page);
      await page.goto(server.url);
      await expect(page.getByRole('heading', { level: 1, name: 'The library file is damaged' })).toBeVisible();
      await expect(recovery.problem).toContainText(file);
      await expect(recovery.problem).toContainText("failed SQLite's consistency check");
      await expect(recovery.restoreNewest).toBeEnabled();
      await expect(page.getByText(/40 sources, 0 briefs\./)).toBeVisible();
      await expect(recovery.salvage).toBeEnabled();
      await page.screenshot({ path: path.join(SCREENS, 'recovery.png') });
      await expectAccessible(page, 'recovery screen');
      expect(sha256(file)).toBe(damaged);

      await recovery.restoreNewest.click();
      await expect(recovery.outcome).toContainText('Restored the backup of');
      await expect(recovery.outcome).toContainText(/damaged\/library-.*\.sqlite/);
      await page.screenshot({ path: path.join(SCREENS, 'recovery-restored.png') });
      await expectAccessible(page, 'recovery screen after a restore');
      await recovery.openLibrary.click();
      const ws = new Workspace(page);
      await expect(ws.library.region).toContainText('40 sources');
      const aside = fs.readdirSync(path.join(dataDir, 'damaged')).find((n) => n.endsWith('.sqlite'))!;
      expect(sha256(path.join(dataDir, 'damaged', aside))).toBe(damaged);
    } finally {
      await server.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('salvage from the recovery screen reports what was recovered and lost, table by table', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-e2e-salvage-'));
  try {
    let server = await startApp(dataDir, { demo: false });
    for (let i = 0; i < 40; i += 1) {
      await callContract(server.baseURL, server.token, 'addSource', { title: `Intercept ${i}`, body: `Intercept ${i}. ${'A convoy moved north before dawn. '.repeat(40)}` });
    }
    await server.close();
    garbleSources(path.join(dataDir, 'library.sqlite'));
    server = await startApp(dataDir, { demo: false });
    try {
      const recovery = new RecoveryScreen(page);
      await page.goto(server.url);
      await recovery.salvage.click();
      const report = page.getByRole('table', { name: 'What was salvaged' });
      await expect(report).toBeVisible();
      const sources = report.getByRole('row', { name: /^Sources / });
      await expect(sources).toBeVisible();
      const recovered = Number(await sources.getByRole('cell').first().textContent());
      expect(recovered).toBeGreaterThan(0);
      expect(recovered).toBeLessThan(40);
      await page.screenshot({ path: path.join(SCREENS, 'recovery-salvaged.png') });
      await recovery.openLibrary.click();
      await expect(new Workspace(page).library.region).toContainText(`${recovered} sources`);
    } finally {
      await server.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the Backups dialog lists backups with what they hold, and restores one', async ({ app, page }) => {
  await app.call('addSource', { title: 'Morning report', body: 'The bridge was intact at 06:00.' });
  await app.call('createBrief', { title: 'Bridge status' });
  const first = await app.call('backupNow', {});
  await app.call('addSource', { title: 'Evening report', body: 'The bridge was destroyed at 19:00.' });

  const ws = new Workspace(page);
  await ws.open(app.url);
  await expect(ws.library.region).toContainText('2 sources');
  const backups = new BackupsDialog(page);
  await backups.open();
  await expect(backups.dialog).toContainText(path.join(app.dataDir, 'backups'));
  const row = backups.row('1 source, 1 brief');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Backed up by hand');
  await backups.dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.row('2 sources, 1 brief')).toHaveCount(1);
  await page.screenshot({ path: path.join(SCREENS, 'backups-dialog.png') });

  await row.getByRole('button', { name: /^Restore the backup of / }).click();
  await expect(backups.dialog.getByRole('group', { name: 'Confirm restore' })).toContainText('1 source, 1 brief');
  await backups.dialog.getByRole('button', { name: 'Restore this backup' }).click();
  // The page starts afresh on the restored library.
  await expect(backups.dialog).toBeHidden();
  await expect(ws.library.region.getByText('1 source', { exact: true })).toBeVisible();
  await expect(ws.library.source('Morning report')).toBeVisible();
  expect((await app.call('listSources', {})).total).toBe(1);
  // The library as it was is kept aside as a backup of its own: the restore can be undone.
  const list = await app.call('listBackups', {});
  const aside = list.find((b) => b.reason === 'before-restore');
  expect(aside).toMatchObject({ sources: 2, briefs: 1 });
  expect(list.some((b) => b.name === first.name)).toBe(true);
});

test('while the library is checked at open, a named screen shows the check and its progress, then the workspace', async ({ app, page }) => {
  await app.call('addSource', { title: 'Morning report', body: 'The bridge was intact at 06:00.' });
  // The real check of this small library is over in a blink; the screen is shown for the first
  // answers as a 285 MB library would give them (the service side is covered by the unit tests).
  let asked = 0;
  await page.route('**/api/libraryStatus', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    asked += 1;
    if (body.ok && asked <= 3) body.value = { ...body.value, state: 'checking', check: { bytes: 285 * 1024 * 1024, elapsedMs: 4_250 * asked, expectedMs: 17_000 } };
    await route.fulfill({ response, json: body });
  });
  const ws = new Workspace(page);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Checking the library…' })).toBeVisible();
  const bar = page.getByRole('progressbar', { name: 'Checking the library' });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/\d+% of 285 MB · about \d+ s left/);
  await expect(page.getByRole('main')).toContainText(path.join(app.dataDir, 'library.sqlite'));
  await page.screenshot({ path: path.join(SCREENS, 'checking.png') });
  // When the check is done the workspace opens by itself.
  await expect(ws.library.source('Morning report')).toBeVisible();
  expect(asked).toBeGreaterThan(3);
});
