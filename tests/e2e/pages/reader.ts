// The reader pane: the source text with highlights, "Quote", the passage panel and the quote list.
import { expect, type Page } from '@playwright/test';

export class ReaderPane {
  constructor(readonly page: Page) {}

  get region() {
    return this.page.getByRole('region', { name: 'Reader' });
  }

  get text() {
    return this.region.getByRole('region', { name: 'Source text' });
  }

  get heading() {
    return this.region.getByRole('heading', { level: 3 });
  }

  /** The highlighted passage that a citation tag or search hit led to. */
  get activePassage() {
    return this.text.getByLabel(/^Active passage: /);
  }

  /**
   * Selects a phrase in the source text the way a mouse drag would leave it: a DOM range over the
   * text node that holds it. The text is virtualised, so it scrolls down until the phrase is drawn.
   */
  async select(phrase: string): Promise<void> {
    await this.text.evaluate(async (root, wanted) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const find = () => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(wanted) ?? -1;
          if (at >= 0) return { node, at };
        }
        return null;
      };
      root.scrollTo(0, 0);
      await frame();
      let hit = find();
      while (!hit && root.scrollTop + root.clientHeight < root.scrollHeight - 1) {
        root.scrollBy(0, root.clientHeight * 0.8);
        await frame();
        hit = find();
      }
      if (!hit) throw new Error(`"${wanted}" is not in one text run of the reader`);
      (hit.node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(hit.node, hit.at);
      range.setEnd(hit.node, hit.at + wanted.length);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    }, phrase);
    await expect(this.region.getByText(/^Selected: /)).toBeVisible();
  }

  async quote(phrase: string): Promise<void> {
    await this.select(phrase);
    await this.region.getByRole('button', { name: 'Quote', exact: true }).click();
    await expect(this.passagePanel.getByRole('blockquote')).toContainText(phrase.slice(0, 40));
  }

  /** Quote / Quote and cite beside the selection (drawn over the page, outside the reader pane). */
  get adder() {
    return this.page.getByRole('toolbar', { name: 'Selected text' });
  }

  get splitter() {
    return this.region.getByRole('separator', { name: 'Resize passage panel' });
  }

  get passagePanel() {
    return this.region.getByRole('tabpanel');
  }

  async showPassage(): Promise<void> {
    await this.region.getByRole('tab', { name: 'Selected passage' }).click();
  }

  async showQuotes(): Promise<void> {
    await this.region.getByRole('tab', { name: /^All quotes/ }).click();
  }

  get quoteList() {
    return this.region.getByRole('list', { name: 'Quotes in this source' });
  }

  quoteInList(text: string | RegExp) {
    return this.quoteList.getByRole('listitem').filter({ hasText: text });
  }

  /**
   * A highlight in the text, found by the words it starts with: each passage's first run is a button
   * named by the passage ("Passage: …"), so plain text that happens to hold the words (before the
   * quotes have loaded) is never mistaken for it.
   */
  highlight(text: string) {
    return this.text.getByRole('button', { name: new RegExp(`^(Active passage|Passage): ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
  }

  get citedBy() {
    return this.passagePanel.getByRole('list', { name: 'Claims citing this passage' });
  }
}
