import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE, openLibrary, type TestLibrary } from '../service/helpers';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openLibrary();
});
afterEach(async () => {
  await lib.close();
});

// As Zotero 7 writes it with Export Library… → CSL JSON (years as strings, ids as item URIs).
const ZOTERO = JSON.stringify([
  {
    id: 'http://zotero.org/users/1234567/items/ABCD2345',
    type: 'article-newspaper',
    title: 'Talks to resume in Geneva on Friday',
    'container-title': 'Reuters',
    URL: 'https://www.reuters.com/world/talks-resume-geneva/',
    author: [{ family: 'Diaz', given: 'Rosa' }, { family: 'Okafor', given: 'Chidi' }],
    accessed: { 'date-parts': [['2026', 3, 2]] },
    issued: { 'date-parts': [['2026', '3', '1']] },
    language: 'en-GB',
  },
  {
    id: 'http://zotero.org/users/1234567/items/EFGH6789',
    type: 'article-journal',
    title: 'Ceasefire durability in the Caucasus',
    'container-title': 'Journal of Conflict Studies',
    DOI: '10.1234/jcs.2025.017',
    author: [{ literal: 'International Crisis Group' }],
    issued: { 'date-parts': [[2025, 11]] },
  },
  { id: 'x', type: 'webpage', title: 'A page nobody imported', URL: 'https://example.net/nothing' },
]);

describe('CSL-JSON import to prefill source details', () => {
  it('matches Zotero items to sources by URL and DOI and offers only what differs', async () => {
    const { source: wire } = await lib.call('addSource', { title: 'Reuters wire', body: ARTICLE, url: 'http://reuters.com/world/talks-resume-geneva', outlet: 'Reuters' });
    const { source: paper } = await lib.call('addSource', { title: 'Durability paper', body: 'Another text entirely.', url: 'https://doi.org/10.1234/JCS.2025.017' });
    const report = await lib.call('matchCslJson', { text: ZOTERO });
    expect(report.items).toBe(3);
    expect(report.unmatched).toEqual([{ itemIndex: 3, title: 'A page nobody imported', notes: [] }]);
    const [m1, m2] = report.matches;
    expect(m1).toMatchObject({ itemIndex: 1, sourceId: wire.id, matchedBy: 'URL' });
    expect(Object.fromEntries(m1!.offers.map((o) => [o.field, [o.local, o.proposed]]))).toEqual({
      title: ['Reuters wire', 'Talks to resume in Geneva on Friday'],
      author: [null, 'Rosa Diaz; Chidi Okafor'],
      publishedAt: [null, '2026-03-01'],
      accessedAt: [expect.any(String), '2026-03-02'],
      language: [null, 'en-GB'],
      sourceType: [null, 'news-article'],
    });
    expect(m2).toMatchObject({ itemIndex: 2, sourceId: paper.id, matchedBy: 'DOI' });
    expect(m2!.offers.map((o) => o.field)).toEqual(['title', 'outlet', 'author', 'sourceType']);
    expect(m2!.notes).toEqual(['The issued date 2025-11 has no day; Sourcemark dates need one, so it was left out.']);
    // Matching writes nothing: the analyst applies what they choose through updateSource.
    expect((await lib.call('getSource', { id: wire.id })).title).toBe('Reuters wire');
  });

  it('matches by title only when exactly one source has it', async () => {
    await lib.call('addSource', { title: 'Talks to resume in Geneva on Friday', body: 'One.' });
    const item = JSON.stringify([{ type: 'article-newspaper', title: 'TALKS to resume in Geneva on Friday' }]);
    expect((await lib.call('matchCslJson', { text: item })).matches[0]).toMatchObject({ matchedBy: 'title' });
    await lib.call('addSource', { title: 'Talks to resume in Geneva on Friday', body: 'Two.' });
    expect((await lib.call('matchCslJson', { text: item })).matches).toEqual([]);
  });

  it('reads one pasted item into a source form, leaving out what does not fit', async () => {
    const pasted = JSON.stringify({ type: 'speech', title: 'Statement by the spokesperson', issued: { raw: 'spring 2026' }, URL: 'javascript:alert(1)', publisher: 'MFA' });
    const [item] = await lib.call('readCslJson', { text: pasted });
    expect(item!.details).toEqual({ title: 'Statement by the spokesperson', outlet: 'MFA', sourceType: 'official-statement' });
    expect(item!.notes).toEqual([
      'The issued date “spring 2026” is not written YYYY-MM-DD, so it was left out.',
      'The URL “javascript:alert(1)” cannot be used: The URL must start with http://, https://, ftp://, file:// or mailto:.',
    ]);
  });

  it('says clearly where bad JSON breaks and what CSL-JSON should look like', async () => {
    await expect(lib.call('readCslJson', { text: '[{"title": "A",\n  "type": "book",, }]' })).rejects.toThrow(
      /INVALID_INPUT: This is not valid JSON: Expected double-quoted property name at line 2, column 18\. CSL-JSON is a JSON array of items/,
    );
    await expect(lib.call('matchCslJson', { text: '{"items": []}' })).rejects.toThrow(/INVALID_INPUT: This JSON is not CSL-JSON/);
    await expect(lib.call('matchCslJson', { text: '[]' })).rejects.toThrow(/The CSL-JSON holds no items\./);
    await expect(lib.call('matchCslJson', { text: '[{"title": "ok"}, 42]' })).rejects.toThrow(/Item 2 of the CSL-JSON is not an object/);
  });

  it('reads back what Sourcemark’s own CSL-JSON export writes', async () => {
    const { source } = await lib.call('addSource', { title: 'Wire', body: ARTICLE, url: 'https://example.org/wire', outlet: 'AP', author: 'Rosa Diaz', publishedAt: '2026-03-01', sourceType: 'news-article' });
    const out = await lib.call('exportStandard', { format: 'csl-json' });
    const [item] = await lib.call('readCslJson', { text: out.text });
    expect(item!.details).toMatchObject({ title: 'Wire', url: 'https://example.org/wire', outlet: 'AP', author: 'Rosa Diaz', publishedAt: '2026-03-01', sourceType: 'news-article' });
    const report = await lib.call('matchCslJson', { text: out.text });
    expect(report.matches).toEqual([expect.objectContaining({ sourceId: source.id, matchedBy: 'URL', offers: [] })]);
  });
});
