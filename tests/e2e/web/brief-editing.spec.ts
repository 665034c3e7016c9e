// Editing a brief: autosave across reloads, undo and redo, keyboard and drag reorder, citation
// relations and order, deleting and restoring claims.
import type { App } from '../support/fixtures';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

/** A brief with three claims and a source with two quotes, built through the contract. */
async function seed(app: App) {
  const body = 'The river rose by two metres overnight.\nThe mayor ordered an evacuation of the lower town.\nNo injuries were reported.';
  const { source } = await app.call('addSource', { title: 'Flood report', outlet: 'Valley Post', body });
  const q1 = await app.call('createQuote', { sourceId: source.id, start: 0, end: 39 });
  const q2 = await app.call('createQuote', { sourceId: source.id, start: 40, end: 90 });
  const brief = await app.call('createBrief', { title: 'Flood brief' });
  const c1 = await app.call('addClaim', { briefId: brief.id, text: 'First claim' });
  const c2 = await app.call('addClaim', { briefId: brief.id, text: 'Second claim' });
  const c3 = await app.call('addClaim', { briefId: brief.id, text: 'Third claim' });
  await app.call('addCitation', { claimId: c1.id, quoteId: q1.id });
  await app.call('addCitation', { claimId: c1.id, quoteId: q2.id });
  return { source, q1, q2, brief, c1, c2, c3 };
}

const texts = async (ws: Workspace) => {
  const out: string[] = [];
  const n = await ws.brief.claims.count();
  for (let i = 1; i <= n; i++) out.push(await ws.brief.claimText(i).inputValue());
  return out;
};

test('edits to the brief survive a reload', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.title.fill('Flood brief, revised');
  await ws.brief.marking.fill('RESTRICTED');
  await ws.brief.summary.fill('Evacuation ordered; no injuries.');
  await ws.brief.claimText(2).fill('Second claim, reworded');
  await ws.brief.setConfidence(2, 'High confidence');
  await expect(ws.saveStatus).toHaveText('All changes saved');
  await ws.reload();
  await expect(ws.brief.title).toHaveValue('Flood brief, revised');
  await expect(ws.brief.marking).toHaveValue('RESTRICTED');
  await expect(ws.brief.summary).toHaveValue('Evacuation ordered; no injuries.');
  await expect(ws.brief.claimText(2)).toHaveValue('Second claim, reworded');
  await expect(ws.brief.claim(2).getByLabel('Confidence of claim 2')).toHaveValue('high');
});

test('typing shows Saving… then All changes saved', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.claimText(1).fill('First claim, edited');
  await expect(ws.saveStatus).toHaveText('Saving…');
  await expect(ws.saveStatus).toHaveText('All changes saved');
});

test('undo and redo a text edit, a delete and a citation change', async ({ app, page }) => {
  const { brief } = await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);

  await ws.brief.claimText(3).fill('Third claim, changed');
  await ws.brief.claimText(3).blur();
  await ws.allSaved();
  await ws.undo();
  await expect(ws.brief.claimText(3)).toHaveValue('Third claim');
  await ws.redo();
  await expect(ws.brief.claimText(3)).toHaveValue('Third claim, changed');

  // Delete claim 1 with its two citations, then bring it back with the keyboard.
  await ws.brief.deleteClaim(1);
  await expect(ws.brief.claims).toHaveCount(2);
  await expect(ws.brief.claimText(1)).toHaveValue('Second claim');
  await page.keyboard.press('Control+z');
  await expect(ws.brief.claims).toHaveCount(3);
  await expect(ws.brief.claimText(1)).toHaveValue('First claim');
  await expect(ws.brief.tag(1, '[1] Valley Post')).toBeVisible();
  await expect(ws.brief.tag(1, '[2] Valley Post')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(ws.brief.claims).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(ws.brief.claims).toHaveCount(3);

  // Relation: contradicts is labelled in words, and undo puts supports back.
  const options = await ws.brief.citationOptions(1, 2);
  await options.getByRole('menuitemradio', { name: 'Contradicts' }).click();
  await expect(ws.brief.tag(1, '[2] Valley Post · contradicts')).toBeVisible();
  await ws.undo();
  await expect(ws.brief.tag(1, '[2] Valley Post')).toBeVisible();
  await expect(ws.brief.tag(1, /contradicts/)).toHaveCount(0);

  // Remove a citation, undo it.
  const again = await ws.brief.citationOptions(1, 1);
  await again.getByRole('menuitem', { name: 'Remove citation' }).click();
  await expect(ws.brief.citations(1).getByRole('button', { name: /^\[\d\]/ })).toHaveCount(1);
  await ws.undo();
  await expect(ws.brief.citations(1).getByRole('button', { name: /^\[\d\]/ })).toHaveCount(2);

  await ws.allSaved();
  const stored = await app.call('getBrief', { id: brief.id });
  expect(stored.claims.map((c) => c.text)).toEqual(['First claim', 'Second claim', 'Third claim, changed']);
  expect(stored.claims[0]?.citations.map((c) => c.relation)).toEqual(['supports', 'supports']);
});

