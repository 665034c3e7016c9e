// Quoting from the keyboard and without hunting for buttons (issue 10, item 7): the adder beside the
// selection with its shortcuts, the caret in Note after quoting, a resizable passage panel, fields
// that grow with their text, and highlights reachable with Tab and the arrow keys.
import type { App } from '../support/fixtures';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

const BODY = [
  'The ministry said the exercise would last nine days.',
  'Three warships left the northern port before dawn.',
  'Local fishermen reported that the harbour was closed.',
  'Officials declined to say how many troops took part.',
].join('\n');

async function seed(app: App) {
  const { source } = await app.call('addSource', { title: 'Exercise report', outlet: 'The Hill', body: BODY });
  const brief = await app.call('createBrief', { title: 'Exercise brief' });
  await app.call('addClaim', { briefId: brief.id, text: 'The navy took part.' });
  await app.call('addClaim', { briefId: brief.id, text: 'The port was closed.' });
  return { source, brief };
}

test('the adder beside a selection quotes with Q and puts the caret in Note', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Exercise report');
  await ws.reader.select('Three warships left the northern port');
  const adder = ws.reader.adder;
  const quote = adder.getByRole('button', { name: 'Quote', exact: true });
  await expect(quote).toBeVisible();
  await expect(quote).toHaveAttribute('title', 'Quote the selection (Q)');
  await expect(adder.getByRole('button', { name: 'Quote and cite' })).toHaveAttribute('title', 'Quote and cite in a new claim (C)');
  // It sits next to the selection: just above the selected words.
  const words = await ws.reader.text.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: r.top, left: r.left, right: r.right };
  });
  const box = (await adder.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(words.top);
  expect(box.y + box.height).toBeGreaterThan(words.top - 40);
  expect(box.x + box.width).toBeGreaterThan(words.left);
  expect(box.x).toBeLessThan(words.right);

  await page.keyboard.press('q');
  await expect(adder).toBeHidden();
  await expect(ws.reader.passagePanel.getByRole('blockquote')).toHaveText('Three warships left the northern port');
  const note = ws.reader.passagePanel.getByLabel('Note');
  await expect(note).toBeFocused();
  await page.keyboard.type('Seen from the shore.');
  await page.keyboard.press('Tab');
  await ws.allSaved();
  expect((await app.call('listQuotes', {})).items[0]?.note).toBe('Seen from the shore.');
});

test('Quote and cite (C) cites the selection in the claim last worked on, or in a new claim', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Exercise report');
  await ws.brief.claimText(2).click();
  // A mouse selection puts focus in the text (the shortcuts stay off while a field has focus).
  await ws.reader.text.click({ position: { x: 5, y: 5 } });
  await ws.reader.select('Local fishermen reported that the harbour was closed.');
  const cite = ws.reader.adder.getByRole('button', { name: 'Quote and cite' });
  await expect(cite).toHaveAttribute('title', 'Quote and cite in claim 2 (C)');
  await expect(cite).toHaveAttribute('aria-keyshortcuts', 'C');
  await page.keyboard.press('c');
  await expect(ws.brief.tag(2, /^\[1\] The Hill · Local fishermen/)).toBeVisible();
  await expect(ws.reader.passagePanel.getByLabel('Note')).toBeFocused();

  // With no claim chosen (after a reload), C starts a new claim citing the passage, ready for its text.
  await ws.reload();
  await ws.library.open('Exercise report');
  await ws.reader.select('Officials declined to say');
  await expect(cite).toHaveAttribute('title', 'Quote and cite in a new claim (C)');
  await page.keyboard.press('c');
  await expect(ws.brief.claims).toHaveCount(3);
  await expect(ws.brief.tag(3, /^\[2\] The Hill · Officials declined/)).toBeVisible();
  await expect(ws.brief.claimText(3)).toBeFocused();
  await page.keyboard.type('Troop numbers are unknown.');
  await ws.allSaved();
  const stored = await app.call('getBrief', { id: (await app.call('listBriefs', {}))[0]!.id });
  expect(stored.claims[2]?.text).toBe('Troop numbers are unknown.');
});

test('the passage panel is resized with the keyboard, and keeps its size', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Exercise report');
  const splitter = ws.reader.splitter;
  await expect(splitter).toHaveAttribute('aria-orientation', 'horizontal');
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  const panelBefore = (await ws.reader.passagePanel.boundingBox())!.height;
  await splitter.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 48));
  await expect.poll(async () => (await ws.reader.passagePanel.boundingBox())!.height).toBeCloseTo(panelBefore + 48, 0);
  await page.keyboard.press('End');
  await expect(splitter).toHaveAttribute('aria-valuenow', await splitter.getAttribute('aria-valuemin') ?? '');
  await page.keyboard.press('PageUp');
  const after = await splitter.getAttribute('aria-valuenow');
  await ws.reload();
  await expect(ws.reader.splitter).toHaveAttribute('aria-valuenow', after ?? '');
});

test('claim and bottom line fields grow with their text', async ({ app, page }) => {
  await seed(app);
  const ws = new Workspace(page);
  await ws.open(app.url);
  const long = 'The exercise involved three warships, two submarines and aircraft from the eastern airfield, and lasted longer than the ministry first announced. '.repeat(4);
  const field = ws.brief.claimText(1);
  const height = async () => (await field.boundingBox())!.height;
  const start = await height();
  await field.click();
  await page.keyboard.insertText(long);
  await expect.poll(height).toBeGreaterThan(start + 60);
  // All of it shows: nothing scrolls inside the field.
  expect(await field.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(2);
  await ws.reload();
  expect(await ws.brief.claimText(1).evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(2);

  const summary = ws.brief.summary;
  const summaryStart = (await summary.boundingBox())!.height;
  await summary.fill('Warships and submarines took part. '.repeat(6));
  await expect.poll(async () => (await summary.boundingBox())!.height).toBeGreaterThan(summaryStart + 20);
  expect(await summary.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(2);
});

test('highlights are reached with Tab and the arrow keys, each with a name', async ({ app, page }) => {
  const { source } = await seed(app);
  for (const phrase of ['The ministry said', 'Three warships left', 'Officials declined']) {
    const start = BODY.indexOf(phrase);
    await app.call('createQuote', { sourceId: source.id, start, end: start + phrase.length });
  }
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Exercise report');
  await ws.reader.text.focus();
  await page.keyboard.press('Tab');
  const first = ws.reader.text.getByRole('button', { name: 'Passage: The ministry said' });
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleDescription('Not cited yet');
  await page.keyboard.press('Enter');
  await expect(ws.reader.passagePanel.getByRole('blockquote')).toHaveText('The ministry said');
  await expect(ws.reader.activePassage).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(ws.reader.activePassage).toBeFocused();
  await expect(ws.reader.activePassage).toHaveText('Three warships left');
  await expect(ws.reader.passagePanel.getByRole('blockquote')).toHaveText('Three warships left');
  await page.keyboard.press('ArrowDown');
  await expect(ws.reader.activePassage).toHaveText('Officials declined');
  // The next key acts on the focused passage: wait until focus has moved there, as the eye would.
  await expect(ws.reader.activePassage).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(ws.reader.activePassage).toHaveText('Three warships left');
  await expect(ws.reader.activePassage).toBeFocused();
});
