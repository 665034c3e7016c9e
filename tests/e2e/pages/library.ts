// The library pane: sources, filter, tag filter, Add source, delete.
import { expect, type Page } from '@playwright/test';

export interface NewSource {
  title: string;
  body: string;
  outlet?: string;
  author?: string;
  url?: string;
  publishedAt?: string;
  reliability?: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
}

export class LibraryPane {
  constructor(readonly page: Page) {}

  get region() {
    return this.page.getByRole('region', { name: 'Library' });
  }

  get sources() {
    return this.region.getByRole('list', { name: 'Sources' }).getByRole('listitem');
  }

  source(title: string | RegExp) {
    return this.region.getByRole('button', { name: title }).first();
  }

  get addDialog() {
    return this.page.getByRole('dialog', { name: 'Add source' });
  }

  async fillAddSource(s: NewSource): Promise<void> {
    await this.region.getByRole('button', { name: 'Add source' }).click();
    const d = this.addDialog;
    await d.getByLabel('Title').fill(s.title);
    if (s.outlet) await d.getByLabel('Outlet').fill(s.outlet);
    if (s.author) await d.getByLabel('Author').fill(s.author);
    if (s.url) await d.getByLabel('URL').fill(s.url);
    if (s.publishedAt) await d.getByLabel('Published date').fill(s.publishedAt);
    if (s.reliability) await d.getByLabel('Reliability').selectOption(s.reliability);
    await d.getByLabel('Text').fill(s.body);
  }

  async addSource(s: NewSource): Promise<void> {
    await this.fillAddSource(s);
    await this.addDialog.getByRole('button', { name: 'Add source' }).click();
    await expect(this.addDialog).toBeHidden();
  }

  async filter(text: string): Promise<void> {
    await this.region.getByLabel('Filter sources').fill(text);
  }

  async filterByTag(name: string | null): Promise<void> {
    await this.region.getByLabel('Filter by tag').selectOption(name === null ? { label: 'All tags' } : { label: name });
  }

  async open(title: string | RegExp): Promise<void> {
    await this.source(title).click();
  }

  async delete(title: string): Promise<void> {
    await this.region.getByRole('button', { name: `Delete source ${title}` }).click();
  }
}
