// Find in a source (the reader's find bar and where a search hit lands), the quote bank's filters,
// and claims by tag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
let sourceId: number;
const BODY = 'Турция провела учения. Министр прибыл в Турцию.\n\nЗападные страны молчали; западных стран не было. Café and CAFE.';

beforeAll(async () => {
  lib = await openLibrary();
  sourceId = (await lib.call('addSource', { title: 'Учения', body: BODY, language: 'ru' })).source.id;
});
afterAll(async () => {
  await lib.close();
});

const found = async (query: string, phrase = true) =>
  (await lib.call('findInSource', { sourceId, query, phrase })).matches.map((m) => BODY.slice(m.start, m.end));

describe('find in a source', () => {
  it('finds every form of a word, in text order', async () => {
    expect(await found('Турция')).toEqual(['Турция', 'Турцию']);
    expect(await found('турц')).toEqual(['Турция', 'Турцию']); // a part of a word, as typed
  });

  it('reads the query as one phrase, in any form of its words', async () => {
    expect(await found('западные страны')).toEqual(['Западные страны', 'западных стран']);
    expect(await found('страны западные')).toEqual([]);
  });

  it('as a search hit lands: each word on its own', async () => {
    expect(await found('учения Турцию', false)).toEqual(['Турция', 'учения', 'Турцию']);
  });

  it('ignores case and Latin accents as search does', async () => {
    expect(await found('cafe')).toEqual(['Café', 'CAFE']);
  });

  it('answers nothing for nothing, and refuses an unknown source', async () => {
    expect(await found('   ')).toEqual([]);
    expect(await found('Греция')).toEqual([]);
    expect((await lib.refuse('findInSource', { sourceId: 999, query: 'x' })).code).toBe('NOT_FOUND');
  });
});

describe('quote bank filters and claims by tag', () => {
  it('filters passages by credibility and by whether a claim cites them', async () => {
    const a = await lib.call('createQuote', { sourceId, start: 0, end: 6, credibility: 2 });
    const b = await lib.call('createQuote', { sourceId, start: 7, end: 15 });
    const brief = await lib.call('createBrief', { title: 'Оценка' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: 'Учения прошли.' });
    await lib.call('addCitation', { claimId: claim.id, quoteId: a.id });
    const ids = async (input: Parameters<TestLibrary['call']>[1]) => (await lib.call('listQuotes', input as never)).items.map((q) => q.id);
    expect(await ids({ credibility: 2 })).toEqual([a.id]);
    expect(await ids({ credibility: 'none' })).toEqual([b.id]);
    expect(await ids({ cited: true })).toEqual([a.id]);
    expect(await ids({ cited: false })).toEqual([b.id]);
    expect(await ids({ order: 'newest' })).toEqual([b.id, a.id]);
    expect((await lib.refuse('listQuotes', { credibility: 9 })).message).toContain('1 to 6');

    const tag = await lib.call('createTag', { name: 'Учения' });
    await lib.call('attachTag', { tagId: tag.id, target: { kind: 'claim', id: claim.id } });
    expect(await lib.call('listTaggedClaims', { tagId: tag.id })).toEqual({
      items: [{ id: claim.id, briefId: brief.id, briefTitle: 'Оценка', number: 1, text: 'Учения прошли.', citations: 1 }],
      total: 1,
    });
    expect((await lib.refuse('listTaggedClaims', { tagId: 999 })).code).toBe('NOT_FOUND');
  });
});
