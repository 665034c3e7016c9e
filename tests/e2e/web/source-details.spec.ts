// A source's details after it was added: edited from the reader's header and the library row, an
// accessed date from the day of pasting, a text already in the library named with the way to open it,
// field errors that go once the field is corrected, and validation messages written for a person.
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

const BODY = 'Troops moved to the northern range on Monday.\nThe ministry called it a routine exercise.';
const localDay = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('details are edited from the reader header and the library row; the text and its hash stay', async ({ app, page }) => {
  const { source } = await app.call('addSource', { title: 'Exercise report', outlet: 'The Hill', body: BODY, format: 'pdf', accessedAt: null });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Exercise report');
  await expect(ws.reader.region.getByText(/Accessed not recorded/)).toBeVisible();

  await ws.reader.region.getByRole('button', { name: 'Edit details' }).click();
  let dialog = page.getByRole('dialog', { name: 'Edit source details' });
  await dialog.getByLabel('Author').fill('J. Reporter');
  await dialog.getByLabel('Accessed date').fill('2026-03-02');
  await dialog.getByLabel('Published date').fill('yesterday');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByLabel('Published date')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/Dates are written YYYY-MM-DD/i)).toBeVisible();
  // Correcting the field takes its message away at once.
  await dialog.getByLabel('Published date').fill('2026-03-01');
  await expect(dialog.getByText(/Dates are written YYYY-MM-DD/i)).toBeHidden();
  await expect(dialog.getByLabel('Published date')).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: path.join(import.meta.dirname, '..', '.screens', 'edit-source.png') });
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.reader.region.getByText(/J\. Reporter/)).toBeVisible();
  await expect(ws.reader.region.getByText(/Accessed 2 Mar 2026|Accessed Mar 2, 2026/)).toBeVisible();

  await ws.library.region.getByRole('button', { name: 'Edit details of Exercise report' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit source details' });
  await expect(dialog.getByLabel('Author')).toHaveValue('J. Reporter');
  await dialog.getByLabel('Title').fill('Northern range exercise');
  await dialog.getByLabel('Reliability').selectOption('B');
  await dialog.getByLabel('Language').fill('en');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.library.source('Northern range exercise')).toBeVisible();
  await expect(ws.reader.heading).toHaveText('Northern range exercise');

  const stored = await app.call('getSource', { id: source.id });
  expect(stored).toMatchObject({ title: 'Northern range exercise', author: 'J. Reporter', publishedAt: '2026-03-01', accessedAt: '2026-03-02', reliability: 'B', language: 'en' });
  expect(stored.body).toBe(BODY);
  expect(stored.bodySha256).toBe(source.bodySha256);
});

test('pasting an article already in the library names it, keeps the dialog, and opens it on request', async ({ app, page }) => {
  await app.call('addSource', { title: 'Exercise report', outlet: 'The Hill', body: BODY });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.fillAddSource({ title: 'Same article, new title', outlet: 'Wire copy', body: BODY });
  const dialog = ws.library.addDialog;
  await expect(dialog.getByLabel('Accessed date')).toHaveValue(localDay());
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This text is already in the library as “Exercise report” (The Hill)');
  await expect(dialog.getByLabel('Title')).toHaveValue('Same article, new title');
  await expect(dialog.getByLabel('Outlet')).toHaveValue('Wire copy');
  await page.screenshot({ path: path.join(import.meta.dirname, '..', '.screens', 'duplicate-paste.png') });
  await dialog.getByRole('button', { name: 'Open “Exercise report”' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.reader.heading).toHaveText('Exercise report');
  expect((await app.call('listSources', {})).total).toBe(1);
});

test('a new pasted source is accessed today; Add source errors go once the field is corrected', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.fillAddSource({ title: '   ', body: BODY, url: 'javascript:alert(1)' });
  const dialog = ws.library.addDialog;
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog.getByText('The title cannot be empty.')).toBeVisible();
  await expect(dialog.getByText(/The URL must start with http/)).toBeVisible();
  await dialog.getByLabel('Title').fill('Exercise report');
  await expect(dialog.getByText('The title cannot be empty.')).toBeHidden();
  await expect(dialog.getByText(/The URL must start with http/)).toBeVisible();
  await dialog.getByLabel('URL').fill('https://example.org/exercise');
  await expect(dialog.getByText(/The URL must start with http/)).toBeHidden();
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  expect((await app.call('listSources', {})).items[0]?.accessedAt).toBe(localDay());
});

test('a wrong call from the page gets a message for a person, naming the field and what is allowed', async ({ app, page }) => {
  const { source } = await app.call('addSource', { title: 'Exercise report', body: BODY });
  const ws = new Workspace(page);
  await ws.open(app.url);
  const call = (method: string, input: unknown) =>
    page.evaluate(
      async ([m, i, token]) => {
        const r = await fetch(`./api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(i) });
        return ((await r.json()) as { error: { message: string } }).error.message;
      },
      [method, input, app.token] as const,
    );
  expect(await call('createQuote', { sourceId: String(source.id), start: 0, end: 4 })).toBe('The source must be a number, not text.');
  expect(await call('getSource', { id: source.id, evil: true })).toBe('“evil” is not something Sourcemark knows; it accepts the source.');
  expect(await call('updateSource', { id: source.id, patch: { body: 'A new text.' } })).toMatch(/^The text of a source never changes after it is added/);
  expect((await app.call('getSource', { id: source.id })).body).toBe(BODY);
});
