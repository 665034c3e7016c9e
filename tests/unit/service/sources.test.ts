import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../main/vocabulary';
import { localDay } from '../../../main/service/sources';
import { ARTICLE, openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openLibrary();
});
afterEach(async () => {
  await lib.close();
});

describe('adding a source', () => {
  it('stores the pasted text with its metadata and hash', async () => {
    const { source, created } = await lib.call('addSource', {
      title: '  Talks to resume  ',
      outlet: 'Wire',
      author: '',
      url: 'https://example.org/a',
      publishedAt: '2026-03-01',
      language: 'en',
      reliability: 'B',
      body: ARTICLE,
    });
    expect(created).toBe(true);
    expect(source).toMatchObject({
      title: 'Talks to resume',
      outlet: 'Wire',
      author: null,
      url: 'https://example.org/a',
      publishedAt: '2026-03-01',
      accessedAt: localDay(), // not given: the day it was pasted
      reliability: 'B',
      format: 'text',
      bodyLength: ARTICLE.length,
      bodySha256: createHash('sha256').update(ARTICLE).digest('hex'),
      quoteCount: 0,
      tags: [],
    });
    const full = await lib.call('getSource', { id: source.id });
    expect(full.body).toBe(ARTICLE);
  });

  it('shows the existing source when the same text is added again, changing nothing', async () => {
    const first = await lib.call('addSource', { title: 'One', body: ARTICLE });
    const before = lib.snapshot();
    const again = await lib.call('addSource', { title: 'Another title', body: ARTICLE });
    expect(again.created).toBe(false);
    expect(again.source.id).toBe(first.source.id);
    expect(again.source.title).toBe('One');
    expect(lib.snapshot()).toBe(before);
  });

  it('attaches tags given at import, and refuses an unknown tag without storing the source', async () => {
    const tag = await lib.call('createTag', { name: 'Diplomacy' });
    const { source } = await lib.call('addSource', { title: 'T', body: 'text one', tagIds: [tag.id] });
    expect(source.tags.map((t) => t.name)).toEqual(['Diplomacy']);
    const before = lib.snapshot();
    const err = await lib.refuse('addSource', { title: 'T2', body: 'text two', tagIds: [tag.id, 999] });
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('Tag 999');
    expect(lib.snapshot()).toBe(before);
  });

  it('refuses bad input with a sentence naming the field and limit', async () => {
    const before = lib.snapshot();
    expect((await lib.refuse('addSource', { title: 'T', body: '   ' })).message).toContain('no text');
    expect((await lib.refuse('addSource', { title: '', body: 'x' })).message).toContain('title cannot be empty');
    expect((await lib.refuse('addSource', { title: 42, body: 'x' })).code).toBe('INVALID_INPUT');
    expect((await lib.refuse('addSource', { title: 'T' })).message).toContain('text of the source is missing');
    const long = await lib.refuse('addSource', { title: 'x'.repeat(LIMITS.titleChars + 1), body: 'x' });
    expect(long.message).toContain(`limit is ${LIMITS.titleChars}`);
    expect((await lib.refuse('addSource', { title: 'T', body: 'x', url: 'javascript:alert(1)' })).message).toContain('URL must start');
    expect((await lib.refuse('addSource', { title: 'T', body: 'x', publishedAt: '2026-02-30x' })).message).toContain('YYYY-MM-DD');
    expect((await lib.refuse('addSource', { title: 'T', body: 'x', reliability: 'G' })).message).toContain('A (reliable) to F');
    expect((await lib.refuse('addSource', { title: 'T', body: 'x', extra: 1 })).code).toBe('INVALID_INPUT');
    const huge = await lib.refuse('addSource', { title: 'T', body: 'x'.repeat(LIMITS.bodyChars + 1) });
    expect(huge.message).toContain(`the limit is ${LIMITS.bodyChars}`);
    expect(lib.snapshot()).toBe(before);
  });
});

