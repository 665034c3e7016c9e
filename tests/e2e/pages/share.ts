// The Share menu of the app bar and its dialogs: export and import of bundles (with the review before
// import), the side-by-side comparison of brief versions, and the sharing identity.
import { expect, type Download, type Page } from '@playwright/test';

export class Share {
  constructor(readonly page: Page) {}

  async open(item: RegExp | string): Promise<void> {
    await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    await this.page.getByRole('menu', { name: 'Share' }).getByRole('menuitem', { name: item }).click();
  }

  get exportDialog() {
    return this.page.getByRole('dialog', { name: 'Export bundle' });
  }

  /** Exports through the dialog and saves the download to `file`; returns the download. */
  async exportBundle(scope: 'This brief' | 'The whole library', file: string): Promise<Download> {
    await this.open('Export bundle…');
    await this.exportDialog.getByRole('radio', { name: new RegExp(`^${scope}`) }).check();
    const downloading = this.page.waitForEvent('download');
    await this.exportDialog.getByRole('button', { name: 'Export bundle' }).click();
    const download = await downloading;
    await download.saveAs(file);
    await expect(this.exportDialog.getByRole('status')).toContainText('Downloaded');
    return download;
  }

  get importDialog() {
    return this.page.getByRole('dialog', { name: /^(Import bundle|Review bundle)/ });
  }

  async pickBundle(file: string): Promise<void> {
    await this.open('Import bundle…');
    await this.importDialog.getByLabel('Bundle file').setInputFiles(file);
  }

  get signer() {
    return this.importDialog.getByRole('region', { name: /^(Warning|Signed by)/ });
  }

  get refusal() {
    return this.importDialog.getByRole('alert');
  }

  get compareDialog() {
    return this.page.getByRole('dialog', { name: 'Compare versions' });
  }

  compareRow(name: string | RegExp) {
    return this.compareDialog.getByRole('table', { name: 'Claims side by side' }).getByRole('row', { name });
  }

  async close(dialog: ReturnType<Page['getByRole']>): Promise<void> {
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }
}
