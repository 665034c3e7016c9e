// Search that lands (issue 10, item 3): a Ctrl+K hit in a long source opens the reader at the match,
// marked; Ctrl+F finds across the whole virtualised text with a count; other word forms are found;
// search syntax is explained rather than silently finding nothing.
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';
import { FindBar } from '../pages/find';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Абзац ${i + 1}: погода была спокойной, движение по дорогам шло как обычно.`).join('\n\n');
const BODY = [
  filler(120),
  'Министр обороны прибыл в Турцию для переговоров о совместных учениях.',
  filler(60),
  'Представители западных стран наблюдали за учениями с побережья.',
  filler(40),
  'Западные страны призвали к сдержанности.',
].join('\n\n');

test('a Ctrl+K hit for Турция lands on Турцию deep in a long source, marked, with find to step on', async ({ app, page }) => {
  await app.call('addSource', { title: 'Учения на побережье', outlet: 'Вестник', language: 'ru', body: BODY });
  await app.call('addSource', { title: 'Weather', body: 'Calm weather all week.' });
  const ws = new Workspace(page);
  const find = new FindBar(page);
  await ws.open(app.url);

  await ws.search.find('Турция');
  const hit = ws.search.results.filter({ hasText: 'Учения на побережье' });
  await expect(hit).toContainText('another form of the word');
  await expect(hit.getByText('Турцию', { exact: true })).toBeVisible();
  // Matched only as typed, Турция is not in that source.
  const forms = ws.search.dialog.getByRole('checkbox', { name: /Also other forms of the words/ });
  await forms.uncheck();
  await expect(ws.search.dialog.getByText('0 results')).toBeVisible();
  await forms.check();
  await expect(hit).toBeVisible();
  await ws.search.box.focus();
  await page.keyboard.press('Enter');
  await expect(ws.search.dialog).toBeHidden();
  await expect(ws.reader.heading).toHaveText('Учения на побережье');
  await expect(find.count).toHaveText('1 of 1');
  await expect(find.current).toHaveText('Турцию');
  await expect(find.current).toBeInViewport();

  // Ctrl+F in the reader: a phrase in any form of its words, counted over the whole text.
  await ws.reader.text.focus();
  await page.keyboard.press('Control+f');
  await expect(find.input).toBeFocused();
  await page.keyboard.insertText('западные страны');
  await expect(find.count).toHaveText('1 of 2');
  await expect(find.current).toHaveText('западных стран');
  await expect(find.current).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(find.count).toHaveText('2 of 2');
  await expect(find.current).toHaveText('Западные страны');
  await expect(find.current).toBeInViewport();
  await page.keyboard.press('Shift+Enter');
  await expect(find.count).toHaveText('1 of 2');
  await find.button('Next match').click();
  await expect(find.count).toHaveText('2 of 2');
  await find.button('Next match').click();
  await expect(find.count).toHaveText('1 of 2'); // wraps around
  await expect(find.current).toBeInViewport();

  await find.input.fill('Греция');
  await expect(find.count).toHaveText('No matches');
  await find.input.focus();
  await page.keyboard.press('Escape');
  await expect(find.bar).toBeHidden();
  await expect(ws.reader.text).toBeFocused();
});

test('search syntax is explained: words are matched as typed, and what to do instead', async ({ app, page }) => {
  await app.call('addSource', { title: 'Exercise report', language: 'en', body: 'The brigade exercised near the border.' });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.search.openWithKeyboard();
  await ws.search.box.fill('NEAR(brigade border)');
  const notice = ws.search.dialog.getByRole('note');
  await expect(notice).toContainText('Words are matched as typed');
  await expect(notice).toContainText('NEAR( ) is not read');
  await ws.search.box.fill('exerc*');
  await expect(notice).toContainText('leave it out');
  await ws.search.box.fill('exerc');
  await expect(notice).toBeHidden();
  await expect(ws.search.results).toHaveCount(1);
  await expect(ws.search.dialog.getByText('1 result', { exact: true })).toBeVisible();
});
