// Every screen passes axe-core with no serious or critical violation: the workspace with its three
// panes, the reader with a passage selected, the brief with a citation menu open, search, the export
// dialog, the import panel and review, the add-source and source-details dialogs, Backups, and the analysis
// fields with the export review of tradecraft notes. The
// recovery screen is checked in library-safety.spec.ts, where a damaged library is made.
import { expect, test } from '../support/fixtures';
import { expectAccessible } from '../support/axe';
import { ExportDialog } from '../pages/export-dialog';
import { ImportControls } from '../pages/import-panel';
import { BackupsDialog } from '../pages/recovery';
import { Workspace } from '../pages/workspace';

test.use({ demo: true });

test('the workspace, reader, brief and library', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  await expect(ws.brief.claims.first()).toBeVisible();
  await expectAccessible(page, 'workspace');
  await ws.library.sources.first().getByRole('button').first().click();
  await expect(ws.reader.heading).toBeVisible();
  await ws.brief.tag(1, /^\[1\]/).click();
  await expect(ws.reader.activePassage).toBeFocused();
  await expectAccessible(page, 'reader with a passage selected');
  await ws.brief.citationOptions(1, 1);
  await expectAccessible(page, 'brief with a citation menu open');
});

test('search', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.search.find('the');
  await expectAccessible(page, 'search dialog');
});

test('the export dialog', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  await expect(ws.brief.claims.first()).toBeVisible();
  await ws.brief.region.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = new ExportDialog(page);
  await expect(exportDialog.dialog).toBeVisible();
  await expectAccessible(page, 'export dialog');
});

test('the import panel and the review dialog', async ({ app, page }) => {
  const ws = new Workspace(page);
  const controls = new ImportControls(page);
  await ws.open(app.url);
  await controls.choose([
    { name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from('Harbour notes\n\nThe eastern pier was repaired in March.') },
    { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) },
  ]);
  // A parsing worker's first start is slow on a loaded machine: the wait is for the summary, however long.
  await expect(controls.progress.getByRole('status')).toHaveText(/^Import finished: 1 imported, 1 could not be imported/, { timeout: 90_000 });
  // One file imported: its review opens by itself.
  await expect(controls.review).toBeVisible();
  await expectAccessible(page, 'import review dialog');
  await page.keyboard.press('Escape');
  await expect(controls.review).toBeHidden();
  await expectAccessible(page, 'import panel');
});

test('the add-source and source details dialogs, and Backups', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.region.getByRole('button', { name: 'Add source' }).click();
  await expect(ws.library.addDialog).toBeVisible();
  await expectAccessible(page, 'add-source dialog');
  await page.keyboard.press('Escape');
  await expect(ws.library.addDialog).toBeHidden();
  await ws.library.sources.first().getByRole('button', { name: /^Edit details of / }).click();
  const details = page.getByRole('dialog', { name: 'Edit source details' });
  await expect(details).toBeVisible();
  await expectAccessible(page, 'source details dialog');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  const backups = new BackupsDialog(page);
  await backups.open();
  await expect(backups.rows.first()).toBeVisible();
  await expectAccessible(page, 'Backups dialog');
});

test('the analysis fields and the export review: product template, tradecraft notes', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  await expect(ws.brief.claims.first()).toBeVisible();
  await ws.brief.productTemplate();
  // A word off the ICD 203 scale: the claim gets a tradecraft note, and the export stops to review it.
  await ws.brief.claimText(1).fill('The port might reopen in March.');
  await ws.brief.setLikelihood(1, 'likely (55–80%)');
  await expect(ws.brief.tradecraftNotes(1)).toBeVisible();
  await ws.allSaved();
  await expectAccessible(page, 'brief with its template and tradecraft notes');
  await ws.brief.region.getByRole('button', { name: 'Export', exact: true }).click();
  const exporter = new ExportDialog(page);
  await exporter.confirm();
  await expect(exporter.dialog.getByRole('list', { name: 'Tradecraft notes' })).toBeVisible();
  await expectAccessible(page, 'export review with tradecraft notes');
});
