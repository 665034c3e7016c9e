// Topic tags on sources, quotes and claims; the Ctrl+K search that opens hits in place.
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

test('tags are created with a colour and attached to a source, a quote and a claim', async ({ app, page }) => {
  await app.call('addSource', { title: 'Bridge inspection', outlet: 'City Wire', body: 'The north bridge has cracked bearings.' });
  const brief = await app.call('createBrief', { title: 'Bridges' });
  await app.call('addClaim', { briefId: brief.id, text: 'The north bridge is unsafe.' });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Bridge inspection');

  const sourceTags = ws.reader.region.getByRole('group', { name: 'Tags of this source' });
  await sourceTags.getByRole('button', { name: 'Add a tag to this source' }).click();
  await sourceTags.getByLabel('Tag name for this source').fill('Infrastructure');
  await sourceTags.getByLabel('Colour for a new tag').fill('#dc2626');
  await sourceTags.getByRole('button', { name: 'Add tag' }).click();
  await expect(sourceTags).toContainText('Infrastructure');

  await ws.reader.quote('cracked bearings');
  const quoteTags = ws.reader.passagePanel.getByRole('group', { name: 'Tags of this passage' });
  await quoteTags.getByRole('button', { name: 'Add a tag to this passage' }).click();
  await quoteTags.getByLabel('Tag name for this passage').fill('infrastructure'); // same tag, any case
  await quoteTags.getByRole('button', { name: 'Add tag' }).click();
  await expect(quoteTags).toContainText('Infrastructure');

  const claimTags = ws.brief.claim(1).getByRole('group', { name: 'Tags of claim 1' });
  await claimTags.getByRole('button', { name: 'Add a tag to claim 1' }).click();
  await claimTags.getByLabel('Tag name for claim 1').fill('Safety');
  await claimTags.getByRole('button', { name: 'Add tag' }).click();
  await expect(claimTags).toContainText('Safety');

  const tags = await app.call('listTags', {});
  expect(tags.map((t) => [t.name, t.colour, t.sources, t.quotes, t.claims])).toEqual(
    expect.arrayContaining([
      ['Infrastructure', '#dc2626', 1, 1, 0],
      ['Safety', expect.any(String), 0, 0, 1],
    ]),
  );

  await claimTags.getByRole('button', { name: 'Remove tag Safety from claim 1' }).click();
  await expect(claimTags).not.toContainText('Safety');
  await ws.reload();
  await expect(ws.reader.region.getByRole('group', { name: 'Tags of this source' })).toContainText('Infrastructure');
  await expect(ws.brief.claim(1).getByRole('group', { name: 'Tags of claim 1' })).not.toContainText('Safety');
  await ws.library.filterByTag('Infrastructure');
  await expect(ws.library.sources).toHaveCount(1);
});

test('Ctrl+K finds sources, quotes and claims with marked snippets; Enter opens the hit in place', async ({ app, page }) => {
  const body = `${'Opening paragraph about the valley.\n\n'.repeat(40)}The dam spillway was opened at dawn to relieve pressure.\n\nClosing remarks.`;
  const { source } = await app.call('addSource', { title: 'Dam operations log', outlet: 'Valley Post', body });
  const start = body.indexOf('spillway was opened');
  await app.call('createQuote', { sourceId: source.id, start, end: start + 'spillway was opened at dawn'.length });
  await app.call('addSource', { title: 'Weather note', body: 'Rain on Friday.' });
  const other = await app.call('createBrief', { title: 'Other brief' });
  const brief = await app.call('createBrief', { title: 'Dam brief' });
  await app.call('addClaim', { briefId: brief.id, text: 'Operators opened the spillway early.' });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.picker.selectOption({ label: 'Other brief' });
  await expect(ws.brief.title).toHaveValue(other.title);

  // A claim hit opens its brief with the claim focused.
  await ws.search.find('spillway');
  await expect(ws.search.results).toHaveCount(3);
  await expect(ws.search.results.filter({ hasText: 'Claim' }).getByText('spillway', { exact: true })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(ws.search.results.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(ws.search.dialog).toBeHidden();
  await expect(ws.brief.title).toHaveValue('Dam brief');
  await expect(ws.brief.claim(1)).toBeFocused();

  // A quote hit opens the reader at the passage.
  await ws.search.find('spillway');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(ws.reader.heading).toHaveText('Dam operations log');
  await expect(ws.reader.activePassage).toBeFocused();
  await expect(ws.reader.activePassage).toBeInViewport();

  // A source hit opens the source.
  await ws.library.open('Weather note');
  await expect(ws.reader.heading).toHaveText('Weather note');
  await ws.search.find('operations log');
  await page.keyboard.press('Enter');
  await expect(ws.reader.heading).toHaveText('Dam operations log');
});
