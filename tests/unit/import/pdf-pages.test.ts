// PDF page boundaries: kept from import, so a passage knows its page(s) and exports cite "p. 2".
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { pagesOf } from '../../../db/pages';
import { pageLabel } from '../../../main/vocabulary';
import { briefToMarkdown } from '../../../main/export/markdown';
import { joinPages } from '../../../main/import/pdf';
import { openLibrary, type TestLibrary } from '../service/helpers';
import { PdfMaker } from './pdf-fixtures';

describe('pagesOf', () => {
  const starts = [0, 100, 250];
  test('a passage on one page', () => {
    expect(pagesOf(10, 50, starts)).toEqual({ first: 1, last: 1 });
    expect(pagesOf(120, 200, starts)).toEqual({ first: 2, last: 2 });
  });
  test('a passage spanning two pages', () => {
    expect(pagesOf(90, 110, starts)).toEqual({ first: 1, last: 2 });
    expect(pageLabel(pagesOf(90, 260, starts))).toBe('pp. 1–3');
  });
  test('at the boundaries: ending right before a page start stays on the page, starting at it is the next page', () => {
    expect(pagesOf(50, 100, starts)).toEqual({ first: 1, last: 1 });
    expect(pagesOf(100, 101, starts)).toEqual({ first: 2, last: 2 });
    expect(pagesOf(250, 260, starts)).toEqual({ first: 3, last: 3 });
  });
  test('no pages known (not a PDF, or imported before pages were kept)', () => {
    expect(pagesOf(0, 10, [])).toBeNull();
    expect(pageLabel(null)).toBe('');
  });
  test('an empty page shares its start with the next page, which holds the text', () => {
    const { body, pageStarts } = joinPages([['One.'], [], ['Three.'], []]);
    expect(body).toBe('One.\n\nThree.');
    expect(pageStarts).toEqual([0, 6, 6, 12]);
    expect(pagesOf(6, 12, pageStarts)).toEqual({ first: 3, last: 3 });
  });
});

describe('importing a multi-page PDF', () => {
  let maker: PdfMaker;
  let lib: TestLibrary;
  beforeAll(() => {
    maker = new PdfMaker();
  });
  afterAll(async () => {
    await maker.close();
  });
  beforeEach(async () => {
    lib = await openLibrary();
  });
  afterEach(async () => {
    await lib.close();
  });

  test('stores where each page starts; a quote from page 2 is on p. 2 and the export says so', async () => {
    const pageHtml = (n: number, text: string) => `<section style="break-after:page"><p>${text}</p><p>Page ${n} closes here.</p></section>`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Exercise report</title></head><body>
${pageHtml(1, 'The exercise began on Monday with naval drills.')}${pageHtml(2, 'Aircraft from three bases joined on the second day.')}${pageHtml(3, 'The ministry declared the exercise finished.')}</body></html>`;
    const pdf = await maker.fromHtml(html);
    const outcome = await lib.call('importFile', { name: 'report.pdf', base64: pdf.toString('base64') });
    const source = await lib.call('getSource', { id: outcome.source.id });
    const body = source.body;
    const p2 = body.indexOf('Aircraft from three bases');
    const p3 = body.indexOf('The ministry declared');
    expect(p2).toBeGreaterThan(0);
    const starts = lib.running.ctx.store.db.prepare('SELECT page, start FROM source_page WHERE source_id = ? ORDER BY page').all(source.id);
    expect(starts).toEqual([
      { page: 1, start: 0 },
      { page: 2, start: p2 },
      { page: 3, start: p3 },
    ]);
    const quote = await lib.call('createQuote', { sourceId: source.id, start: p2, end: p2 + 'Aircraft from three bases'.length });
    expect(quote.pages).toEqual({ first: 2, last: 2 });
    const spanning = await lib.call('createQuote', { sourceId: source.id, start: p2 - 20, end: p3 + 5 });
    expect(spanning.pages).toEqual({ first: 1, last: 3 });

    const brief = await lib.call('createBrief', { title: 'Exercise' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: 'Aircraft joined on day two.' });
    await lib.call('addCitation', { claimId: claim.id, quoteId: quote.id });
    const full = await lib.call('getBrief', { id: brief.id });
    expect(full.quotes[0]!.pages).toEqual({ first: 2, last: 2 });
    expect(briefToMarkdown(full, '2026-03-02T08:15:00Z')).toMatch(/ · p\. 2 {2}\n/);
  }, 60_000);

  test('a text source has no pages', async () => {
    const { source } = await lib.call('addSource', { title: 'Plain', body: 'Nothing paged here.' });
    const quote = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 7 });
    expect(quote.pages).toBeNull();
  });
});
