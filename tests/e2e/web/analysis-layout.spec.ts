// The ACH matrix fits the brief pane at the common screen sizes: with three hypotheses every column is
// in view; with nine the grid scrolls sideways and the evidence column stays put. Screenshots of each
// size go to tests/e2e/.screens/ (analysis-layout-<width>-<hypotheses>.png).
import path from 'node:path';
import { expect, test, type App } from '../support/fixtures';
import { AnalysisScreen } from '../pages/analysis';
import { Workspace } from '../pages/workspace';

const SCREENS = path.join(import.meta.dirname, '..', '.screens');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const HYPOTHESES = [
  'Ransomware attack on the booking servers',
  'Storage hardware failure',
  'Deception: the contractor tells a hardware story to hide an attack',
  'A botched software update by the contractor',
  'Sabotage by an insider',
  'Power failure in the data centre',
  'A test of the backup site that went wrong',
  'Overload from a fare promotion',
  'A dispute with the contractor over payment',
];

test.use({ demo: true });

/** The demo brief's analysis, built through the contract: the layout is under test here, not the entry. */
async function buildMatrix(app: App, hypotheses: number): Promise<void> {
  let a = await app.call('createAnalysis', { briefId: 1, question: 'Why did the booking system stop?' });
  for (const text of HYPOTHESES.slice(0, hypotheses)) a = await app.call('addHypothesis', { analysisId: a.id, text });
  const brief = await app.call('getBrief', { id: 1 });
  for (const claim of brief.claims) a = await app.call('addEvidenceFromClaim', { analysisId: a.id, claimId: claim.id });
  const ratings = ['C', 'I', 'N', 'CC', 'II'] as const;
  for (const [r, row] of a.rows.entries()) {
    for (const [k, h] of a.hypotheses.entries()) await app.call('rateCell', { hypothesisId: h.id, rowId: row.id, rating: ratings[(r + k) % ratings.length]! });
  }
}

for (const hypotheses of [3, 9]) {
  test(`the matrix with ${hypotheses} hypotheses at 1280×720, 1440×900 and 1920×1080`, async ({ app, page }) => {
    await buildMatrix(app, hypotheses);
    const ws = new Workspace(page);
    const an = new AnalysisScreen(page);
    await page.setViewportSize(SIZES[0]!);
    await ws.open(app.url);
    await an.open();
    await expect(an.rows.first()).toBeVisible();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const last = an.hypothesisHeader(hypotheses);
      await last.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENS, `analysis-layout-${size.width}-${hypotheses}.png`) });
      const grid = (await an.grid.boundingBox())!;
      const scroller = await an.grid.evaluate((g) => g.parentElement!.getBoundingClientRect().toJSON() as DOMRect);
      if (hypotheses === 3 && size.width >= 1440) {
        // Every hypothesis is in view without scrolling: the grid is no wider than its pane.
        const head = (await last.boundingBox())!;
        expect(head.x + head.width).toBeLessThanOrEqual(Math.min(size.width, scroller.x + scroller.width) + 0.5);
        expect(grid.width).toBeLessThanOrEqual(scroller.width + 0.5);
      }
      // The evidence keeps a readable width and stays in view when the grid scrolls sideways.
      const evidence = an.evidence(1);
      const before = (await evidence.boundingBox())!;
      expect(before.width).toBeGreaterThanOrEqual(200);
      await an.grid.evaluate((g) => g.parentElement!.scrollTo({ left: g.parentElement!.scrollWidth }));
      const after = (await evidence.boundingBox())!;
      expect(after.x).toBeGreaterThanOrEqual(scroller.x - 0.5);
      await expect(last).toBeInViewport();
      await an.grid.evaluate((g) => g.parentElement!.scrollTo({ left: 0 }));
    }
  });
}

test('the third hypothesis header is fully inside the viewport at 1440×900', async ({ app, page }) => {
  await buildMatrix(app, 3);
  await page.setViewportSize({ width: 1440, height: 900 });
  const ws = new Workspace(page);
  const an = new AnalysisScreen(page);
  await ws.open(app.url);
  await an.open();
  await expect(an.hypothesisHeader(3)).toBeInViewport({ ratio: 1 });
  // The long passages wrap in their column; the whole text is the cell's description (its tooltip).
  await expect(an.evidence(1)).toHaveAttribute('title', /stopped answering requests\n— Ferry bookings frozen for two days/);
});

test('the keyboard reaches rows of a long matrix that are not drawn yet', async ({ app, page }) => {
  // Sixty passages of one report as sixty evidence rows: more than the matrix draws at once.
  const sentences = Array.from({ length: 60 }, (_, i) => `Observation ${i + 1} of the harbour log records a ferry movement.`);
  const body = sentences.join(' ');
  const { source } = await app.call('addSource', { title: 'Harbour log', outlet: 'Port authority', body });
  let a = await app.call('createAnalysis', { briefId: 1 });
  a = await app.call('addHypothesis', { analysisId: a.id, text: 'Ransomware attack on the booking servers' });
  a = await app.call('addHypothesis', { analysisId: a.id, text: 'Storage hardware failure' });
  for (const s of sentences) {
    const start = body.indexOf(s);
    const quote = await app.call('createQuote', { sourceId: source.id, start, end: start + s.length });
    a = await app.call('addEvidenceRow', { analysisId: a.id, quoteId: quote.id });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  const ws = new Workspace(page);
  const an = new AnalysisScreen(page);
  await ws.open(app.url);
  await an.open();
  await expect(an.grid).toHaveAttribute('aria-rowcount', '61');
  expect(await an.rows.count()).toBeLessThan(60);

  await an.cell(1, 1).focus();
  await page.keyboard.press('Control+End');
  await expect(an.cell(60, 2)).toBeFocused();
  await page.keyboard.press('PageUp');
  await expect(an.cell(50, 2)).toBeFocused();
  await page.keyboard.press('i');
  await expect(an.cell(50, 2)).toHaveText('I');
  await page.keyboard.press('Control+Home');
  await expect(an.evidence(1)).toBeFocused();
});
