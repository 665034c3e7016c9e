// The brief pane: picker, title, marking, bottom line, claims and their citation tags.
import { expect, type Page } from '@playwright/test';

export class BriefPane {
  constructor(readonly page: Page) {}

  get region() {
    return this.page.getByRole('region', { name: 'Brief' });
  }

  get title() {
    return this.region.getByLabel('Brief title');
  }

  get marking() {
    return this.region.getByLabel('Marking');
  }

  get summary() {
    return this.region.getByRole('textbox', { name: 'Bottom line', exact: true });
  }

  get picker() {
    return this.region.getByLabel('Open brief');
  }

  get claims() {
    return this.region.getByRole('list', { name: 'Claims' }).getByRole('article');
  }

  claim(n: number) {
    return this.region.getByRole('article', { name: `Claim ${n}`, exact: true });
  }

  /**
   * Scrolls the claims list down with the mouse wheel, as an analyst would, until claim n is drawn,
   * then brings it fully into view. The list draws only the claims near the window (it is virtual).
   */
  async scrollDownToClaim(n: number): Promise<void> {
    const box = await this.region.boundingBox();
    if (!box) throw new Error('The brief pane is not on screen.');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height - 40);
    await expect(async () => {
      if ((await this.claim(n).count()) === 0) await this.page.mouse.wheel(0, 300);
      await expect(this.claim(n)).toBeAttached({ timeout: 250 });
    }).toPass();
    await this.claim(n).scrollIntoViewIfNeeded();
  }

  claimText(n: number) {
    return this.claim(n).getByLabel(`Text of claim ${n}`);
  }

  async newBrief(title: string): Promise<void> {
    await this.region.getByRole('button', { name: 'New brief' }).click();
    await expect(this.title).toBeFocused();
    await this.title.fill(title);
  }

  /** Adds a claim after the selected one (or at the end) and types its text into the new, focused field. */
  async addClaim(text: string): Promise<void> {
    const before = await this.claims.count();
    await this.region.getByRole('button', { name: 'Add claim' }).click();
    await expect(this.claims).toHaveCount(before + 1);
    await this.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Text of claim'));
    await this.page.keyboard.insertText(text);
  }

  citations(n: number) {
    return this.claim(n).getByRole('group', { name: `Citations of claim ${n}` });
  }

  /** A citation tag, e.g. "[1] Reuters". */
  tag(n: number, label: string | RegExp) {
    return this.citations(n).getByRole('button', { name: label });
  }

  async citeSelected(n: number): Promise<void> {
    await this.claim(n).getByRole('button', { name: `Cite selected passage in claim ${n}` }).click();
  }

  async citeFromPicker(n: number, search: string, pick: string | RegExp): Promise<void> {
    await this.claim(n).getByRole('button', { name: `Cite a quote in claim ${n}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Cite a quote in claim ${n}` });
    await dialog.getByLabel('Search quotes').fill(search);
    await dialog.getByRole('option', { name: pick }).first().click();
    await expect(dialog).toBeHidden();
  }

  citationMenuButton(n: number, citationNumber: number) {
    return this.claim(n).getByRole('button', { name: `Options for citation ${citationNumber}` });
  }

  /** Opens a citation's menu (drawn over the page, outside the claim) and returns it. */
  async citationOptions(n: number, citationNumber: number) {
    await this.citationMenuButton(n, citationNumber).click();
    const menu = this.page.getByRole('menu', { name: `Citation ${citationNumber} options` });
    await expect(menu).toBeVisible();
    return menu;
  }

  async setConfidence(n: number, label: 'Low confidence' | 'Moderate confidence' | 'High confidence'): Promise<void> {
    await this.claim(n).getByLabel(`Confidence of claim ${n}`).selectOption({ label });
  }

  /** Likelihood by its term in the brief's row, e.g. "likely (55–80%)". */
  async setLikelihood(n: number, label: string): Promise<void> {
    await this.claim(n).getByLabel(`Likelihood of claim ${n}`).selectOption({ label });
  }

  tradecraftNotes(n: number) {
    return this.claim(n).getByRole('list', { name: `Tradecraft notes for claim ${n}` });
  }

  evidence(n: number) {
    return this.claim(n).getByLabel(`Evidence for claim ${n}`);
  }

  /** Opens the source summary and product template (author, organisation, dissemination, cut-off, portion mark, likelihood row). */
  async productTemplate(): Promise<void> {
    await this.region.getByRole('button', { name: 'Source summary and template' }).click();
    await expect(this.region.getByLabel('Organisation')).toBeVisible();
  }

  get sourceSummary() {
    return this.region.getByRole('textbox', { name: 'Source summary statement', exact: true });
  }

  async deleteClaim(n: number): Promise<void> {
    await this.claim(n).getByRole('button', { name: `Delete claim ${n}` }).click();
  }
}
