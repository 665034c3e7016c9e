// The tag filter and the quote bank (issue 10, item 10): a tag narrows sources, quotes and claims,
// and an empty list says what it was narrowed by; every passage is in one list, narrowed by tag,
// source, credibility and citation, from which it is cited in the selected claim or dragged onto one.
import type { App } from '../support/fixtures';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';
import { LibraryLists } from '../pages/quote-bank';

async function seed(app: App) {
  const a = (await app.call('addSource', { title: 'Coastal drill', outlet: 'Harbour News', body: 'Two frigates joined the coastal drill at dawn. The drill ended before noon.' })).source;
  const b = (await app.call('addSource', { title: 'Border report', outlet: 'Valley Post', body: 'Troops moved along the border overnight. No shots were fired.' })).source;
  const q1 = await app.call('createQuote', { sourceId: a.id, start: 0, end: 45, credibility: 2 });
  const q2 = await app.call('createQuote', { sourceId: b.id, start: 0, end: 40 });
  const q3 = await app.call('createQuote', { sourceId: b.id, start: 41, end: 61 });
  const brief = await app.call('createBrief', { title: 'Coast brief' });
  const c1 = await app.call('addClaim', { briefId: brief.id, text: 'Naval activity increased.' });
  await app.call('addClaim', { briefId: brief.id, text: 'The border stayed quiet.' });
  await app.call('addCitation', { claimId: c1.id, quoteId: q1.id });
  const tag = await app.call('createTag', { name: 'Naval' });
  await app.call('attachTag', { tagId: tag.id, target: { kind: 'quote', id: q1.id } });
  await app.call('attachTag', { tagId: tag.id, target: { kind: 'claim', id: c1.id } });
  return { a, b, q1, q2, q3, brief, c1 };
}

test('a tag filters sources, quotes and claims, and an empty list says why', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  const lists = new LibraryLists(page);
  await ws.open(app.url);
  await ws.library.filterByTag('Naval');
  await expect(lists.tab('Sources')).toHaveText('Sources (0)');
  await expect(lists.panel).toContainText('No sources tagged “Naval”.');
  await expect(lists.panel).not.toContainText('Add one');

  await lists.panel.getByRole('button', { name: 'Show 1 tagged quote' }).click();
  await expect(lists.tab('Quotes')).toHaveAttribute('aria-selected', 'true');
  await expect(lists.bank.getByRole('listitem')).toHaveCount(1);
  await expect(lists.passage('Two frigates joined')).toBeVisible();

  await lists.tab('Claims').click();
  await expect(lists.taggedClaims.getByRole('listitem')).toHaveCount(1);
  await lists.taggedClaims.getByRole('button', { name: /Naval activity increased/ }).click();
  await expect(ws.brief.claim(1)).toBeFocused();

  // Narrowed to nothing: the bank names what it was narrowed by.
  await lists.tab('Quotes').click();
  await lists.narrow('Cited or not', 'Not cited yet');
  await expect(lists.panel).toContainText('No quotes tagged “Naval”, not cited yet.');

  // Ctrl+K finds the tag; opening it filters the library by it.
  await ws.library.filterByTag(null);
  await ws.search.find('nav');
  const tagHit = ws.search.results.filter({ hasText: 'Tag' });
  await expect(tagHit).toContainText('Naval');
  await expect(tagHit).toContainText('Tags 1 quote, 1 claim');
  await tagHit.click();
  await expect(ws.library.region.getByLabel('Filter by tag')).toHaveValue(/\d+/);
  await expect(lists.tab('Quotes')).toHaveText('Quotes (1)');
});

test('the quote bank lists every passage, narrows by source, credibility and citation, and cites by button or drag', async ({ app, page }) => {
  const { brief } = await seed(app);
  const ws = new Workspace(page);
  const lists = new LibraryLists(page);
  await ws.open(app.url);
  await lists.tab('Quotes').click();
  await expect(lists.bank.getByRole('listitem')).toHaveCount(3);
  await expect(lists.panel).toContainText('3 quotes');

  await lists.narrow('Quotes from source', 'Border report');
  await expect(lists.bank.getByRole('listitem')).toHaveCount(2);
  await lists.narrow('Quotes from source', 'All sources');
  await lists.narrow('Credibility', 'Credibility 2');
  await expect(lists.bank.getByRole('listitem')).toHaveCount(1);
  await expect(lists.passage('Two frigates')).toContainText('cited 1×');
  await lists.narrow('Credibility', 'Any credibility');
  await lists.narrow('Cited or not', 'Not cited yet');
  await expect(lists.bank.getByRole('listitem')).toHaveCount(2);

  // Select claim 2, then cite a passage in it from the bank.
  await ws.brief.claimText(2).focus();
  await lists.passage('Troops moved').getByRole('button', { name: /^Cite in claim 2/ }).click();
  await expect(ws.brief.tag(2, /Valley Post/)).toBeVisible();
  await expect(lists.bank.getByRole('listitem')).toHaveCount(1); // now cited, so no longer "not cited"

  // Drag the last uncited passage onto claim 1.
  await lists.passage('No shots were fired').dragTo(ws.brief.claim(1));
  await expect(ws.brief.citations(1).getByRole('button', { name: /^\[\d\]/ })).toHaveCount(2);
  await expect(lists.panel).toContainText('No quotes not cited yet.');

  const stored = await app.call('getBrief', { id: brief.id });
  expect(stored.claims.map((c) => c.citations.map((ci) => stored.quotes.find((q) => q.id === ci.quoteId)!.exact))).toEqual([
    ['Two frigates joined the coastal drill at dawn', 'No shots were fired.'],
    ['Troops moved along the border overnight.'],
  ]);
});
