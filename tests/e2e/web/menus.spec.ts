// Menus stay inside the window and answer the keyboard (issue 10, item 5); citation tags tell their
// passages apart (item 6); icons are SVG, never emoji (item 9).
import type { Locator } from '@playwright/test';
import type { App } from '../support/fixtures';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

const BODY = [
  'The ministry said the exercise would last nine days.',
  'Three warships left the northern port before dawn.',
  'Local fishermen reported that the harbour was closed.',
  'Officials declined to say how many troops took part.',
  'Satellite images showed aircraft on the eastern airfield.',
  'A spokesman called the drills routine and defensive.',
].join('\n');

/** A brief of six claims, each citing one passage of the same source: six tags reading "The Hill". */
async function seed(app: App) {
  const { source } = await app.call('addSource', { title: 'Exercise report', outlet: 'The Hill', body: BODY });
  const brief = await app.call('createBrief', { title: 'Exercise brief' });
  let at = 0;
  for (const [i, sentence] of BODY.split('\n').entries()) {
    const quote = await app.call('createQuote', { sourceId: source.id, start: at, end: at + sentence.length });
    const claim = await app.call('addClaim', { briefId: brief.id, text: `Claim number ${i + 1} about the exercise, long enough to take two lines in the brief pane.` });
    await app.call('addCitation', { claimId: claim.id, quoteId: quote.id });
    at += sentence.length + 1;
  }
  return { brief };
}

test.use({ viewport: { width: 1280, height: 720 } });

test('the last claim’s citation menu opens inside the window and works from the keyboard', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.scrollDownToClaim(6);
  const button = ws.brief.citationMenuButton(6, 6);
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Citation 6 options' });
  await expect(menu).toBeVisible();
  // Every item is inside the window, the last one included.
  for (const name of ['Supports', 'Contradicts', 'Context']) await expect(menu.getByRole('menuitemradio', { name })).toBeInViewport({ ratio: 1 });
  for (const name of ['Move earlier', 'Remove citation']) await expect(menu.getByRole('menuitem', { name })).toBeInViewport({ ratio: 1 });
  const box = await menu.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(720);
  // Focus is on the first item, so Escape right away closes the menu and gives focus back.
  await expect(menu.getByRole('menuitemradio', { name: 'Supports' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  // ArrowDown opens it too; arrows move, Enter chooses.
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Supports' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'Supports' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Contradicts' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(ws.brief.tag(6, /^\[6\] The Hill · contradicts/)).toBeVisible();
  // The claim's only citation cannot move: arrows skip the disabled items, and wrap around.
  await button.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Remove citation' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitemradio', { name: 'Context' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Move earlier' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();

  // A click outside closes it as well.
  await button.click();
  await expect(menu).toBeVisible();
  await ws.brief.title.click();
  await expect(menu).toBeHidden();
});

test('the quote picker is driven by the arrow keys', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.claim(1).getByRole('button', { name: 'Cite a quote in claim 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cite a quote in claim 1' });
  const search = dialog.getByRole('combobox', { name: 'Search quotes' });
  await expect(search).toBeFocused();
  await page.keyboard.type('the');
  const options = dialog.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const chosen = options.nth(2);
  await expect(chosen).toHaveAttribute('aria-selected', 'true');
  const words = ((await chosen.textContent()) ?? '').slice(1, 20);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(ws.brief.citations(1).getByRole('button', { name: /^\[\d\]/ })).toHaveCount(2);
  await expect(ws.brief.citations(1).getByRole('button', { name: /^\[2\]/ })).toHaveAccessibleDescription(new RegExp(words));
});

test('citation tags of one source tell their passages apart', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  const first = ws.brief.tag(1, /^\[1\]/);
  const second = ws.brief.tag(2, /^\[2\]/);
  await expect(first).toHaveAccessibleName('[1] The Hill · The ministry said the…');
  await expect(second).toHaveAccessibleName('[2] The Hill · Three warships left the…');
  await expect(first).toHaveAccessibleDescription(/The ministry said the exercise would last nine days/);
  await expect(first).toContainText('The ministry said the…');
});

test('icons are SVG and no control text needs an emoji font', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Exercise report');
  await expect(ws.reader.heading).toBeVisible();
  // An icon is a decorative element painted through a mask of its SVG drawing, in the text colour.
  const drawing = (button: Locator) =>
    button.evaluate((b) =>
      [...b.querySelectorAll('[aria-hidden="true"]')].map((el) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && style.backgroundColor === style.color ? style.maskImage : 'not drawn';
      }),
    );
  const svg = /^url\("data:image\/svg\+xml,/;
  expect(await drawing(ws.brief.claim(1).getByRole('button', { name: 'Delete claim 1' }))).toEqual([expect.stringMatching(svg)]);
  expect(await drawing(ws.library.region.getByRole('button', { name: 'Delete source Exercise report' }))).toEqual([expect.stringMatching(svg)]);
  expect(await drawing(ws.brief.citationMenuButton(1, 1))).toEqual([expect.stringMatching(svg)]);
  const text = await page.evaluate(() =>
    [...document.querySelectorAll('button, [role="tab"], [role="menuitem"], label, h1, h2, h3, h4, .empty-note')].map((el) => el.textContent ?? '').join('\n'),
  );
  const found = [...text].filter((ch) => /[\p{Extended_Pictographic}\u{FE0F}\u{2190}-\u{2BFF}]/u.test(ch));
  expect(found).toEqual([]);
});
