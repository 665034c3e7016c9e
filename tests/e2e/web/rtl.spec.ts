// Right-to-left text (issue 10, item 8): an Arabic article reads right to left in the reader, its
// title truncates at its own end in the library, and Arabic typed into the brief runs right to left,
// while English next to it stays left to right.
import type { Locator } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

const TITLE = 'إغلاق ميناء الحديدة أمام السفن التجارية لمدة ثلاثة أيام بسبب المناورات العسكرية البحرية الواسعة';
const ARABIC = 'أعلنت السلطات إغلاق الميناء أمام السفن التجارية لمدة ثلاثة أيام بسبب المناورات.';
const ENGLISH = 'An English summary follows the Arabic paragraph.';
const CLAIM = 'الميناء مغلق لمدة ثلاثة أيام.';

const direction = (el: Locator) => el.evaluate((node) => getComputedStyle(node).direction);

test('Arabic is laid out right to left wherever it is shown', async ({ app, page }) => {
  await app.call('addSource', { title: TITLE, outlet: 'الجزيرة', body: `${ARABIC}\n${ENGLISH}` });
  const ws = new Workspace(page);
  await ws.open(app.url);

  // The library row: the title runs right to left, so the ellipsis cuts its end (on the left).
  const row = ws.library.source(/إغلاق ميناء الحديدة/);
  const title = row.getByText(/^إغلاق ميناء/);
  await expect(title).toHaveAttribute('dir', 'auto');
  expect(await direction(title)).toBe('rtl');
  const clipped = await title.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(clipped).toBe(true);

  await ws.library.open(/إغلاق ميناء الحديدة/);
  await expect(ws.reader.heading).toHaveText(TITLE);
  expect(await direction(ws.reader.heading)).toBe('rtl');
  const arabic = ws.reader.text.locator('p', { hasText: 'أعلنت السلطات' });
  const english = ws.reader.text.locator('p', { hasText: ENGLISH });
  expect(await direction(arabic)).toBe('rtl');
  expect(await direction(english)).toBe('ltr');
  // Right to left means the paragraph starts at the right edge of the reader.
  const [pBox, wordBox] = await Promise.all([arabic.boundingBox(), arabic.evaluate((el) => {
    const range = document.createRange();
    const text = el.querySelector('span')?.firstChild as Text;
    range.setStart(text, 0);
    range.setEnd(text, 5);
    const r = range.getBoundingClientRect();
    return { x: r.x, width: r.width };
  })]);
  expect(wordBox.x + wordBox.width).toBeGreaterThan((pBox?.x ?? 0) + (pBox?.width ?? 0) - 30);

  // Quote the Arabic sentence: the passage, its note and the quote list read right to left.
  await ws.reader.quote('إغلاق الميناء أمام السفن التجارية');
  expect(await direction(ws.reader.passagePanel.getByRole('blockquote'))).toBe('rtl');
  const note = ws.reader.passagePanel.getByLabel('Note');
  await note.fill('مصدر رسمي');
  expect(await direction(note)).toBe('rtl');
  await ws.reader.showQuotes();
  expect(await direction(ws.reader.quoteInList(/إغلاق الميناء/).getByRole('button'))).toBe('rtl');

  // An Arabic claim in the brief, and its bottom line.
  await ws.brief.newBrief('موجز');
  expect(await direction(ws.brief.title)).toBe('rtl');
  await ws.brief.addClaim(CLAIM);
  expect(await direction(ws.brief.claimText(1))).toBe('rtl');
  await ws.brief.summary.fill(CLAIM);
  expect(await direction(ws.brief.summary)).toBe('rtl');
  await ws.brief.summary.fill('English bottom line.');
  expect(await direction(ws.brief.summary)).toBe('ltr');
});
