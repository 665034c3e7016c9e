// The reader: passage details (note, credibility), backlinks from a highlight, overlapping passages,
// and deleting a cited passage.
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

const BODY = 'Officials confirmed the convoy crossed the border at dawn.\nA second convoy was reported by local radio but not confirmed.';

test('a passage keeps its note and credibility across a reload', async ({ app, page }) => {
  await app.call('addSource', { title: 'Border report', outlet: 'Radio North', body: BODY });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Border report');
  await ws.reader.quote('the convoy crossed the border at dawn');
  await ws.reader.passagePanel.getByLabel('Note').fill('Two officials, on the record.');
  await ws.reader.passagePanel.getByLabel('Credibility').selectOption('2');
  await ws.reload();
  await ws.reader.highlight('the convoy crossed the border').click();
  await expect(ws.reader.passagePanel.getByLabel('Note')).toHaveValue('Two officials, on the record.');
  await expect(ws.reader.passagePanel.getByLabel('Credibility')).toHaveValue('2');
  const stored = (await app.call('listQuotes', {})).items[0];
  expect(stored?.note).toBe('Two officials, on the record.');
  expect(stored?.credibility).toBe(2);
});

test('overlapping passages are both highlighted and each can be opened', async ({ app, page }) => {
  const { source } = await app.call('addSource', { title: 'Border report', body: BODY });
  const crossed = BODY.indexOf('crossed') + 'crossed'.length;
  await app.call('createQuote', { sourceId: source.id, start: 0, end: crossed }); // "Officials … convoy crossed"
  await app.call('createQuote', { sourceId: source.id, start: BODY.indexOf('the convoy'), end: BODY.indexOf(' at dawn') + 8 });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Border report');
  await ws.reader.showQuotes();
  await expect(ws.reader.quoteList.getByRole('listitem')).toHaveCount(2);
  await ws.reader.quoteInList(/convoy crossed the border at dawn/).getByRole('button').click();
  // The active passage starts where the two overlap: its first run is the shared words.
  await expect(ws.reader.activePassage).toHaveText('the convoy crossed');
  await expect(ws.reader.activePassage).toBeFocused();
  await expect(ws.reader.passagePanel.getByRole('blockquote')).toHaveText('the convoy crossed the border at dawn');
});

test('a highlight lists the claims citing it; deleting it asks before removing their citations', async ({ app, page }) => {
  const { source } = await app.call('addSource', { title: 'Border report', body: BODY });
  const quote = await app.call('createQuote', { sourceId: source.id, start: 59, end: 75 });
  const brief = await app.call('createBrief', { title: 'Convoys' });
  const claim = await app.call('addClaim', { briefId: brief.id, text: 'A second convoy is unconfirmed.' });
  await app.call('addCitation', { claimId: claim.id, quoteId: quote.id, relation: 'context' });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Border report');
  await ws.reader.highlight('A second convoy').click();
  await expect(ws.reader.citedBy).toContainText('Convoys, claim 1 (context): A second convoy is unconfirmed.');

  await ws.reader.passagePanel.getByRole('button', { name: 'Delete passage' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete passage' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByRole('list', { name: 'Claims that cite it' })).toContainText('Convoys, claim 1');
  expect((await app.call('listQuotes', {})).total).toBe(1);
  await dialog.getByRole('button', { name: 'Remove citations too and delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.brief.claim(1)).toContainText('No citation yet');
  expect((await app.call('listQuotes', {})).total).toBe(0);
});

test('a selection is quoted with exact UTF-16 offsets, across scripts and emoji', async ({ app, page }) => {
  const body = 'Заголовок 🚢 — الميناء مغلق 港口关闭 today.\nSecond line.';
  await app.call('addSource', { title: 'Mixed scripts', body });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Mixed scripts');
  await ws.reader.quote('🚢 — الميناء مغلق 港口关闭');
  const q = (await app.call('listQuotes', {})).items[0];
  expect(q?.exact).toBe('🚢 — الميناء مغلق 港口关闭');
  expect(q?.start).toBe(body.indexOf('🚢'));
  expect(q?.end).toBe(body.indexOf(' today'));
});
