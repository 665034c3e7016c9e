// The whole window: app bar (search, undo, redo, save state, errors) and the three panes.
import { expect, type Page } from '@playwright/test';
import { BriefPane } from './brief';
import { LibraryPane } from './library';
import { ReaderPane } from './reader';
import { SearchDialog } from './search';

export class Workspace {
  readonly library: LibraryPane;
  readonly reader: ReaderPane;
  readonly brief: BriefPane;
  readonly search: SearchDialog;

  constructor(readonly page: Page) {
    this.library = new LibraryPane(page);
    this.reader = new ReaderPane(page);
    this.brief = new BriefPane(page);
    this.search = new SearchDialog(page);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { name: 'Sourcemark', level: 1 })).toBeVisible();
  }

  get saveStatus() {
    return this.page.getByRole('status').filter({ hasText: /saved|Saving/ });
  }

  get error() {
    return this.page.getByRole('alert');
  }

  async allSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('All changes saved');
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo', exact: true }).click();
  }

  async redo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Redo', exact: true }).click();
  }

  async reload(): Promise<void> {
    await this.allSaved();
    await this.page.reload();
    await expect(this.page.getByRole('heading', { name: 'Sourcemark', level: 1 })).toBeVisible();
  }
}
