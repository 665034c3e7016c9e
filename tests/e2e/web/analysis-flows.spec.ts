// The analysis in the analyst's wider workflow on the demo brief: a passage added from the quote bank,
// the question, the weighting and the ranking's citation undone and redone from the notice, the tab
// checked with axe, and the brief exported from the dialog with its matrix (PDF read with pdftotext,
// CSV with the ratings).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type App } from '../support/fixtures';
import { expectAccessible } from '../support/axe';
import { AnalysisScreen } from '../pages/analysis';
import { ExportDialog } from '../pages/export-dialog';
import { LibraryLists } from '../pages/quote-bank';
import { Workspace } from '../pages/workspace';

test.use({ demo: true, viewport: { width: 1440, height: 900 } });

/** Two hypotheses on the demo brief, set up through the contract: the flows below are under test. */
async function twoHypotheses(app: App) {
  let a = await app.call('createAnalysis', { briefId: 1, question: 'Why did the booking system stop?' });
  a = await app.call('addHypothesis', { analysisId: a.id, text: 'Ransomware attack on the booking servers' });
  return app.call('addHypothesis', { analysisId: a.id, text: 'Storage hardware failure' });
}

test('a passage joins the matrix from the quote bank; the question, weighting and ranking citation undo from the notice', async ({ app, page }) => {
  await twoHypotheses(app);
  const ws = new Workspace(page);
  const an = new AnalysisScreen(page);
  const lists = new LibraryLists(page);
  await ws.open(app.url);
  await an.open();

  await lists.tab('Quotes').click();
  const passage = lists.passage('demanding payment in exchange for restoring encrypted files');
  await passage.getByRole('button', { name: /^Add to analysis: / }).click();
  await expect(passage.getByRole('button', { name: /^In the analysis: / })).toBeDisabled();
  await expect(an.rows).toHaveCount(1);
  await expect(an.evidence(1)).toContainText('demanding payment in exchange for restoring encrypted files');

  const notice = page.getByRole('status', { name: 'Undo notice' });
  // The question: edited in place, undone, redone.
  const question = an.panel.getByRole('textbox', { name: 'Question' });
  await question.fill('Who stopped the booking system?');
  await question.blur();
  await expect.poll(async () => (await app.call('getAnalysis', { briefId: 1 })).analysis?.question).toBe('Who stopped the booking system?');
  await ws.undo();
  await expect(notice).toContainText('Undone: edit of the analysis question “Who stopped the booking system?”.');
  await expect(question).toHaveValue('Why did the booking system stop?');
  await notice.getByRole('button', { name: /^Redo edit of the analysis question/ }).click();
  await expect(question).toHaveValue('Who stopped the booking system?');

  // The weighting, by Ctrl+Z outside a text field.
  const weigh = an.panel.getByRole('checkbox', { name: 'Weigh by relevance' });
  // The box follows the stored setting, so it turns when the back end has answered.
  await weigh.click();
  await expect(weigh).toBeChecked();
  await expect.poll(async () => (await app.call('getAnalysis', { briefId: 1 })).analysis?.weighByRelevance).toBe(true);
  await expect.poll(async () => (await app.call('undoState', { briefId: 1 })).undo).toBe('weighting by relevance turned on');
  await weigh.focus();
  await page.keyboard.press('Control+z');
  await expect(notice).toContainText('Undone: weighting by relevance turned on.');
  await expect(weigh).not.toBeChecked();
  await expect(notice.getByRole('button', { name: 'Redo weighting by relevance turned on' })).toBeVisible();

  // Citing the ranking from claim 1, undone and redone.
  const citing = an.panel.getByRole('group', { name: 'Claims citing the ranking' });
  const pick = citing.getByRole('combobox', { name: 'Cite the ranking in a claim' });
  await pick.selectOption((await pick.getByRole('option', { name: /^Claim 1:/ }).getAttribute('value'))!);
  await expect(citing.getByRole('button', { name: 'Claim 1 no longer cites the ranking' })).toBeVisible();
  await ws.undo();
  await expect(notice).toContainText('Undone: citation of the ranking in claim 1.');
  await expect(citing.getByRole('button', { name: 'Claim 1 no longer cites the ranking' })).toHaveCount(0);
  await notice.getByRole('button', { name: 'Redo citation of the ranking in claim 1' }).click();
  await expect(citing.getByRole('button', { name: 'Claim 1 no longer cites the ranking' })).toBeVisible();

  await expectAccessible(page, 'analysis tab with a matrix, scores and key assumptions');
});

