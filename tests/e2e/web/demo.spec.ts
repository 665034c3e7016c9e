// First run: the demo library is there, its brief cites real passages, and once deleted it stays gone.
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

test.use({ demo: true });

test('first run opens on the demo library and brief; deleted, it does not come back', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  const sources = (await app.call('listSources', {})).total;
  expect(sources).toBeGreaterThan(0);
  await expect(ws.library.sources).toHaveCount(sources);
  await expect(ws.brief.claims.first()).toBeVisible();
  await ws.brief.tag(1, /^\[1\] /).click();
  await expect(ws.reader.activePassage).toBeFocused();

  // Delete every demo source (with its citations) and the demo brief through the UI.
  for (let left = sources; left > 0; left--) {
    await ws.library.sources.first().getByRole('button', { name: /^Delete source / }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete source' });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    // Either the source goes, or the store refuses because claims cite it: wait for one of the two.
    const cited = dialog.getByRole('button', { name: 'Remove citations too and delete' });
    await expect
      .poll(async () => (await cited.isVisible()) || (await ws.library.sources.count()) === left - 1)
      .toBe(true);
    if (await cited.isVisible()) await cited.click();
    await expect(ws.library.sources).toHaveCount(left - 1);
  }
  await ws.brief.region.getByRole('button', { name: 'Delete brief' }).click();
  await page.getByRole('dialog', { name: 'Delete brief' }).getByRole('button', { name: 'Delete brief' }).click();
  await expect(ws.brief.region).toContainText('No brief yet');

  await app.restart();
  await ws.open(app.url);
  await expect(ws.library.region).toContainText('0 sources');
  await expect(ws.brief.region).toContainText('No brief yet');
  expect(await app.call('listBriefs', {})).toEqual([]);
});
