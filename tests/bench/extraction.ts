// Extracted text against the expected article text: bag-of-words F1 (words, or single characters for
// CJK scripts, which write no spaces), for Sourcemark's import and for plain Readability on the same
// page, so the two are compared in one run.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) {
    if (CJK_CHAR.test(word)) out.push(...[...word]);
    else out.push(word);
  }
  return out;
}

export function bagF1(actual: string, expected: string): number {
  const want = new Map<string, number>();
  const exp = tokens(expected);
  for (const t of exp) want.set(t, (want.get(t) ?? 0) + 1);
  const got = tokens(actual);
  let hit = 0;
  for (const t of got) {
    const n = want.get(t) ?? 0;
    if (n > 0) {
      hit += 1;
      want.set(t, n - 1);
    }
  }
  if (!got.length || !exp.length) return got.length === exp.length ? 1 : 0;
  const precision = hit / got.length;
  const recall = hit / exp.length;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

const BLOCK = /<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dd|dt|pre|br|tr|td|th|table|section|article|blockquote|figure|figcaption|header|footer|main|aside)\b[^>]*>/gi;

/**
 * Plain Readability as it is usually run: jsdom reads the saved bytes (honouring the page's declared
 * charset, as a browser does) and the article's text is its content with blocks kept apart.
 */
export function plainReadabilityText(bytes: Uint8Array): string {
  const dom = new JSDOM(Buffer.from(bytes), { virtualConsole: new VirtualConsole() });
  const article = new Readability(dom.window.document).parse();
  if (!article?.content) return '';
  const holder = dom.window.document.createElement('div');
  holder.innerHTML = article.content.replace(BLOCK, ' ');
  return holder.textContent ?? '';
}

let jsdomHost: JSDOM | null = null;

/**
 * The DOM that read saved pages before main/import/dom.ts: jsdom's DOMParser in one inert window.
 * Kept for the test and the benchmark that show the two read the corpus alike.
 */
export function jsdomDocument(html: string): Document {
  jsdomHost ??= new JSDOM('', { virtualConsole: new VirtualConsole() });
  return new jsdomHost.window.DOMParser().parseFromString(html, 'text/html');
}
