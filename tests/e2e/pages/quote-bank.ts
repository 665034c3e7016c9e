// The library's lists: sources, the quote bank (every passage) and the claims of a tag.
import type { Page } from '@playwright/test';

export class LibraryLists {
  constructor(readonly page: Page) {}

  get library() {
    return this.page.getByRole('region', { name: 'Library' });
  }

  tab(name: 'Sources' | 'Quotes' | 'Claims') {
    return this.library.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  get panel() {
    return this.library.getByRole('tabpanel');
  }

  get bank() {
    return this.library.getByRole('list', { name: 'Quote bank' });
  }

  passage(text: string | RegExp) {
    return this.bank.getByRole('listitem').filter({ hasText: text });
  }

  get taggedClaims() {
    return this.library.getByRole('list', { name: 'Tagged claims' });
  }

  async narrow(label: 'Quotes from source' | 'Credibility' | 'Cited or not', option: string): Promise<void> {
    await this.library.getByRole('group', { name: 'Narrow the quote bank' }).getByLabel(label).selectOption({ label: option });
  }
}