test('Ctrl+Z in a claim’s text undoes the typing, not the brief', async ({ app, page }) => {
  const { brief } = await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.claimText(2).click();
  await page.keyboard.press('End');
  await page.keyboard.type(', typed fast');
  await expect(ws.brief.claimText(2)).toHaveValue('Second claim, typed fast');
  await page.keyboard.press('Control+z');
  await expect(ws.brief.claimText(2)).toHaveValue('Second claim');
  await ws.allSaved();
  const stored = await app.call('getBrief', { id: brief.id });
  expect(stored.claims.map((c) => c.text)).toEqual(['First claim', 'Second claim', 'Third claim']);
  expect(stored.claims[0]?.citations).toHaveLength(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(ws.brief.claimText(2)).toHaveValue('Second claim, typed fast');
  await ws.reload();
  await expect(ws.brief.claimText(2)).toHaveValue('Second claim, typed fast');
});

test('reorder claims with Alt+Arrow keys and by drag and drop', async ({ app, page }) => {
  const { brief } = await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);

  await ws.brief.claim(3).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => texts(ws)).toEqual(['First claim', 'Third claim', 'Second claim']);
  await expect(ws.brief.claim(2)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => texts(ws)).toEqual(['Third claim', 'First claim', 'Second claim']);
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => texts(ws)).toEqual(['First claim', 'Third claim', 'Second claim']);

  // Drag claim 1 (by its handle) onto the lower half of claim 3: it goes last.
  // The claims list scrolls: bring the whole first claim into view first, as a person would, so the
  // handle is not under the list's top edge when the drag starts.
  await ws.brief.claim(1).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const handle = ws.brief.claim(1).getByTitle('Drag to reorder (or Alt+Arrow keys)');
  const target = ws.brief.claim(3);
  const box = await target.boundingBox();
  await handle.dragTo(target, { targetPosition: { x: 20, y: (box?.height ?? 40) - 8 } });
  await expect.poll(() => texts(ws)).toEqual(['Third claim', 'Second claim', 'First claim']);

  await ws.reload();
  await expect.poll(() => texts(ws)).toEqual(['Third claim', 'Second claim', 'First claim']);
  const stored = await app.call('getBrief', { id: brief.id });
  expect(stored.claims.map((c) => c.text)).toEqual(['Third claim', 'Second claim', 'First claim']);
});

test('cite by dragging a quote from the reader onto a claim, and reorder citations', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Flood report');
  await ws.reader.showQuotes();
  await ws.reader.quoteInList(/mayor ordered/).dragTo(ws.brief.claim(3));
  await expect(ws.brief.tag(3, '[3] Valley Post')).toBeVisible();

  // Move claim 1's second citation earlier: the passage numbers follow reading order.
  const options = await ws.brief.citationOptions(1, 2);
  await options.getByRole('menuitem', { name: 'Move earlier' }).click();
  // Wait for the renumbered brief: the first tag now describes the mayor's passage.
  await expect(ws.brief.tag(1, '[1] Valley Post')).toHaveAccessibleDescription(/mayor ordered/);
  await ws.brief.tag(1, '[1] Valley Post').click();
  await expect(ws.reader.activePassage).toHaveText('The mayor ordered an evacuation of the lower town.');
});

test('a claim without text is allowed, and the reader selection can be cited directly', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Flood report');
  await ws.reader.select('No injuries were reported');
  await ws.brief.citeSelected(2);
  await expect(ws.brief.tag(2, '[3] Valley Post')).toBeVisible();
  await ws.reader.showQuotes();
  await expect(ws.reader.quoteList.getByRole('listitem')).toHaveCount(3);
  // Nothing selected and no passage open: the error says what to do.
  await ws.reload();
  await ws.brief.citeSelected(3);
  await expect(ws.error).toContainText('Select text in the reader');
});
