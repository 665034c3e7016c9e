// A passage cited by two claims (issue 10, item 6): the analyst cites it from the second claim with
// the quote picker, then exports; the PDF's evidence annex quotes it once and lists both claims, and
// the Markdown file does the same in its footnotes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

const PASSAGE = 'Three warships left the northern port before dawn on Tuesday, escorted by two submarines.';

async function exportAs(page: Page, format: 'PDF' | 'Markdown', file: string): Promise<void> {
  await page.getByRole('region', { name: 'Brief' }).getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Export/ });
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  // The brief has no author, cut-off date or endnote fields, so the export check lists them first.
  await expect(dialog.getByRole('heading', { name: 'Product template' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Export anyway' }).click();
  await (await download).saveAs(file);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

test('a passage cited by two claims is quoted once in the exports, with both claims listed', async ({ app, page }, testInfo) => {
  const { source } = await app.call('addSource', { title: 'Exercise report', outlet: 'The Hill', body: `Intro line.\n${PASSAGE}\nClosing line.` });
  const quote = await app.call('createQuote', { sourceId: source.id, start: 12, end: 12 + PASSAGE.length });
  const brief = await app.call('createBrief', { title: 'Exercise brief' });
  const first = await app.call('addClaim', { briefId: brief.id, text: 'The navy took part in the exercise.' });
  await app.call('addClaim', { briefId: brief.id, text: 'Submarines were deployed.' });
  await app.call('addCitation', { claimId: first.id, quoteId: quote.id });

  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.citeFromPicker(2, 'warships', /Three warships left/);
  await expect(ws.brief.tag(2, /^\[2\] The Hill · Three warships left/)).toBeVisible();
  await ws.allSaved();

  const pdf = testInfo.outputPath('brief.pdf');
  await exportAs(page, 'PDF', pdf);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const annex = text.slice(text.indexOf('Evidence annex'));
  expect(annex.split('escorted by two submarines.')).toHaveLength(2);
  expect(annex).toContain('Cited by claim 1 as [1] (supports), claim 2 as [2] (supports).');
  expect(annex).toContain('The passage quoted in full at [1] (claim 1)');

  const md = testInfo.outputPath('brief.md');
  await exportAs(page, 'Markdown', md);
  const markdown = fs.readFileSync(md, 'utf8');
  expect(markdown.split(`> ${PASSAGE}`)).toHaveLength(2);
  expect(markdown).toContain('Cited by claim 1 as [^1] (supports), claim 2 as [^2] (supports).');
});
