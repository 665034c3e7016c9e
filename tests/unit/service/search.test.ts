import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../db/model';
import { LIMITS } from '../../../main/vocabulary';
import { ARTICLE, openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
let sourceId: number;
let quoteId: number;
let claimId: number;
beforeAll(async () => {
  lib = await openLibrary();
  sourceId = (await lib.call('addSource', { title: 'Talks to resume', body: ARTICLE })).source.id;
  await lib.call('addSource', { title: 'Unrelated', body: 'Weather report: rain (heavy) * expected; "quoted" words - and: more.' });
  quoteId = (await lib.call('createQuote', { sourceId, start: ARTICLE.indexOf('Западные'), end: ARTICLE.indexOf('Западные') + 15, note: 'Russian wording' })).id;
  const brief = await lib.call('createBrief', { title: 'Outlook' });
  claimId = (await lib.call('addClaim', { briefId: brief.id, text: 'Negotiations in 北京 will resume next week.' })).id;
});
afterAll(async () => {
  await lib.close();
});
afterEach(() => {});

const marked = (s: string) => s.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');

describe('search', () => {
  it.each([
    ['Запад', 'Russian inside a longer word', '[Запад]ные'],
    ['западные', 'Russian, any case', '[Западные]'],
    ['الحكومات', 'Arabic', '[الحكومات]'],
    ['谈判将', 'Chinese substring', '[谈判将]'],
    ['北京', 'a 2-character Chinese word', '[北京]'],
    ['交渉', 'a 2-character Japanese word', '[交渉]'],
    ['western TALKS', 'English, all terms, any case', '[talks]'],
    ['"talks would resume"', 'a quoted phrase', '[talks would resume]'],
  ])('finds %s (%s) with a marked snippet', async (query, _why, snippet) => {
    const r = await lib.call('search', { query });
    expect(r.sources.map((h) => h.id)).toContain(sourceId);
    const hit = r.sources.find((h) => h.id === sourceId)!;
    expect(hit).toMatchObject({ kind: 'source', title: 'Talks to resume', sourceId, briefId: null });
    expect(marked(hit.snippet).toLowerCase()).toContain(snippet.toLowerCase());
  });

  it('finds quotes by text or note and claims by text, each with their titles', async () => {
    const r = await lib.call('search', { query: 'Russian' });
    expect(r.quotes).toEqual([expect.objectContaining({ kind: 'quote', id: quoteId, title: 'Talks to resume', sourceId })]);
    const c = await lib.call('search', { query: 'negotiations', kinds: ['claim'] });
    expect(c.sources).toEqual([]);
    expect(c.claims).toEqual([expect.objectContaining({ kind: 'claim', id: claimId, title: 'Outlook' })]);
    expect(marked(c.claims[0]!.snippet)).toContain('[Negotiations]');
    const mixed = await lib.call('search', { query: '北京 resume', kinds: ['claim'] });
    expect(mixed.claims.map((h) => h.id)).toEqual([claimId]);
  });

  it('finds one- and two-character CJK words anywhere, including at the very end of a text, through the CJK index', async () => {
    const brief = await lib.call('createBrief', { title: '会谈' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: '代表团下周将前往北京' });
    const korean = await lib.call('addSource', { title: '서울 회담', body: '대표단은 다음 주 서울에서 만난다' });
    expect((await lib.call('search', { query: '北京', kinds: ['claim'] })).claims.map((h) => h.id).sort()).toEqual([claimId, claim.id].sort());
    const one = await lib.call('search', { query: '京', kinds: ['claim'] });
    expect(one.claims.map((h) => h.id).sort()).toEqual([claimId, claim.id].sort());
    expect(marked(one.claims.find((h) => h.id === claim.id)!.snippet)).toContain('前往北[京]');
    expect((await lib.call('search', { query: '서울' })).sources.map((h) => h.id)).toEqual([korean.source.id]);
    // A CJK word and a long term together must both match.
    expect((await lib.call('search', { query: '北京 Negotiations', kinds: ['claim'] })).claims.map((h) => h.id)).toEqual([claimId]);
    await lib.call('deleteBrief', { id: brief.id });
    expect((await lib.call('search', { query: '前往', kinds: ['claim'] })).claims).toEqual([]);
    await lib.call('deleteSource', { id: korean.source.id });
    expect((await lib.call('search', { query: '서울' })).sources).toEqual([]);
  });

  it('finds text ignoring diacritics, and still marks the match in the snippet', async () => {
    const { source } = await lib.call('addSource', { title: 'Menu', body: 'They met at the Café Central in Vienna.' });
    const r = await lib.call('search', { query: 'cafe central', kinds: ['source'] });
    expect(r.sources.map((h) => h.id)).toEqual([source.id]);
    expect(marked(r.sources[0]!.snippet)).toMatch(/\[Caf.*\]/);
    await lib.call('deleteSource', { id: source.id });
  });

  it('ranks a title match above a body match', async () => {
    await lib.call('addSource', { title: 'Weather outlook', body: 'Mostly dry.' });
    const r = await lib.call('search', { query: 'weather', kinds: ['source'] });
    expect(r.sources.map((h) => h.title)).toEqual(['Weather outlook', 'Unrelated']);
    expect(r.sources[0]!.rank).toBeLessThanOrEqual(r.sources[1]!.rank);
  });

  it.each(['"', '""', '*', 'rain*', 'NEAR(rain', 'NEAR(rain heavy)', 'rain AND', 'OR', 'NOT rain', '-rain', '^rain', 'title:rain', '(heavy)', 'rain)', "'", '\\', '%', '_', 'a"b'])(
    'treats FTS5 syntax in %j as plain text, never failing',
    async (query) => {
      const r = await lib.call('search', { query });
      expect(r.query).toBe(query);
      for (const hit of [...r.sources, ...r.quotes, ...r.claims]) expect(hit.snippet.length).toBeGreaterThan(0);
    },
  );

  it('matches those characters literally where the text has them', async () => {
    expect((await lib.call('search', { query: '(heavy)' })).sources.map((h) => h.title)).toEqual(['Unrelated']);
    expect((await lib.call('search', { query: '"quoted"' })).sources.map((h) => h.title)).toEqual(['Unrelated']);
    expect((await lib.call('search', { query: '*' })).sources.map((h) => h.title)).toEqual(['Unrelated']);
    expect((await lib.call('search', { query: '%' })).sources).toEqual([]);
  });

  it('returns nothing for an empty query and refuses one over the limit', async () => {
    expect(await lib.call('search', { query: '   ' })).toEqual({ query: '   ', sources: [], quotes: [], claims: [], tags: [], notice: null });
    const err = await lib.refuse('search', { query: 'x'.repeat(LIMITS.searchChars + 1) });
    expect(err.message).toContain(`at most ${LIMITS.searchChars} characters`);
    expect((await lib.refuse('search', { query: 'x', limit: 51 })).code).toBe('INVALID_INPUT');
  });

  it('keeps at most `limit` hits per kind', async () => {
    for (let i = 0; i < 5; i += 1) await lib.call('addSource', { title: `Bulletin ${i}`, body: `bulletin number ${i}` });
    expect((await lib.call('search', { query: 'bulletin', limit: 3 })).sources).toHaveLength(3);
    expect((await lib.call('search', { query: 'bu', limit: 2 })).sources).toHaveLength(2);
  });
});