test('exporting from the dialog carries the matrix: the PDF has the annex and the key assumptions, the CSV the ratings', async ({ app, page }, testInfo) => {
  let a = await twoHypotheses(app);
  const brief = await app.call('getBrief', { id: 1 });
  for (const claim of brief.claims.slice(0, 2)) a = await app.call('addEvidenceFromClaim', { analysisId: a.id, claimId: claim.id });
  const [h1, h2] = a.hypotheses.map((h) => h.id) as [number, number];
  for (const [i, row] of a.rows.entries()) {
    await app.call('rateCell', { hypothesisId: h1, rowId: row.id, rating: i === 0 ? 'CC' : 'C' });
    await app.call('rateCell', { hypothesisId: h2, rowId: row.id, rating: i === 0 ? 'II' : 'N' });
  }
  const k = await app.call('addKeyAssumption', { briefId: 1, text: 'The two Brightmoor employees saw the servers themselves.' });
  await app.call('updateKeyAssumption', { id: k.id, status: 'caveats', note: 'They repeated what a colleague told them.', claimIds: [brief.claims[1]!.id] });

  const ws = new Workspace(page);
  await ws.open(app.url);
  const exporter = new ExportDialog(page);
  const exportAs = async (format: 'PDF' | 'CSV', name: string) => {
    await ws.brief.region.getByRole('button', { name: 'Export', exact: true }).click();
    await exporter.choose(format);
    const download = page.waitForEvent('download');
    await exporter.confirm();
    const file = testInfo.outputPath(name);
    await (await download).saveAs(file);
    await exporter.dialog.getByRole('button', { name: 'Close' }).click();
    return file;
  };

  const pdf = execFileSync('pdftotext', ['-layout', await exportAs('PDF', 'brief.pdf'), '-'], { encoding: 'utf8' });
  expect(pdf).toContain('Key assumptions check');
  const squash = (t: string) => t.replace(/\s+/g, ' ');
  // The check is a table: pdftotext gives its cells line by line, side by side.
  expect(squash(pdf)).toMatch(/A1 The two Brightmoor employees saw Correct with caveats Claim 2 They repeated what a the servers themselves\. colleague told them\./);
  expect(pdf).toContain('Annex: analysis of competing hypotheses');
  expect(pdf).toMatch(/1\. H1 Ransomware attack on the booking servers — inconsistency 0/);
  expect(pdf).toMatch(/2\. H2 Storage hardware failure — inconsistency 2/);
  // The key assumptions come before the annex, after the bottom line.
  expect(pdf.indexOf('Key assumptions check')).toBeLessThan(pdf.indexOf('Annex: analysis of competing hypotheses'));

  const csv = fs.readFileSync(await exportAs('CSV', 'matrix.csv'), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
  expect(csv[0]).toBe('Row,Kind,Evidence,Source,Grade,Relevance,Diagnosticity,Flags,H1: Ransomware attack on the booking servers,H2: Storage hardware failure');
  expect(csv[1]).toMatch(/^E1,passage,.*,CC,II$/);
  expect(csv.slice(2, 1 + a.rows.length).every((l) => l.endsWith(',C,N'))).toBe(true);
  expect(csv.at(-2)).toBe(',,Inconsistency score,,,,,,0,2');
  expect(csv.at(-1)).toBe(',,Rank,,,,,,1,2');
});
