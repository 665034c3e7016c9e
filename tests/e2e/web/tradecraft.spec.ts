// Tradecraft built in (issue 11): the analyst writes a brief, the ICD 203 check flags it as they type
// and again at export, they fix it, and the exported PDF and Word file carry what a reviewer expects:
// likelihood and confidence per claim, the source summary statement, ICD 206 endnotes in order, and
// the marking once at the top and bottom of every page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import mammoth from 'mammoth';
import { expect, test } from '../support/fixtures';
import { ExportDialog } from '../pages/export-dialog';
import { Workspace } from '../pages/workspace';

const ENGLISH = 'The ministry confirmed that the port will reopen on 3 March.';
const ARABIC = 'قال المتحدث إن الميناء سيتم توسيعه بحلول عام ٢٠٢٧.';

test('write a brief, see it flagged, fix it, export PDF and Word that meet the standards', async ({ app, page }, testInfo) => {
  // The sources, with everything an ICD 206 endnote needs.
  const ministry = await app.call('addSource', {
    title: 'Ministry statement on the port',
    body: `Press release. ${ENGLISH} Ends.`,
    author: 'Ministry of Transport',
    outlet: 'Ministry of Transport',
    url: 'https://example.org/ministry',
    publishedAt: '2026-02-11',
    accessedAt: '2026-02-12',
    reliability: 'A',
    sourceType: 'official-statement',
  });
  const paper = await app.call('addSource', {
    title: 'توسيع الميناء',
    body: `مقدمة. ${ARABIC} خاتمة.`,
    author: 'مراسل الشؤون البحرية',
    outlet: 'الجريدة',
    url: 'https://example.org/ar',
    publishedAt: '2026-02-10',
    accessedAt: '2026-02-12',
    language: 'ar',
    reliability: 'C',
    sourceType: 'news-article',
  });
  const at = (text: string, body: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });
  await app.call('createQuote', { sourceId: ministry.source.id, ...at(ENGLISH, `Press release. ${ENGLISH} Ends.`) });
  await app.call('createQuote', { sourceId: paper.source.id, ...at(ARABIC, `مقدمة. ${ARABIC} خاتمة.`) });

  const ws = new Workspace(page);
  await ws.open(app.url);
  const brief = ws.brief;
  await brief.newBrief('Port of Tartus: reopening');
  await brief.marking.fill('OFFICIAL');
  // The bottom line is checked for its words as a claim is.
  await brief.summary.fill('The port could possibly reopen in March.');
  const bottomLineNotes = brief.region.getByRole('list', { name: 'Tradecraft notes for the bottom line' });
  await expect(bottomLineNotes).toContainText('“could possibly” is not on the ICD 203 likelihood scale');
  await brief.productTemplate();
  await brief.region.getByLabel('Author', { exact: true }).fill('A. Analyst');
  await brief.region.getByLabel('Organisation').fill('Open Source Desk');
  await brief.region.getByLabel('Dissemination').fill('Distribution: project team only');
  await brief.region.getByLabel('Information cut-off').fill('2026-02-12');

  // Flagged as typed: a vague probability word; then high confidence on one source with no likelihood.
  await brief.addClaim('The port might reopen in March.');
  await expect(brief.tradecraftNotes(1)).toContainText('“might” is not on the ICD 203 likelihood scale');
  await brief.citeFromPicker(1, 'ministry', /ministry confirmed/);
  await brief.setConfidence(1, 'High confidence');
  await expect(brief.tradecraftNotes(1)).toContainText('states a confidence but no likelihood');
  await expect(brief.tradecraftNotes(1)).toContainText('High confidence rests on a single source');
  await expect(brief.evidence(1)).toHaveText('Single source');
  await ws.allSaved();
  await brief.region.screenshot({ path: testInfo.outputPath('flagged-brief.png') });

  // The export check says the same, in plain words, and lets the analyst go back.
  const exporter = new ExportDialog(page);
  await brief.region.getByRole('button', { name: 'Export', exact: true }).click();
  await exporter.confirm();
  const notes = exporter.dialog.getByRole('list', { name: 'Tradecraft notes' });
  await expect(notes).toContainText('Claim 1: “might” is not on the ICD 203 likelihood scale');
  await expect(notes).toContainText('Claim 1: High confidence rests on a single source');
  await expect(notes).toContainText('Bottom line: “could possibly” is not on the ICD 203 likelihood scale');
  await expect(exporter.dialog.getByRole('list', { name: 'Product template gaps' })).toContainText('no source summary statement');
  await exporter.dialog.screenshot({ path: testInfo.outputPath('export-review.png') });
  await exporter.dialog.getByRole('button', { name: 'Go back' }).click();
  await expect(exporter.dialog).toBeHidden();

  // Fixed: a scale term that matches the likelihood field, moderate confidence, a second source.
  await brief.claimText(1).fill('The port will likely reopen in March.');
  await brief.summary.fill('The port will likely reopen in March.');
  await expect(bottomLineNotes).toBeHidden();
  await brief.setLikelihood(1, 'likely (55–80%)');
  await brief.setConfidence(1, 'Moderate confidence');
  await brief.citeFromPicker(1, 'الميناء', /الميناء/);
  await expect(brief.evidence(1)).toHaveText('2 independent sources');
  await expect(brief.tradecraftNotes(1)).toBeHidden();
  await brief.region.getByRole('button', { name: 'Draft from evidence' }).click();
  await expect(brief.sourceSummary).toHaveValue(/^This brief rests on 2 sources: 1 news article and 1 official statement, published between 2026-02-10 and 2026-02-11\./);
  await ws.allSaved();

  // Clean: the export goes straight through and downloads the PDF.
  await brief.region.getByRole('button', { name: 'Export', exact: true }).click();
  await exporter.choose('PDF');
  const pdfDownload = page.waitForEvent('download');
  await exporter.confirm();
  const pdf = testInfo.outputPath('brief.pdf');
  await (await pdfDownload).saveAs(pdf);
  await expect(exporter.status).toContainText('Exported');
  await exporter.dialog.getByRole('button', { name: 'Close' }).click();

  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const flat = pages.join('\n').replace(/\s+/g, ' ');
  expect(flat).toContain('Likelihood: likely (55–80%) · Confidence: moderate · Evidence: 2 independent sources');
  expect(flat).toContain('Source summary statement');
  expect(flat).toContain('This brief rests on 2 sources: 1 news article and 1 official statement');
  expect(flat).toMatch(/Prepared by A\. Analyst, Open Source Desk/);
  expect(flat).toMatch(/Information cut-off 2026-02-12/);
  // Endnotes in ICD 206 order: author, title, outlet, date, type, URL, accessed.
  const endnote = 'Ministry of Transport, “Ministry statement on the port”, Ministry of Transport, 2026-02-11, Official statement, https://example.org/ministry, accessed 2026-02-12.';
  expect(flat).toContain(endnote);
  expect(flat.indexOf('Source reference citations')).toBeGreaterThan(flat.indexOf('Evidence annex'));
  // The marking once at the top and once at the bottom of every page, nowhere else.
  for (const [i, text] of pages.entries()) expect(text.split('OFFICIAL').length - 1, `page ${i + 1}`).toBe(2);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/^Creator:\s+Sourcemark \d+\.\d+\.\d+/m);
  expect(execFileSync('pdfdetach', ['-list', pdf], { encoding: 'utf8' })).toContain('evidence-passages.json');

  // The same brief as a Word document, read back.
  await brief.region.getByRole('button', { name: 'Export', exact: true }).click();
  await exporter.choose('Word');
  const docxDownload = page.waitForEvent('download');
  await exporter.confirm();
  const docx = testInfo.outputPath('brief.docx');
  const download = await docxDownload;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  await download.saveAs(docx);
  const { value: html } = await mammoth.convertToHtml({ buffer: fs.readFileSync(docx) });
  expect(html).toContain('The port will likely reopen in March.');
  expect(html).toContain('Likelihood: likely (55–80%) · Confidence: moderate');
  expect(html).toContain(`“${ARABIC}”`);
  expect(html.match(/id="footnote-ref-\d+"/g)).toHaveLength(2);
});

test('an untitled brief is refused with the reason', async ({ app, page }) => {
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.region.getByRole('button', { name: 'New brief' }).click();
  // The demo brief has a bottom line: an empty one says the new brief is on screen before we type.
  await expect(ws.brief.summary).toHaveValue('');
  await ws.brief.summary.fill('Something to say.');
  await ws.allSaved();
  const exporter = new ExportDialog(page);
  await ws.brief.region.getByRole('button', { name: 'Export', exact: true }).click();
  await exporter.confirm();
  await expect(exporter.dialog.getByRole('alert')).toContainText('has no title of its own (“Untitled brief”)');
  expect(await app.call('exportRecords', {})).toEqual([]);
});
