// Screenshots of each pane at 1280x800 on the demo library, for a person to look at
// (tests/e2e/.screens/, not committed). Also checks that each pane is there and fits the window.
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';
import { LibraryLists } from '../pages/quote-bank';

const SCREENS = path.join(import.meta.dirname, '..', '.screens');

test.use({ demo: true, viewport: { width: 1280, height: 800 } });

test('each pane on the demo library, at 1280x800', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  await expect(ws.brief.claims.first()).toBeVisible();
  await ws.library.sources.first().getByRole('button').first().click();
  await expect(ws.reader.heading).toBeVisible();
  await ws.brief.tag(1, /^\[1\]/).click();
  await expect(ws.reader.activePassage).toBeFocused();
  await page.screenshot({ path: path.join(SCREENS, 'workspace.png') });
  await ws.library.region.screenshot({ path: path.join(SCREENS, 'library.png') });
  await ws.reader.region.screenshot({ path: path.join(SCREENS, 'reader.png') });
  await ws.brief.region.screenshot({ path: path.join(SCREENS, 'brief.png') });
  await ws.search.find('the');
  await page.screenshot({ path: path.join(SCREENS, 'search.png') });
  for (const pane of [ws.library.region, ws.reader.region, ws.brief.region]) {
    const box = await pane.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box && box.y + box.height).toBeLessThanOrEqual(800);
  }
});

test('the layout holds at 1024x700', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.tag(1, /^\[1\]/).click();
  await expect(ws.reader.activePassage).toBeInViewport();
  await page.screenshot({ path: path.join(SCREENS, 'workspace-1024.png') });
  for (const pane of [ws.library.region, ws.reader.region, ws.brief.region]) {
    const box = await pane.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box && box.x + box.width).toBeLessThanOrEqual(1024);
  }
});

test('a large screen and the empty library', async ({ app, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.tag(2, /^\[2\]/).click();
  await expect(ws.reader.activePassage).toBeInViewport();
  await page.screenshot({ path: path.join(SCREENS, 'workspace-1920.png') });
});

test.describe('without the demo', () => {
  test.use({ demo: false });
  test('the empty workspace says what to do first', async ({ app, page }) => {
    const ws = new Workspace(page);
    await ws.open(app.url);
    await expect(ws.library.region).toContainText('0 sources');
    await expect(ws.reader.region).toContainText('Open a source from the library');
    await expect(ws.brief.region).toContainText('No brief yet');
    await page.screenshot({ path: path.join(SCREENS, 'empty.png') });
  });
});

// The workspace at the three common window sizes with the last claim's citation menu open near the
// bottom edge (issue 10): the menu must fit in the window, and every icon is an SVG, never a glyph box.
for (const [width, height] of [
  [1280, 720],
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`the workspace at ${width}x${height} with a menu open near the bottom`, async ({ app, page }) => {
    await page.setViewportSize({ width, height });
    const ws = new Workspace(page);
    await ws.open(app.url);
    await ws.library.sources.first().getByRole('button').first().click();
    await ws.brief.tag(1, /^\[1\]/).click();
    await expect(ws.reader.activePassage).toBeFocused();
    const last = await ws.brief.claims.count();
    await ws.brief.claim(last).scrollIntoViewIfNeeded();
    const number = Number((await ws.brief.citations(last).getByRole('button', { name: /^\[\d+\]/ }).last().textContent())?.match(/\[(\d+)\]/)?.[1]);
    const menu = await ws.brief.citationOptions(last, number);
    for (const item of await menu.getByRole('menuitem').all()) await expect(item).toBeInViewport({ ratio: 1 });
    const box = await menu.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(height);
    expect(box && box.x + box.width).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SCREENS, `workspace-${width}x${height}-menu.png`) });
  });
}

// The screens of issue 10 at the three common window sizes, for a person to open and look at: the
// reader on a PDF source with a passage's panel, Ctrl+K search, the quote bank. Each must fit the window.
const PDF_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Exercise report</title></head><body>
<section style="break-after:page"><p>The exercise began on Monday with naval drills off the northern coast.</p></section>
<section><p>Aircraft from three bases joined on the second day; the ministry called it routine.</p></section></body></html>`;

for (const [width, height] of [
  [1280, 720],
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`reader on a PDF, search and quote bank at ${width}x${height}`, async ({ app, page }) => {
    await page.setViewportSize({ width, height });
    const printer = await page.context().newPage();
    await printer.setContent(PDF_HTML);
    const pdf = await printer.pdf({ format: 'A4' });
    await printer.close();
    const imported = await app.call('importFile', { name: 'exercise.pdf', base64: Buffer.from(pdf).toString('base64') });
    const sourceId = imported.source.id;
    const body = (await app.call('getSource', { id: sourceId })).body;
    const start = body.indexOf('Aircraft from three bases');
    await app.call('createQuote', { sourceId, start, end: start + 'Aircraft from three bases joined on the second day'.length });

    const ws = new Workspace(page);
    await ws.open(app.url);
    await ws.library.open('Exercise report');
    await ws.reader.highlight('Aircraft from three bases').click();
    await expect(ws.reader.passagePanel).toContainText('p. 2 of the PDF');
    await page.screenshot({ path: path.join(SCREENS, `reader-pdf-${width}x${height}.png`) });
    const fits = async (what: { boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> }) => {
      const box = await what.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(width);
      expect(box && box.y + box.height).toBeLessThanOrEqual(height);
    };
    await fits(ws.reader.region);

    await ws.search.find('exercise');
    await fits(ws.search.dialog);
    await page.screenshot({ path: path.join(SCREENS, `search-${width}x${height}.png`) });
    await page.keyboard.press('Escape');
    await expect(ws.search.dialog).toBeHidden();

    const lists = new LibraryLists(page);
    await lists.tab('Quotes').click();
    await expect(lists.passage(/Aircraft from three bases/)).toBeVisible();
    await fits(lists.library);
    await page.screenshot({ path: path.join(SCREENS, `quote-bank-${width}x${height}.png`) });
  });
}
