// Undo acts on what the analyst is editing: inside a text field Ctrl+Z is that field's own undo;
// elsewhere it walks the brief's history, which the back end keeps (it survives a reload), and each
// step says what it did in a notice that offers the reverse.
import path from 'node:path';
import type { App } from '../support/fixtures';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

const BODY = 'Troops moved to the northern range on Monday.\nThe ministry called it a routine exercise.\nObservers counted forty vehicles.';

async function seed(app: App) {
  const { source } = await app.call('addSource', { title: 'Exercise report', outlet: 'The Hill', body: BODY });
  const q1 = await app.call('createQuote', { sourceId: source.id, start: 0, end: 45 });
  const q2 = await app.call('createQuote', { sourceId: source.id, start: 46, end: 88 });
  const brief = await app.call('createBrief', { title: 'Exercise brief', summary: 'A routine exercise.' });
  const c1 = await app.call('addClaim', { briefId: brief.id, text: 'Troops moved north.' });
  const c2 = await app.call('addClaim', { briefId: brief.id, text: 'The ministry calls it routine.' });
  await app.call('addCitation', { claimId: c1.id, quoteId: q1.id });
  await app.call('addCitation', { claimId: c2.id, quoteId: q2.id });
  await app.call('addCitation', { claimId: c2.id, quoteId: q1.id });
  return { source, q1, q2, brief, c1, c2 };
}

const citationCount = async (app: App, briefId: number) => (await app.call('getBrief', { id: briefId })).claims.map((c) => c.citations.length);

test('Ctrl+Z in a passage note, the bottom line and the marking undoes that field’s typing and leaves citations alone', async ({ app, page }) => {
  const { brief } = await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Exercise report');
  await ws.reader.highlight('The ministry called it').click();
  const note = ws.reader.passagePanel.getByLabel('Note');
  await note.click();
  await page.keyboard.type('Official line only');
  await expect(note).toHaveValue('Official line only');
  await page.keyboard.press('Control+z');
  await expect(note).toHaveValue('');
  await expect(note).toBeFocused();

  await ws.brief.summary.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Nothing more.');
  await page.keyboard.press('Control+z');
  await expect(ws.brief.summary).toHaveValue('A routine exercise.');

  await ws.brief.marking.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' // REL');
  await page.keyboard.press('Control+z');
  await expect(ws.brief.marking).toHaveValue('UNCLASSIFIED');

  await ws.allSaved();
  expect(await citationCount(app, brief.id)).toEqual([1, 2]);
  const stored = await app.call('getBrief', { id: brief.id });
  expect([stored.summary, stored.marking]).toEqual(['A routine exercise.', 'UNCLASSIFIED']);
  expect((await app.call('listQuotes', {})).items.map((q) => q.note)).toEqual(['', '']);
});

test('Ctrl+Z outside a text field undoes the brief’s last change and says so, with Redo offered', async ({ app, page }) => {
  const { brief } = await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  const options = await ws.brief.citationOptions(2, 3);
  await options.getByRole('menuitem', { name: 'Remove citation' }).click();
  await expect(ws.brief.citations(2).getByRole('button', { name: /^\[\d\]/ })).toHaveCount(1);
  await ws.brief.claim(1).focus();
  await page.keyboard.press('Control+z');
  const notice = page.getByRole('status', { name: 'Undo notice' });
  await expect(notice).toContainText('Undone: removal of the citation of “Exercise report” from claim 2.');
  await expect(ws.brief.citations(2).getByRole('button', { name: /^\[\d\]/ })).toHaveCount(2);
  await page.screenshot({ path: path.join(import.meta.dirname, '..', '.screens', 'undo-notice.png') });
  await notice.getByRole('button', { name: 'Redo removal of the citation' }).click();
  await expect(notice).toContainText('Redone: removal of the citation of “Exercise report” from claim 2.');
  await expect(ws.brief.citations(2).getByRole('button', { name: /^\[\d\]/ })).toHaveCount(1);
  await notice.getByRole('button', { name: 'Undo removal of the citation' }).click();
  await expect(ws.brief.citations(2).getByRole('button', { name: /^\[\d\]/ })).toHaveCount(2);
  expect(await citationCount(app, brief.id)).toEqual([1, 2]);
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toBeHidden();
});

test('a relation change made before a claim was deleted can be undone after the claim is restored, across a reload', async ({ app, page }) => {
  const { brief } = await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  const options = await ws.brief.citationOptions(2, 2);
  await options.getByRole('menuitemradio', { name: 'Contradicts' }).click();
  await expect(ws.brief.tag(2, /contradicts/)).toBeVisible();
  await ws.brief.deleteClaim(2);
  await expect(ws.brief.claims).toHaveCount(1);

  // The history is the back end's: it is still there after a reload.
  await ws.reload();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /Undo deletion of claim 2/);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(ws.brief.claims).toHaveCount(2);
  await expect(ws.brief.tag(2, /contradicts/)).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Undo notice' })).toContainText('Undone: relation of the citation of “Exercise report” in claim 2 (supports → contradicts).');
  await expect(ws.brief.tag(2, /contradicts/)).toHaveCount(0);
  const stored = await app.call('getBrief', { id: brief.id });
  expect(stored.claims[1]?.citations.map((c) => c.relation)).toEqual(['supports', 'supports']);
});
