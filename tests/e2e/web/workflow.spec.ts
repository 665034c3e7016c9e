// The analyst's core workflow, end to end in browser mode: paste an article, quote three passages,
// write a three-claim brief citing them, click a tag to land on the passage, reload and find it all.
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';
import { ARTICLE } from './article';

test('paste, quote, cite, follow a tag, and find everything after a reload', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);

  await ws.library.addSource(ARTICLE);
  await expect(ws.library.source(ARTICLE.title)).toBeVisible();
  await expect(ws.reader.heading).toHaveText(ARTICLE.title);
  await expect(ws.reader.region).toContainText('Coastal Courier · Ida Venn');

  for (const passage of ARTICLE.passages) await ws.reader.quote(passage);
  await ws.reader.showQuotes();
  await expect(ws.reader.quoteList.getByRole('listitem')).toHaveCount(3);

  await ws.brief.newBrief('Maren canal closure');
  await ws.brief.summary.fill('The locks are shut until the autumn rains.');
  const claims = ['All four locks closed on Tuesday.', 'Water is half a metre below the floor.', 'Reopening waits for the rains.'];
  for (const text of claims) await ws.brief.addClaim(text);
  for (const [i, text] of claims.entries()) await expect(ws.brief.claimText(i + 1)).toHaveValue(text);

  // Cite: claim 1 and 3 from the quote picker, claim 2 by selecting the highlight in the reader.
  await ws.brief.citeFromPicker(1, 'four locks', /closed all four locks/);
  await ws.reader.showQuotes();
  await ws.reader.quoteInList(/upper basin/).getByRole('button').click();
  await ws.brief.citeSelected(2);
  await ws.brief.citeFromPicker(3, 'autumn', /autumn rains/);
  await expect(ws.brief.tag(1, '[1] Coastal Courier')).toBeVisible();
  await expect(ws.brief.tag(2, '[2] Coastal Courier')).toBeVisible();
  await expect(ws.brief.tag(3, '[3] Coastal Courier')).toBeVisible();
  await ws.allSaved();

  // A tag leads to its passage: scrolled into view, highlighted as active, focused.
  await ws.reader.text.evaluate((el) => el.scrollTo(0, 0));
  await ws.brief.tag(3, '[3] Coastal Courier').click();
  await expect(ws.reader.activePassage).toBeFocused();
  await expect(ws.reader.activePassage).toBeInViewport();
  await expect(ws.reader.activePassage).toHaveAttribute('aria-current', 'true');
  await expect(ws.reader.activePassage).toHaveText(ARTICLE.passages[2] as string);
  await expect(ws.reader.citedBy).toContainText('Maren canal closure, claim 3');

  // The highlight's backlink takes us back to the claim.
  await ws.reader.citedBy.getByRole('button', { name: /claim 3/ }).click();
  await expect(ws.brief.claim(3)).toBeFocused();

  await ws.reload();
  await expect(ws.brief.title).toHaveValue('Maren canal closure');
  await expect(ws.brief.summary).toHaveValue('The locks are shut until the autumn rains.');
  for (const [i, text] of claims.entries()) await expect(ws.brief.claimText(i + 1)).toHaveValue(text);
  await expect(ws.reader.heading).toHaveText(ARTICLE.title);
  await ws.brief.tag(1, '[1] Coastal Courier').click();
  await expect(ws.reader.activePassage).toBeFocused();
  await expect(ws.reader.activePassage).toHaveText(ARTICLE.passages[0] as string);
  await ws.reader.showQuotes();
  await expect(ws.reader.quoteList.getByRole('listitem')).toHaveCount(3);
});
