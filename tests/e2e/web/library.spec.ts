// The library: adding a source with its metadata, field errors from the store, filters, deleting.
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

test('Add source shows the store’s messages under the fields and stores nothing until they are fixed', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.fillAddSource({ title: '   ', body: 'Some text.', publishedAt: '2026-13-45', url: 'javascript:alert(1)' });
  const dialog = ws.library.addDialog;
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('The title cannot be empty.')).toBeVisible();
  await expect(dialog.getByText(/The URL must start with http/)).toBeVisible();
  await expect(dialog.getByLabel('Published date')).toHaveAttribute('aria-invalid', 'true');
  expect((await app.call('listSources', {})).total).toBe(0);

  await dialog.getByLabel('Title').fill('Harbour report');
  await dialog.getByLabel('URL').fill('https://example.org/harbour');
  await dialog.getByLabel('Published date').fill('2026-03-12');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.library.source(/Harbour report/)).toBeVisible();
  const stored = (await app.call('listSources', {})).items[0];
  expect(stored?.url).toBe('https://example.org/harbour');
  expect(stored?.publishedAt).toBe('2026-03-12');
});

test('sources list title, outlet and date, and filter by words and by tag', async ({ app, page }) => {
  const a = await app.call('addSource', { title: 'Grain prices climb', outlet: 'Farm Daily', publishedAt: '2026-02-01', body: 'Grain.' });
  await app.call('addSource', { title: 'Port strike ends', outlet: 'Dock Times', body: 'Strike.' });
  const tag = await app.call('createTag', { name: 'Economy', colour: '#16a34a' });
  await app.call('attachTag', { tagId: tag.id, target: { kind: 'source', id: a.source.id } });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await expect(ws.library.sources).toHaveCount(2);
  await expect(ws.library.sources.filter({ hasText: 'Grain prices climb' })).toContainText('Farm Daily · Feb 1, 2026');
  await ws.library.filter('dock');
  await expect(ws.library.sources).toHaveCount(1);
  await expect(ws.library.sources.first()).toContainText('Port strike ends');
  await ws.library.filter('');
  await ws.library.filterByTag('Economy');
  await expect(ws.library.sources).toHaveCount(1);
  await expect(ws.library.sources.first()).toContainText('Grain prices climb');
  await ws.library.filterByTag(null);
  await expect(ws.library.sources).toHaveCount(2);
});

test('deleting a cited source names the claims and can remove their citations too', async ({ app, page }) => {
  const { source } = await app.call('addSource', { title: 'Ferry timetable', body: 'Ferries leave at nine and at noon.' });
  const quote = await app.call('createQuote', { sourceId: source.id, start: 0, end: 20 });
  const brief = await app.call('createBrief', { title: 'Ferries' });
  const claim = await app.call('addClaim', { briefId: brief.id, text: 'Ferries leave at nine.' });
  await app.call('addCitation', { claimId: claim.id, quoteId: quote.id });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await expect(ws.brief.tag(1, '[1] Ferry timetable')).toBeVisible();

  await ws.library.delete('Ferry timetable');
  const dialog = page.getByRole('dialog', { name: 'Delete source' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByRole('list', { name: 'Claims that cite it' })).toContainText('Ferries, claim 1: “Ferries leave at nine.”');
  expect((await app.call('listSources', {})).total).toBe(1);
  await dialog.getByRole('button', { name: 'Remove citations too and delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.library.sources).toHaveCount(0);
  await expect(ws.brief.claim(1)).toContainText('No citation yet');
  expect((await app.call('listSources', {})).total).toBe(0);
});

test('an uncited source is deleted after a plain confirmation; Cancel keeps it', async ({ app, page }) => {
  await app.call('addSource', { title: 'Weather note', body: 'Rain on Friday.' });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.delete('Weather note');
  const dialog = page.getByRole('dialog', { name: 'Delete source' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(ws.library.sources).toHaveCount(1);
  await ws.library.delete('Weather note');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(ws.library.sources).toHaveCount(0);
});
