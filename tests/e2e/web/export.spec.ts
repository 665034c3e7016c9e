// The analyst exports the brief from the brief pane in browser mode and receives the file as a
// download; uncited claims are asked about, and a passage that no longer matches its source stops it.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

test.use({ demo: true });

/** The export dialog as the analyst sees it. */
class ExportDialog {
  constructor(private readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: /^Export/ });
  }

  async openFromBriefPane(): Promise<void> {
    await this.page.getByRole('region', { name: 'Brief' }).getByRole('button', { name: 'Export', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  async choose(format: 'PDF' | 'Markdown'): Promise<void> {
    await this.dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  }

  /** Clicks Export in the dialog (and, when asked, the given follow-up) and returns the download. */
  async exportAndDownload(followUp?: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: 'Export', exact: true }).click();
    if (followUp) await this.dialog.getByRole('button', { name: followUp }).click();
    return download;
  }
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('region', { name: 'Brief' }).getByRole('button', { name: 'Export', exact: true })).toBeVisible();
}

test('Export → PDF downloads a file a reader can check claim by claim', async ({ app, page }, testInfo) => {
  const [demo] = await app.call('listBriefs', {});
  const brief = await app.call('getBrief', { id: demo!.id });
  await openApp(page, app.url);
  const ui = new ExportDialog(page);
  await ui.openFromBriefPane();
  await ui.choose('PDF');
  const download = await ui.exportAndDownload();
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = testInfo.outputPath('brief.pdf');
  await download.saveAs(file);
  await expect(ui.dialog.getByRole('status')).toContainText(/Exported \d+ pages? to .*\.pdf and downloaded\./);

  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const squash = (s: string) => s.replace(/\s+/g, '');
  for (const claim of brief.claims) expect(squash(text)).toContain(squash(claim.text));
  expect(text).toContain(brief.marking);
  expect(text).toMatch(/Page 1 of \d+/);
  // The download is the recorded export, byte for byte.
  const [record] = await app.call('exportRecords', { briefId: brief.id });
  expect(fs.readFileSync(file).equals(fs.readFileSync(record!.path))).toBe(true);

  await ui.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(ui.dialog).toBeHidden();
});

test('Ctrl+E exports Markdown; uncited claims are listed with Go back and Export anyway', async ({ app, page }, testInfo) => {
  const [demo] = await app.call('listBriefs', {});
  await app.call('addClaim', { briefId: demo!.id, text: 'Ferry traffic will recover within a month.' });
  await openApp(page, app.url);
  const ui = new ExportDialog(page);

  await page.locator('body').press('Control+e');
  await expect(ui.dialog).toBeVisible();
  await ui.choose('Markdown');
  await ui.dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const uncited = ui.dialog.getByRole('list', { name: 'Claims without citations' });
  await expect(uncited).toContainText('Ferry traffic will recover within a month.');
  await ui.dialog.getByRole('button', { name: 'Go back' }).click();
  await expect(ui.dialog).toBeHidden();
  expect(await app.call('exportRecords', { briefId: demo!.id })).toEqual([]);

  await ui.openFromBriefPane();
  await ui.choose('Markdown');
  const download = await ui.exportAndDownload('Export anyway');
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const file = testInfo.outputPath('brief.md');
  await download.saveAs(file);
  const md = fs.readFileSync(file, 'utf8');
  expect(md).toContain('Ferry traffic will recover within a month.');
  expect(md).toContain('*This claim cites no passage.*');
  expect(md).toMatch(/\[\^1\]: Claim 1/);
});

test('a passage that no longer matches its source stops the export and names the claim', async ({ app, page }) => {
  const [demo] = await app.call('listBriefs', {});
  const brief = await app.call('getBrief', { id: demo!.id });
  const cited = brief.claims[0]!.citations[0]!;
  const citedSource = brief.sources.find((s) => s.id === brief.quotes.find((q) => q.id === cited.quoteId)!.sourceId)!;
  // Tampering from outside the app: the store forbids it, so the test lifts that rule first.
  const db = new Database(path.join(app.dataDir, 'library.sqlite'));
  db.exec('DROP TRIGGER source_body_immutable');
  db.prepare("UPDATE source SET body = body || ' (edited)' WHERE id = ?").run(citedSource.id);
  db.close();

  await openApp(page, app.url);
  const ui = new ExportDialog(page);
  await ui.openFromBriefPane();
  await ui.dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const problems = ui.dialog.getByRole('list', { name: 'Passages that do not match their source' });
  await expect(problems).toContainText(`Claim 1, citation [${cited.number}]`);
  await expect(problems).toContainText(citedSource.title);
  await expect(ui.dialog.getByRole('button', { name: 'Export anyway' })).toHaveCount(0);
  await ui.dialog.getByRole('button', { name: 'Close' }).click();
  expect(await app.call('exportRecords', { briefId: brief.id })).toEqual([]);
});
