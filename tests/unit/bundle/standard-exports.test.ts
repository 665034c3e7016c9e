import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type TestLibrary } from '../service/helpers';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openLibrary();
});
afterEach(async () => {
  await lib.close();
});

// An emoji before the passage: UTF-16 offsets differ from code point offsets, which the export must state.
const BODY = '😀 The ministry said talks would resume on Friday in Geneva.';

describe('standard exports', () => {
  it('W3C Web Annotation: quote and position selectors in UTF-16 code units, the source hash and URL as target', async () => {
    const { source } = await lib.call('addSource', { title: 'Wire', body: BODY, url: 'https://example.org/wire' });
    const start = BODY.indexOf('talks');
    await lib.call('createQuote', { sourceId: source.id, start, end: start + 5, note: 'key line' });
    const out = await lib.call('exportStandard', { format: 'web-annotation' });
    const doc = JSON.parse(out.text);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc['sourcemark:positionUnit']).toMatch(/UTF-16 code units/);
    const a = doc.first.items[0];
    expect(a).toMatchObject({ type: 'Annotation', motivation: 'commenting', body: { value: 'key line' } });
    expect(a.target.source).toBe(`urn:sha256:${source.bodySha256}`);
    expect(a.target.sameAs).toBe('https://example.org/wire');
    expect(a.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'talks', prefix: BODY.slice(Math.max(0, start - 32), start), suffix: BODY.slice(start + 5, start + 37) },
      { type: 'TextPositionSelector', start, end: start + 5, 'sourcemark:unit': 'utf-16-code-unit' },
    ]);
    expect(BODY.slice(a.target.selector[1].start, a.target.selector[1].end)).toBe('talks');
  });

  it('CSL-JSON: type, title, container, author, URL, issued and accessed dates', async () => {
    await lib.call('addSource', {
      title: 'Talks to resume',
      body: BODY,
      url: 'https://example.org/wire',
      outlet: 'Example Wire',
      author: 'A. Reporter',
      publishedAt: '2024-05-03',
      sourceType: 'news-article',
    });
    const out = await lib.call('exportStandard', { format: 'csl-json' });
    expect(out.fileName).toMatch(/\.csl\.json$/);
    const [item] = JSON.parse(out.text);
    expect(item).toMatchObject({
      type: 'article-newspaper',
      title: 'Talks to resume',
      'container-title': 'Example Wire',
      author: [{ literal: 'A. Reporter' }],
      URL: 'https://example.org/wire',
      issued: { 'date-parts': [[2024, 5, 3]] },
    });
    expect(item.note).toMatch(/^SHA-256: [0-9a-f]{64}$/);
  });
});
