import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';
import { FindBar } from '../pages/find';
import { LibraryLists } from '../pages/quote-bank';
const OUT = '/tmp/h6-shots';
test.use({ demo: true });
for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
  test(`shots ${w}`, async ({ app, page }) => {
    await page.setViewportSize({ width: w, height: h });
    const ws = new Workspace(page);
    await ws.open(app.url);
    await ws.search.find('сбоя');
    await page.screenshot({ path: path.join(OUT, `search-${w}.png`) });
    await page.keyboard.press('Escape');
    await ws.library.sources.first().getByRole('button').first().click();
    await ws.reader.text.focus();
    await page.keyboard.press('Control+f');
    const find = new FindBar(page);
    await page.keyboard.insertText('порт');
    await expect(find.count).toContainText('of');
    await page.keyboard.press('Enter');
    await page.screenshot({ path: path.join(OUT, `find-${w}.png`) });
    const lists = new LibraryLists(page);
    await lists.tab('Quotes').click();
    await ws.brief.claimText(1).focus();
    await page.screenshot({ path: path.join(OUT, `bank-${w}.png`) });
    const tags = await app.call('listTags', {});
    if (tags[0]) await ws.library.filterByTag(tags[0].name);
    await lists.tab('Sources').click();
    await page.screenshot({ path: path.join(OUT, `tag-${w}.png`) });
    await ws.search.openWithKeyboard(); await ws.search.box.fill('NEAR(outage'); await expect(ws.search.dialog.getByRole('note')).toBeVisible();
    await page.screenshot({ path: path.join(OUT, `notice-${w}.png`) });
  });
}
