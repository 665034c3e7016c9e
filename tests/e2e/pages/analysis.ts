// The brief's Analysis tab: hypotheses, the ACH matrix (an ARIA grid), its scores and the Key
// Assumptions Check.
import { expect, type Page } from '@playwright/test';

export class AnalysisScreen {
  constructor(readonly page: Page) {}

  get region() {
    return this.page.getByRole('region', { name: 'Brief' });
  }

  get tab() {
    return this.region.getByRole('tab', { name: /^Analysis/ });
  }

  get panel() {
    return this.region.getByRole('tabpanel');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
  }

  async start(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Start an analysis of competing hypotheses' }).click();
    await expect(this.newHypothesis).toBeVisible();
  }

  get newHypothesis() {
    return this.panel.getByLabel('New hypothesis');
  }

  hypothesis(n: number) {
    return this.panel.getByLabel(`Hypothesis H${n}`, { exact: true });
  }

  /** Types a hypothesis and presses Enter, as a keyboard user does. */
  async addHypothesis(text: string): Promise<void> {
    const count = await this.panel.getByLabel(/^Hypothesis H\d$/).count();
    await this.newHypothesis.focus();
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press('Enter');
    await expect(this.hypothesis(count + 1)).toHaveValue(text);
  }

  get grid() {
    return this.panel.getByRole('grid', { name: 'Evidence against hypotheses' });
  }

  /** The rows of the matrix, header excluded. */
  get rows() {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  /** The column header of hypothesis Hn (its label, text and score). */
  hypothesisHeader(n: number) {
    return this.grid.getByRole('columnheader', { name: new RegExp(`^H${n}\\b`) });
  }

  /** The evidence cell of row En, named by its content: "E1 : “the passage…” source, grade, flags". */
  evidence(n: number) {
    return this.grid.getByRole('gridcell', { name: new RegExp(`^E${n} ?: `) });
  }

  cell(row: number, hypothesis: number) {
    return this.grid.getByRole('gridcell', { name: new RegExp(`^E${row} against H${hypothesis}: `) });
  }

  get scores() {
    return this.panel.getByRole('region', { name: 'Scores' });
  }

  get sensitivity() {
    return this.scores.getByRole('paragraph').filter({ hasText: /^Sensitivity:/ });
  }

  get ranking() {
    return this.scores.getByRole('paragraph').filter({ hasText: /^Ranking/ });
  }

  /** Adds the passages a claim cites as evidence rows. */
  async addClaimCitations(claimLabel: RegExp): Promise<void> {
    const select = this.panel.getByLabel('Claim whose citations to add');
    const value = await select.getByRole('option', { name: claimLabel }).getAttribute('value');
    await select.selectOption(value!);
    const before = await this.rows.count().catch(() => 0);
    await this.panel.getByRole('button', { name: 'Add its passages' }).click();
    await expect.poll(() => this.rows.count()).toBeGreaterThan(before);
  }

  get keyAssumptions() {
    return this.panel.getByRole('region', { name: 'Key Assumptions Check' });
  }

  async addKeyAssumption(text: string): Promise<void> {
    await this.keyAssumptions.getByLabel('New key assumption').fill(text);
    await this.keyAssumptions.getByRole('button', { name: 'Add assumption' }).click();
    await expect(this.keyAssumptions.getByRole('listitem').last().getByRole('textbox').first()).toHaveValue(text);
  }
}
