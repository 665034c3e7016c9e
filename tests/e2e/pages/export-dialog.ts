// The export dialog (Ctrl+E, File → Export…, or the brief pane's Export button).
import { expect, type Page } from '@playwright/test';

export class ExportDialog {
  constructor(private readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: /^Export/ });
  }

  get status() {
    return this.dialog.getByRole('status');
  }

  async choose(format: 'PDF' | 'Markdown' | 'Word' | 'CSV'): Promise<void> {
    await this.dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  }

  /** Clicks Export, and the follow-up button when the dialog asks (e.g. about uncited claims). */
  async confirm(followUp?: string): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('button', { name: 'Export', exact: true }).click();
    if (followUp) await this.dialog.getByRole('button', { name: followUp }).click();
  }
}
