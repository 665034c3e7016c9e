// The recovery screen (a damaged library) and the Backups dialog.
import type { Page } from '@playwright/test';

export class RecoveryScreen {
  constructor(readonly page: Page) {}

  get main() {
    return this.page.getByRole('main');
  }

  get problem() {
    return this.page.getByRole('region', { name: 'What is wrong' });
  }

  get restoreNewest() {
    return this.page.getByRole('button', { name: 'Restore the newest good backup' });
  }

  get salvage() {
    return this.page.getByRole('button', { name: 'Salvage what can still be read into a new library' });
  }

  get outcome() {
    return this.page.getByRole('region', { name: 'Outcome' });
  }

  get openLibrary() {
    return this.page.getByRole('button', { name: 'Open the library' });
  }
}

export class BackupsDialog {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Backups' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('region', { name: 'Library' }).getByRole('button', { name: 'Backups…' }).click();
  }

  get rows() {
    return this.dialog.getByRole('table', { name: 'Backups' }).getByRole('row');
  }

  row(text: string | RegExp) {
    return this.rows.filter({ hasText: text });
  }
}
