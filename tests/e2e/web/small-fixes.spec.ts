// The smaller surprises of issue 10: the error banner floats and goes, "1 result", the quote picker
// starts with the open source's newest passages, and "Cited by" shows the claim's whole sentence.
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

// A first sentence of about 480 characters (past the old 400-character cut), then a second one.
const LONG_CLAIM =
  'The ministry presents the deployment to the northern range as a routine exercise, although observers counted forty vehicles, ' +
  'two bridging units and a field hospital moving along the coastal road over three nights, which is more than any exercise ' +
  'in the district has needed since the spring of 2019, and the reserve call-up announced on the same day suggests that the ' +
  'command expects to keep these units in the field for several weeks rather than the five days the ministry has announced.';
const SECOND_SENTENCE = 'Satellite images of the depot were not available.';

test('the error banner does not move the panes, and goes when dismissed', async ({ app, page }) => {
  const brief = await app.call('createBrief', { title: 'Exercise brief' });
  await app.call('addClaim', { briefId: brief.id, text: 'Troops moved north.' });
  const ws = new Workspace(page);
  await ws.open(app.url);
  const before = await page.locator('main').boundingBox();
  await ws.brief.citeSelected(1);
  await expect(ws.error).toContainText('Select text in the reader');
  expect(await page.locator('main').boundingBox()).toEqual(before);
  await ws.error.getByRole('button', { name: 'Dismiss error' }).click();
  await expect(ws.error).toBeHidden();
});

test('one search hit reads “1 result”', async ({ app, page }) => {
  await app.call('addSource', { title: 'Exercise report', body: 'Observers counted forty vehicles near Kandalaksha.' });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.search.find('Kandalaksha');
  await expect(ws.search.dialog.getByText('1 result', { exact: true })).toBeVisible();
});

test('the quote picker lists the open source’s passages first, newest first; Cited by shows the claim’s whole first sentence', async ({ app, page }) => {
  const old = await app.call('addSource', { title: 'Demo wire', body: 'An older passage from another source.' });
  await app.call('createQuote', { sourceId: old.source.id, start: 0, end: 16 });
  const body = 'Troops moved to the northern range.\nThe ministry called it a routine exercise.';
  const { source } = await app.call('addSource', { title: 'Exercise report', body });
  const first = await app.call('createQuote', { sourceId: source.id, start: 0, end: 35 });
  await app.call('createQuote', { sourceId: source.id, start: 36, end: body.length });
  const brief = await app.call('createBrief', { title: 'Exercise brief' });
  const claim = await app.call('addClaim', { briefId: brief.id, text: `${LONG_CLAIM} ${SECOND_SENTENCE}` });
  await app.call('addCitation', { claimId: claim.id, quoteId: first.id });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Exercise report');
  await ws.brief.claim(1).getByRole('button', { name: 'Cite a quote in claim 1' }).click();
  const options = page.getByRole('dialog', { name: 'Cite a quote in claim 1' }).getByRole('option');
  await expect(options).toHaveCount(3);
  await expect(options.nth(0)).toContainText('The ministry called it a routine exercise.');
  await expect(options.nth(1)).toContainText('Troops moved to the northern range.');
  await expect(options.nth(2)).toContainText('An older passage');
  await page.keyboard.press('Escape');

  await ws.reader.highlight('Troops moved to the northern').click();
  // The claim's first sentence, whole and without an ellipsis; the sentence after it is left out.
  const citing = ws.reader.citedBy.getByRole('button', { name: /^Exercise brief, claim 1:/ });
  await expect(citing).toContainText(LONG_CLAIM);
  await expect(citing).not.toContainText('…');
  await expect(citing).not.toContainText(SECOND_SENTENCE);
});

test('Cited by cuts a claim only inside an overlong sentence, and marks the cut with an ellipsis', async ({ app, page }) => {
  const { source } = await app.call('addSource', { title: 'Exercise report', body: 'Troops moved to the northern range.' });
  const quote = await app.call('createQuote', { sourceId: source.id, start: 0, end: 35 });
  const brief = await app.call('createBrief', { title: 'Exercise brief' });
  const endless = `Columns were seen ${'on the coastal road and then again near the depot '.repeat(40)}before dawn.`;
  const claim = await app.call('addClaim', { briefId: brief.id, text: endless });
  await app.call('addCitation', { claimId: claim.id, quoteId: quote.id });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Exercise report');
  await ws.reader.highlight('Troops moved to the northern').click();
  const citing = ws.reader.citedBy.getByRole('button', { name: /^Exercise brief, claim 1:/ });
  await expect(citing).toContainText('Columns were seen on the coastal road');
  await expect(citing).toContainText(/\w…$/);
  await expect(citing).not.toContainText('before dawn.');
});
