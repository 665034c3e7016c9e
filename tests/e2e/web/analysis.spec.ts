// Analysis of Competing Hypotheses on the demo brief about the Veldhaven ferry outage: hypotheses and
// ratings entered from the keyboard, scores and sensitivity on screen, a row followed to its passage,
// undo of a rating, and a Key Assumptions Check. Screenshots go to tests/e2e/.screens/.
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { AnalysisScreen } from '../pages/analysis';
import { Workspace } from '../pages/workspace';

const SCREENS = path.join(import.meta.dirname, '..', '.screens');

test.use({ demo: true, viewport: { width: 1440, height: 900 } });

test('an analyst builds a matrix from the news reports by keyboard and follows a row to its passage', async ({ app, page }) => {
  const ws = new Workspace(page);
  const an = new AnalysisScreen(page);
  await ws.open(app.url);
  await expect(ws.brief.claims.first()).toBeVisible();
  await an.open();
  await an.start();

  await an.addHypothesis('Ransomware attack on the booking servers');
  await an.addHypothesis('Storage hardware failure');
  await expect(an.panel.getByRole('note')).toContainText('No hypothesis considers deception or denial');
  await an.addHypothesis('Deception: the contractor tells a hardware story to hide an attack');
  await expect(an.panel.getByRole('note')).toHaveCount(0);

  // Claim 2 cites three passages (the ransom message, the denial, the expert's caution); claim 1 one.
  await an.addClaimCitations(/^Claim 2:/);
  await an.addClaimCitations(/^Claim 1:/);
  await expect(an.rows).toHaveCount(4);
  await expect(an.evidence(1)).toContainText('demanding payment in exchange for restoring encrypted files');
  await expect(an.evidence(1)).toContainText('B3');
  await expect(an.evidence(2)).toContainText('Weak source'); // the company's denial, credibility 4

  // Into the grid with Tab: focus lands on E1 × H1.
  await an.panel.getByLabel('Assumption as evidence').focus();
  await page.keyboard.press('Tab');
  await expect(an.cell(1, 1)).toBeFocused();
  const keys = [
    ['c', 'c', 'ArrowRight', 'Shift+I', 'ArrowRight', 'c'], // E1: CC, II, C
    ['ArrowDown', 'Home', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'i', 'ArrowRight', 'c', 'ArrowRight', 'c'], // E2: I, C, C
    ['ArrowDown', 'ArrowLeft', 'ArrowLeft', 'c', 'ArrowRight', 'c', 'ArrowRight', 'c'], // E3: C, C, C
    ['ArrowDown', 'n', 'ArrowLeft', 'n', 'ArrowLeft', 'n'], // E4: N, N, N
  ];
  for (const k of keys.flat()) await page.keyboard.press(k);
  await expect(an.cell(4, 1)).toHaveText('N');
  await expect(an.cell(1, 1)).toHaveText('CC');
  await expect(an.cell(1, 2)).toHaveText('II');
  await expect(an.cell(2, 1)).toHaveAccessibleName('E2 against H1: I, inconsistent');

  // By hand: H1 = 1 (E2), H2 = 2 (E1), H3 = 0, so the deception hypothesis leads, then the attack.
  await expect(an.ranking).toContainText('1. H3');
  await expect(an.ranking).toContainText('2. H1');
  await expect(an.ranking).toContainText('3. H2');
  // Removing E1 ties H2 with H3, removing E2 ties H1 with H3; so does reading E2 as N for H1, or
  // E4 as I for H3 (H3 then 1, level with H1).
  await expect(an.sensitivity).toHaveText(
    'Sensitivity: the lead changes on removing E1; removing E2; reading E2 as N instead of I for H1; reading E4 as I instead of N for H3.',
  );
  await expect(an.evidence(3)).toContainText('Not diagnostic');
  await expect(an.evidence(4)).toContainText('Not diagnostic');

  // Sorted by diagnosticity, the flat rows sink below the telling ones.
  await an.panel.getByLabel('Sort evidence rows').selectOption('diagnosticity');
  await expect(an.rows.first()).toContainText('E1');
  await expect(an.rows.last()).toContainText('E4');
  await an.panel.getByLabel('Sort evidence rows').selectOption('analyst');

  await page.screenshot({ path: path.join(SCREENS, 'analysis-1440.png') });

  // Enter on an evidence cell opens its passage in the reader, highlighted, as a citation tag does.
  await an.cell(1, 1).focus();
  await page.keyboard.press('Home');
  await expect(an.evidence(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ws.reader.activePassage).toBeFocused();
  await expect(ws.reader.activePassage).toContainText('demanding payment in exchange for restoring encrypted files');
  // A click does the same for another row.
  await an.evidence(2).click();
  await expect(ws.reader.activePassage).toContainText('There was no intrusion into our systems and no ransom demand.');

  // Undo takes back the last rating (E4 × H1), scores and all.
  await an.cell(4, 1).focus();
  await page.keyboard.press('Control+z');
  await expect(an.cell(4, 1)).toHaveText('·');
  await expect(an.scores).toContainText('1 cell is not rated yet.');
  await page.keyboard.press('Control+Shift+z');
  await expect(an.cell(4, 1)).toHaveText('N');
});

test('a Key Assumptions Check names the claims resting on each assumption, and the screen fits 1920x1080', async ({ app, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const ws = new Workspace(page);
  const an = new AnalysisScreen(page);
  await ws.open(app.url);
  await an.open();
  await an.start();
  await an.addHypothesis('Ransomware attack on the booking servers');
  await an.addHypothesis('Storage hardware failure');
  await an.addClaimCitations(/^Claim 2:/);

  await an.addKeyAssumption('The two Brightmoor employees saw the servers themselves.');
  const kac = an.keyAssumptions;
  await kac.getByLabel('Status of key assumption 1').selectOption('unsupported');
  const pick = kac.getByLabel('Add a claim resting on key assumption 1');
  await pick.selectOption((await pick.getByRole('option', { name: /^Claim 2:/ }).getAttribute('value'))!);
  await expect(kac.getByRole('group', { name: 'Claims resting on key assumption 1' })).toContainText('Claim 2');
  await kac.getByLabel('What would make key assumption 1 wrong').fill('The employees repeated what a colleague told them.');
  await kac.getByLabel('What would make key assumption 1 wrong').blur();
  await expect.poll(async () => (await app.call('listKeyAssumptions', { briefId: 1 }))[0]).toMatchObject({
    status: 'unsupported',
    note: 'The employees repeated what a colleague told them.',
    claimIds: [expect.any(Number)],
  });
  await page.screenshot({ path: path.join(SCREENS, 'analysis-1920.png') });
  const box = await an.region.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(1920);
});
