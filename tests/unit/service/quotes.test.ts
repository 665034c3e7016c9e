import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../main/vocabulary';
import { ARTICLE, openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
let sourceId: number;
beforeEach(async () => {
  lib = await openLibrary();
  sourceId = (await lib.call('addSource', { title: 'Talks', body: ARTICLE })).source.id;
});
afterEach(async () => {
  await lib.close();
});

describe('quoting a passage', () => {
  it('stores the exact text with 32 characters of context each side', async () => {
    const start = ARTICLE.indexOf('Западные');
    const end = start + 'Западные страны'.length;
    const tag = await lib.call('createTag', { name: 'Key' });
    const q = await lib.call('createQuote', { sourceId, start, end, exact: 'Западные страны', note: 'n', credibility: 2, tagIds: [tag.id] });
    expect(q).toMatchObject({
      sourceId,
      start,
      end,
      exact: 'Западные страны',
      prefix: ARTICLE.slice(start - LIMITS.quoteContextChars, start),
      suffix: ARTICLE.slice(end, end + LIMITS.quoteContextChars),
      note: 'n',
      credibility: 2,
      citedBy: [],
      source: { id: sourceId, title: 'Talks', outlet: null },
    });
    expect(q.tags.map((t) => t.id)).toEqual([tag.id]);
    expect(await lib.call('getQuote', { id: q.id })).toEqual(q);
  });

  it('refuses reversed, empty and out-of-range offsets, naming the numbers', async () => {
    const before = lib.snapshot();
    const reversed = await lib.refuse('createQuote', { sourceId, start: 10, end: 5 });
    expect(reversed).toMatchObject({ code: 'QUOTE_RANGE' });
    expect(reversed.message).toContain('starts at 10 and ends at 5');
    expect((await lib.refuse('createQuote', { sourceId, start: 4, end: 4 })).message).toContain('empty');
    const past = await lib.refuse('createQuote', { sourceId, start: 0, end: ARTICLE.length + 1 });
    expect(past.message).toContain(`ends at ${ARTICLE.length + 1}, but the source text is only ${ARTICLE.length} characters long`);
    expect((await lib.refuse('createQuote', { sourceId, start: -1, end: 3 })).code).toBe('INVALID_INPUT');
    expect((await lib.refuse('createQuote', { sourceId, start: 1.5, end: 3 })).code).toBe('INVALID_INPUT');
    expect((await lib.refuse('createQuote', { sourceId, start: '1', end: 3 })).code).toBe('INVALID_INPUT');
    expect((await lib.refuse('createQuote', { sourceId: 999, start: 0, end: 3 })).message).toContain('Source 999 does not exist');
    expect(lib.snapshot()).toBe(before);
  });

  it('refuses an exact text that differs from the source, saying where', async () => {
    const before = lib.snapshot();
    const err = await lib.refuse('createQuote', { sourceId, start: 0, end: 7, exact: 'Wastern' });
    expect(err.code).toBe('QUOTE_MISMATCH');
    expect(err.message).toContain('at offset 1');
    expect(err.message).toContain('"estern"');
    expect(err.message).toContain('"astern"');
    const shorter = await lib.refuse('createQuote', { sourceId, start: 0, end: 7, exact: 'Weste' });
    expect(shorter.message).toContain('5 characters but the source has 7');
    expect(lib.snapshot()).toBe(before);
  });

  it('refuses an unknown tag and stores neither quote nor links', async () => {
    const before = lib.snapshot();
    expect((await lib.refuse('createQuote', { sourceId, start: 0, end: 7, tagIds: [77] })).code).toBe('NOT_FOUND');
    expect(lib.snapshot()).toBe(before);
  });

  it('keeps emoji, surrogate pairs and combining marks whole at the edges', async () => {
    // "👍🏽" is two surrogate pairs forming one grapheme; "é" here is e + U+0301.
    const body = 'A 👍🏽 thumbs up, cafe\u0301 noir, 𝒳 math.';
    const id = (await lib.call('addSource', { title: 'Emoji', body })).source.id;
    const thumb = body.indexOf('👍');
    const before = lib.snapshot();
    for (const [start, end] of [
      [thumb + 1, thumb + 6], // splits the first surrogate pair
      [thumb, thumb + 2], // splits the skin-tone modifier from its emoji
      [body.indexOf('cafe'), body.indexOf('cafe') + 4], // leaves the combining accent behind
      [body.indexOf('𝒳') + 1, body.length], // starts inside a surrogate pair
    ] as const) {
      const err = await lib.refuse('createQuote', { sourceId: id, start, end });
      expect(err.code).toBe('QUOTE_RANGE');
      expect(err.message).toContain('inside a character');
    }
    expect(lib.snapshot()).toBe(before);
    const whole = await lib.call('createQuote', { sourceId: id, start: thumb, end: thumb + 4, exact: '👍🏽' });
    expect(whole.exact).toBe('👍🏽');
    const cafe = await lib.call('createQuote', { sourceId: id, start: body.indexOf('cafe'), end: body.indexOf('cafe') + 5 });
    expect(cafe.exact).toBe('cafe\u0301');
    // Context near an astral character is cut on a code point boundary, never half a pair.
    const math = await lib.call('createQuote', { sourceId: id, start: body.indexOf(' math'), end: body.length });
    expect(math.prefix.endsWith('𝒳')).toBe(true);
  });

  it('edits note and credibility, and checks their limits', async () => {
    const q = await lib.call('createQuote', { sourceId, start: 0, end: 7 });
    const edited = await lib.call('updateQuote', { id: q.id, note: 'Confirmed by a second wire', credibility: 1 });
    expect(edited).toMatchObject({ note: 'Confirmed by a second wire', credibility: 1, exact: 'Western' });
    expect((await lib.call('updateQuote', { id: q.id, credibility: null })).credibility).toBeNull();
    const long = await lib.refuse('updateQuote', { id: q.id, note: 'x'.repeat(LIMITS.noteChars + 1) });
    expect(long.message).toContain(`${LIMITS.noteChars + 1} characters; the limit is ${LIMITS.noteChars}`);
    expect((await lib.refuse('updateQuote', { id: q.id, credibility: 7 })).message).toContain('1 (confirmed) to 6');
    expect((await lib.refuse('updateQuote', { id: 999, note: 'x' })).code).toBe('NOT_FOUND');
    expect((await lib.call('search', { query: 'second wire' })).quotes.map((h) => h.id)).toEqual([q.id]);
  });
});

describe('the store keeps passages true by itself', () => {
  it('refuses to change a body, or to move or rewrite a quote, even through SQL', async () => {
    const db = lib.running.ctx.store.db;
    const q = await lib.call('createQuote', { sourceId, start: 0, end: 7 });
    expect(() => db.prepare('UPDATE source SET body = ? WHERE id = ?').run('changed', sourceId)).toThrow(/SOURCE_BODY_IMMUTABLE/);
    expect(() => db.prepare('UPDATE quote SET start = 1 WHERE id = ?').run(q.id)).toThrow(/QUOTE_MISMATCH/);
    expect(() =>
      db
        .prepare(`INSERT INTO quote (source_id, start, "end", exact, prefix, suffix, note, created_at, updated_at) VALUES (?, 0, 7, 'Eastern', '', '', '', 'x', 'x')`)
        .run(sourceId),
    ).toThrow(/QUOTE_MISMATCH/);
    expect((await lib.call('getSource', { id: sourceId })).body).toBe(ARTICLE);
  });
});

describe('deleting a passage', () => {
  it('refuses while claims cite it, naming them, and removes the citations when asked', async () => {
    const q = await lib.call('createQuote', { sourceId, start: 0, end: 7 });
    const brief = await lib.call('createBrief', { title: 'Outlook' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: 'Talks resume' });
    const citation = await lib.call('addCitation', { claimId: claim.id, quoteId: q.id, relation: 'context' });
    const before = lib.snapshot();
    const err = await lib.refuse('deleteQuote', { id: q.id });
    expect(err.code).toBe('QUOTE_IS_CITED');
    expect(err.message).toContain('"Outlook", claim 1 ("Talks resume")');
    expect(lib.snapshot()).toBe(before);
    const done = await lib.call('deleteQuote', { id: q.id, removeCitations: true });
    expect(done.quote.id).toBe(q.id);
    expect(done.removedCitations).toEqual([citation]);
    expect((await lib.refuse('getQuote', { id: q.id })).code).toBe('NOT_FOUND');
  });
});

describe('backlinks and lists', () => {
  it('lists a source’s passages in text order with the claims citing each, and filters by tag', async () => {
    const later = await lib.call('createQuote', { sourceId, start: 8, end: 19 });
    const first = await lib.call('createQuote', { sourceId, start: 0, end: 7 });
    const tag = await lib.call('createTag', { name: 'Key' });
    await lib.call('attachTag', { tagId: tag.id, target: { kind: 'quote', id: later.id } });
    const brief = await lib.call('createBrief', { title: 'B' });
    const c1 = await lib.call('addClaim', { briefId: brief.id, text: 'one' });
    const c2 = await lib.call('addClaim', { briefId: brief.id, text: 'two' });
    await lib.call('addCitation', { claimId: c2.id, quoteId: first.id });
    await lib.call('addCitation', { claimId: c1.id, quoteId: first.id, relation: 'contradicts' });

    const links = await lib.call('sourceBacklinks', { sourceId });
    expect(links.map((q) => q.id)).toEqual([first.id, later.id]);
    expect(links[0]!.citedBy.map((c) => [c.claimNumber, c.relation])).toEqual([
      [1, 'contradicts'],
      [2, 'supports'],
    ]);
    expect(await lib.call('claimsCitingQuote', { quoteId: first.id })).toEqual(links[0]!.citedBy);
    expect(await lib.call('claimsCitingQuote', { quoteId: later.id })).toEqual([]);
    expect((await lib.refuse('claimsCitingQuote', { quoteId: 999 })).code).toBe('NOT_FOUND');
    expect((await lib.refuse('sourceBacklinks', { sourceId: 999 })).code).toBe('NOT_FOUND');

    const byTag = await lib.call('listQuotes', { tagId: tag.id });
    expect(byTag.items.map((q) => q.id)).toEqual([later.id]);
    expect(byTag.items[0]!.source.title).toBe('Talks');
    expect((await lib.call('listQuotes', { sourceId, limit: 1, offset: 1 })).items.map((q) => q.id)).toEqual([later.id]);
    expect((await lib.call('listQuotes', { sourceId })).total).toBe(2);
  });
});
