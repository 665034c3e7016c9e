// The import controls: the hidden file input behind "Import files…", the progress list and the review dialog.
import type { Page } from '@playwright/test';

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class ImportControls {
  constructor(readonly page: Page) {}
  get progress() {
    return this.page.getByRole('region', { name: 'Import progress' });
  }
  get review() {
    return this.page.getByRole('dialog', { name: 'Review imported source' });
  }
  get fileInput() {
    return this.page.getByLabel('Choose files to import');
  }
  async choose(files: FileSpec[]): Promise<void> {
    await this.fileInput.setInputFiles(files);
  }
}
