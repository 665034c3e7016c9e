// Find in source: the bar the reader opens on Ctrl+F, and the match it has landed on.
import type { Page } from '@playwright/test';

export class FindBar {
  constructor(readonly page: Page) {}

  get reader() {
    return this.page.getByRole('region', { name: 'Reader' });
  }

  get bar() {
    return this.reader.getByRole('search', { name: 'Find in source' });
  }

  get input() {
    return this.bar.getByRole('searchbox', { name: 'Find in source' });
  }

  /** "3 of 7", "No matches", … */
  get count() {
    return this.bar.getByRole('status');
  }

  /** The match find has landed on, named by its text. */
  get current() {
    return this.reader.getByRole('region', { name: 'Source text' }).getByLabel(/^Current match: /);
  }

  button(name: 'Previous match' | 'Next match' | 'Close find') {
    return this.bar.getByRole('button', { name });
  }
}
