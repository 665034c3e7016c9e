// The Ctrl+K search dialog.
import { expect, type Page } from '@playwright/test';

export class SearchDialog {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Search' });
  }

  get box() {
    return this.dialog.getByRole('combobox', { name: 'Search sources, quotes and claims' });
  }

  get results() {
    return this.dialog.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  }

  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
  }

  async find(text: string): Promise<void> {
    await this.openWithKeyboard();
    await this.box.fill(text);
    await expect(this.results.first()).toBeVisible();
  }
}
