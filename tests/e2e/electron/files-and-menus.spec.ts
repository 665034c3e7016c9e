// The desktop app's own ways in and out: File → Import through the native open dialog, File →
// Export to a PDF printed by printToPDF through the native save dialog, Edit → Undo from the menu.
// The dialogs are stubbed in the main process, as Joplin's and Actual's desktop tests do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ExportDialog } from '../pages/export-dialog';
import { Workspace } from '../pages/workspace';
import { desktopTestsSkipReason, launchDesktopApp, type DesktopApp } from '../support/electron-app';
import { pdfText } from '../support/pdf-text';

const unavailable = desktopTestsSkipReason();

test.describe('desktop files and menus', () => {
  test.skip(unavailable !== null, `Desktop app cannot run here: ${unavailable ?? ''}`);

  let desktop: DesktopApp;
  let files: string;
  test.beforeEach(async () => {
    desktop = await launchDesktopApp();
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-files-'));
  });
  test.afterEach(async () => {
    await desktop.close();
    fs.rmSync(files, { recursive: true, force: true });
  });

  test('File → Import opens the native dialog and imports what the analyst picked', async () => {
    const ws = new Workspace(desktop.window);
    const page = path.join(files, 'locks.html');
    fs.writeFileSync(
      page,
      '<!doctype html><html lang="en"><head><title>Locks reopen at Maren</title><meta name="author" content="Ida Venn"></head><body><article>' +
        '<h1>Locks reopen at Maren</h1><p>The canal authority reopened two of the four locks on Friday after a week of rain.</p>' +
        '<p>Barge operators said traffic would take a fortnight to return to normal.</p></article></body></html>',
    );
    const note = path.join(files, 'harbour-note.txt');
    fs.writeFileSync(note, 'Harbour note\n\nThe harbour master counted eleven barges waiting at the lower basin.');
    await desktop.stubOpenDialog([page, note]);
    await desktop.clickMenu('file-import');
    await expect(ws.library.source(/Locks reopen at Maren/)).toBeVisible();
    await expect(ws.library.source(/harbour/i)).toBeVisible();
    const sources = await desktop.call('listSources', {});
    expect(sources.items.map((s) => s.title)).toEqual(expect.arrayContaining(['Locks reopen at Maren']));
  });

  test('File → Export prints the brief to PDF where the save dialog says', async () => {
    const ws = new Workspace(desktop.window);
    const [demo] = await desktop.call('listBriefs', {});
    const brief = await desktop.call('getBrief', { id: demo!.id });
    await expect(ws.brief.title).toHaveValue(brief.title);
    const target = path.join(files, 'brief.pdf');
    await desktop.stubSaveDialog(target);
    await desktop.clickMenu('file-export');
    const dialog = new ExportDialog(desktop.window);
    await dialog.choose('PDF');
    await dialog.confirm();
    await expect(dialog.status).toContainText(/Exported \d+ pages? to .*brief\.pdf/);

    expect(fs.readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(target);
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const claim of brief.claims) expect(squash(text)).toContain(squash(claim.text));
    expect(text).toContain(brief.marking);
    expect(text).toMatch(/Page 1 of \d+/);
    const records = await desktop.call('exportRecords', { briefId: brief.id });
    expect(records.map((r) => r.path)).toContain(target);
  });

  test('Edit → Undo in the menu undoes the last change to the brief', async () => {
    const ws = new Workspace(desktop.window);
    await ws.brief.newBrief('Lock repairs');
    await ws.brief.addClaim('Two locks reopened on Friday.');
    await ws.brief.addClaim('Traffic returns within a fortnight.');
    await expect(ws.brief.claims).toHaveCount(2);
    await ws.allSaved();
    // Outside a text field, Undo acts on the brief's history (in one, on the field's typing).
    await desktop.window.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await desktop.clickMenu('edit-undo');
    await expect(ws.brief.claims).toHaveCount(1);
    await desktop.clickMenu('edit-redo');
    await expect(ws.brief.claims).toHaveCount(2);
  });
});