describe('listing sources', () => {
  it('pages newest first, counts the total, filters by text in any case and script, and by tag', async () => {
    const tag = await lib.call('createTag', { name: 'Russia' });
    const ids: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const { source } = await lib.call('addSource', { title: i === 3 ? 'Заявление МИД' : `Report ${i}`, outlet: i === 5 ? 'Kommersant' : null, body: `body ${i}` });
      ids.push(source.id);
    }
    await lib.call('attachTag', { tagId: tag.id, target: { kind: 'source', id: ids[3]! } });
    await lib.call('createQuote', { sourceId: ids[6]!, start: 0, end: 4 });

    const page = await lib.call('listSources', { offset: 2, limit: 3 });
    expect(page.total).toBe(7);
    expect(page.items.map((s) => s.id)).toEqual([ids[4], ids[3], ids[2]]);
    const first = await lib.call('listSources', { limit: 1 });
    expect(first.items[0]).toMatchObject({ id: ids[6], quoteCount: 1 });
    expect((await lib.call('listSources', { filter: 'заявление' })).items.map((s) => s.id)).toEqual([ids[3]]);
    expect((await lib.call('listSources', { filter: 'KOMMERS' })).items.map((s) => s.id)).toEqual([ids[5]]);
    const tagged = await lib.call('listSources', { tagId: tag.id });
    expect(tagged.total).toBe(1);
    expect(tagged.items[0]!.tags.map((t) => t.name)).toEqual(['Russia']);
    expect((await lib.refuse('listSources', { limit: LIMITS.pageSize + 1 })).code).toBe('INVALID_INPUT');
    expect((await lib.refuse('listSources', { offset: -1 })).code).toBe('INVALID_INPUT');
  });
});

describe('editing and deleting a source', () => {
  it('edits metadata, clears a field with empty text, and never the body', async () => {
    const { source } = await lib.call('addSource', { title: 'T', outlet: 'Wire', body: ARTICLE });
    const edited = await lib.call('updateSource', { id: source.id, patch: { title: 'New', outlet: '', reliability: 'A' } });
    expect(edited).toMatchObject({ title: 'New', outlet: null, reliability: 'A', bodySha256: source.bodySha256 });
    expect((await lib.refuse('updateSource', { id: source.id, patch: { body: 'other' } })).code).toBe('INVALID_INPUT');
    expect((await lib.refuse('updateSource', { id: 999, patch: { title: 'x' } })).code).toBe('NOT_FOUND');
    const found = await lib.call('search', { query: 'New' });
    expect(found.sources.map((h) => h.id)).toEqual([source.id]);
  });

  it('refuses to delete a source whose passages are cited, naming the claims, unless asked to remove the citations', async () => {
    const { source } = await lib.call('addSource', { title: 'T', body: ARTICLE });
    const quote = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 7 });
    await lib.call('createQuote', { sourceId: source.id, start: 8, end: 19 });
    const brief = await lib.call('createBrief', { title: 'Weekly assessment' });
    await lib.call('addClaim', { briefId: brief.id, text: 'Opening claim' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: 'Talks will resume next week according to officials' });
    await lib.call('addCitation', { claimId: claim.id, quoteId: quote.id });

    const before = lib.snapshot();
    const err = await lib.refuse('deleteSource', { id: source.id });
    expect(err.code).toBe('QUOTE_IS_CITED');
    expect(err.message).toContain('"Weekly assessment", claim 2 ("Talks will resume next week according to…")');
    expect(err.details).toMatchObject({ citingClaims: [{ claimId: claim.id, claimNumber: 2, briefId: brief.id }] });
    expect(lib.snapshot()).toBe(before);

    expect(await lib.call('deleteSource', { id: source.id, removeCitations: true })).toEqual({ deletedQuotes: 2, removedCitations: 1 });
    expect((await lib.refuse('getSource', { id: source.id })).code).toBe('NOT_FOUND');
    expect((await lib.call('getBrief', { id: brief.id })).claims[1]!.citations).toEqual([]);
    expect((await lib.call('search', { query: 'Western' })).sources).toEqual([]);
  });

  it('deletes an uncited source with its quotes', async () => {
    const { source } = await lib.call('addSource', { title: 'T', body: ARTICLE });
    await lib.call('createQuote', { sourceId: source.id, start: 0, end: 7 });
    expect(await lib.call('deleteSource', { id: source.id })).toEqual({ deletedQuotes: 1, removedCitations: 0 });
    expect((await lib.call('listQuotes', {})).total).toBe(0);
    expect((await lib.refuse('deleteSource', { id: source.id })).code).toBe('NOT_FOUND');
  });
});
