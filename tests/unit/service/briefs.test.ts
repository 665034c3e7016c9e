import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../main/vocabulary';
import { ARTICLE, openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openLibrary();
});
afterEach(async () => {
  await lib.close();
});

const texts = async (briefId: number) => (await lib.call('getBrief', { id: briefId })).claims.map((c) => c.text);

describe('briefs', () => {
  it('creates, edits, lists with counts and deletes with its claims', async () => {
    const brief = await lib.call('createBrief', { title: 'Weekly', summary: 'BLUF' });
    expect(brief).toMatchObject({ title: 'Weekly', marking: 'UNCLASSIFIED', summary: 'BLUF', author: '' });
    const edited = await lib.call('updateBrief', { id: brief.id, marking: 'OFFICIAL', author: 'A. Analyst' });
    expect(edited).toMatchObject({ title: 'Weekly', marking: 'OFFICIAL', author: 'A. Analyst' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: 'x' });
    const { source } = await lib.call('addSource', { title: 'S', body: ARTICLE });
    const quote = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 7 });
    await lib.call('addCitation', { claimId: claim.id, quoteId: quote.id });
    await lib.call('addClaim', { briefId: brief.id, text: 'y' });
    expect(await lib.call('listBriefs', {})).toEqual([expect.objectContaining({ id: brief.id, claimCount: 2, citationCount: 1 })]);
    expect(await lib.call('deleteBrief', { id: brief.id })).toEqual({ deletedClaims: 2 });
    expect(await lib.call('listBriefs', {})).toEqual([]);
    // The passage survives; only the brief's citations of it are gone.
    expect((await lib.call('getQuote', { id: quote.id })).citedBy).toEqual([]);
  });

  it('refuses bad input and unknown ids', async () => {
    const before = lib.snapshot();
    expect((await lib.refuse('createBrief', { title: '   ' })).message).toContain('title cannot be empty');
    expect((await lib.refuse('createBrief', { title: 'T', summary: 's'.repeat(LIMITS.summaryChars + 1) })).message).toContain(
      `the limit is ${LIMITS.summaryChars}`,
    );
    // A NUL (found by the fuzz: a title of one NUL reached the store's CHECK constraint as STORE_FAILED).
    for (const input of [{ title: '\u0000' }, { title: 'Port\u0000closure' }, { title: 'T', summary: 'a\u0000b' }]) {
      expect(await lib.refuse('createBrief', input)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('contains a NUL character (U+0000)') });
    }
    // The same for a source's text and an analysis' assumption (both reached CHECK constraints as STORE_FAILED).
    expect(await lib.refuse('addSource', { title: 'N', body: '\u0000' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('The text of the source contains a NUL') });
    const brief = await lib.call('createBrief', { title: 'Assumptions' });
    expect(await lib.refuse('addKeyAssumption', { briefId: brief.id, text: '\u0000' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('The assumption contains a NUL') });
    await lib.call('deleteBrief', { id: brief.id });
    expect((await lib.refuse('getBrief', { id: 5 })).message).toContain('Brief 5 does not exist');
    expect((await lib.refuse('getBrief', { id: 'five' })).code).toBe('INVALID_INPUT');
    expect((await lib.refuse('updateBrief', { id: 5, title: 'x' })).code).toBe('NOT_FOUND');
    expect((await lib.refuse('deleteBrief', { id: 0 })).code).toBe('INVALID_INPUT');
    expect((await lib.refuse('addClaim', { briefId: 5, text: 'x' })).code).toBe('NOT_FOUND');
    expect(lib.snapshot()).toBe(before);
  });
});

describe('claims', () => {
  it('adds at the end, first, or after a claim, and moves them', async () => {
    const { id } = await lib.call('createBrief', { title: 'B' });
    const b = await lib.call('addClaim', { briefId: id, text: 'B' });
    const d = await lib.call('addClaim', { briefId: id, text: 'D' });
    await lib.call('addClaim', { briefId: id, text: 'A', afterId: null });
    const c = await lib.call('addClaim', { briefId: id, text: 'C', afterId: b.id, confidence: 'high' });
    expect(c.confidence).toBe('high');
    expect(await texts(id)).toEqual(['A', 'B', 'C', 'D']);
    await lib.call('moveClaim', { id: d.id, afterId: null });
    expect(await texts(id)).toEqual(['D', 'A', 'B', 'C']);
    await lib.call('moveClaim', { id: d.id, afterId: b.id });
    expect(await texts(id)).toEqual(['A', 'B', 'D', 'C']);
    await lib.call('moveClaim', { id: b.id, afterId: c.id });
    expect(await texts(id)).toEqual(['A', 'D', 'C', 'B']);
    const full = await lib.call('getBrief', { id });
    expect(full.claims.map((x) => x.number)).toEqual([1, 2, 3, 4]);
    const positions = full.claims.map((x) => x.position);
    expect([...positions].sort()).toEqual(positions);
  });

  it('refuses to place a claim after itself or after a claim of another brief', async () => {
    const one = await lib.call('createBrief', { title: 'One' });
    const two = await lib.call('createBrief', { title: 'Two' });
    const a = await lib.call('addClaim', { briefId: one.id, text: 'a' });
    const other = await lib.call('addClaim', { briefId: two.id, text: 'other' });
    const before = lib.snapshot();
    expect((await lib.refuse('moveClaim', { id: a.id, afterId: a.id })).message).toContain('after itself');
    expect((await lib.refuse('moveClaim', { id: a.id, afterId: other.id })).message).toContain('belongs to another brief');
    expect((await lib.refuse('addClaim', { briefId: one.id, text: 'b', afterId: other.id })).code).toBe('INVALID_INPUT');
    expect((await lib.refuse('addClaim', { briefId: one.id, text: 'b', afterId: 999 })).message).toContain('Claim 999');
    expect((await lib.refuse('updateClaim', { id: a.id, confidence: 'certain' })).message).toContain('low, moderate or high');
    expect((await lib.refuse('updateClaim', { id: a.id, text: 'x'.repeat(LIMITS.claimChars + 1) })).message).toContain(
      `the limit is ${LIMITS.claimChars}`,
    );
    expect(lib.snapshot()).toBe(before);
  });

  it('edits text and confidence', async () => {
    const { id } = await lib.call('createBrief', { title: 'B' });
    const a = await lib.call('addClaim', { briefId: id, text: 'draft', confidence: 'low' });
    expect(await lib.call('updateClaim', { id: a.id, text: 'final' })).toMatchObject({ text: 'final', confidence: 'low' });
    expect(await lib.call('updateClaim', { id: a.id, confidence: null })).toMatchObject({ text: 'final', confidence: null });
    expect((await lib.call('search', { query: 'final' })).claims).toEqual([expect.objectContaining({ id: a.id, briefId: id, title: 'B' })]);
  });

  it('deletes a claim and undo puts it back where it was, under its id, with citations and tags', async () => {
    const { id } = await lib.call('createBrief', { title: 'B' });
    const { source } = await lib.call('addSource', { title: 'S', body: ARTICLE });
    const q1 = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 7 });
    const q2 = await lib.call('createQuote', { sourceId: source.id, start: 8, end: 19 });
    const tag = await lib.call('createTag', { name: 'Key judgement' });
    await lib.call('addClaim', { briefId: id, text: 'A' });
    const b = await lib.call('addClaim', { briefId: id, text: 'B', confidence: 'moderate' });
    await lib.call('addClaim', { briefId: id, text: 'C' });
    await lib.call('addCitation', { claimId: b.id, quoteId: q2.id, relation: 'contradicts' });
    await lib.call('addCitation', { claimId: b.id, quoteId: q1.id, afterId: null });
    await lib.call('attachTag', { tagId: tag.id, target: { kind: 'claim', id: b.id } });
    const before = await lib.call('getBrief', { id });

    const removed = await lib.call('deleteClaim', { id: b.id });
    expect(removed.claim.text).toBe('B');
    expect(removed.citations.map((c) => c.quoteId)).toEqual([q1.id, q2.id]);
    expect(removed.tagIds).toEqual([tag.id]);
    expect(await texts(id)).toEqual(['A', 'C']);

    expect(await lib.call('undo', { briefId: id })).toMatchObject({ did: 'undo', label: 'deletion of claim 2', notes: [] });
    // Everything as it was, ids included; only the brief's edit time moved on.
    expect(await lib.call('getBrief', { id })).toEqual({ ...before, updatedAt: expect.any(String) });
    expect(await texts(id)).toEqual(['A', 'B', 'C']);
  });

  it('never hands out the id of a deleted claim or citation again', async () => {
    const { id } = await lib.call('createBrief', { title: 'B' });
    const { source } = await lib.call('addSource', { title: 'S', body: ARTICLE });
    const q = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 7 });
    const last = await lib.call('addClaim', { briefId: id, text: 'last' });
    const cit = await lib.call('addCitation', { claimId: last.id, quoteId: q.id });
    await lib.call('deleteClaim', { id: last.id });
    const next = await lib.call('addClaim', { briefId: id, text: 'next' });
    expect(next.id).toBeGreaterThan(last.id);
    expect((await lib.call('addCitation', { claimId: next.id, quoteId: q.id })).id).toBeGreaterThan(cit.id);
  });

  it('numbers claims and citations in reading order and lists each source once, by first citation', async () => {
    const s1 = (await lib.call('addSource', { title: 'First source', outlet: 'Wire', body: ARTICLE })).source;
    const s2 = (await lib.call('addSource', { title: 'Second source', body: 'Another text about the talks.' })).source;
    const q1 = await lib.call('createQuote', { sourceId: s1.id, start: 0, end: 7 });
    const q2 = await lib.call('createQuote', { sourceId: s2.id, start: 0, end: 7 });
    const q3 = await lib.call('createQuote', { sourceId: s1.id, start: 8, end: 19 });
    const { id } = await lib.call('createBrief', { title: 'B' });
    const c2 = await lib.call('addClaim', { briefId: id, text: 'second' });
    const c1 = await lib.call('addClaim', { briefId: id, text: 'first', afterId: null });
    await lib.call('addClaim', { briefId: id, text: 'uncited' });
    await lib.call('addCitation', { claimId: c2.id, quoteId: q3.id });
    await lib.call('addCitation', { claimId: c1.id, quoteId: q2.id });
    const moved = await lib.call('addCitation', { claimId: c1.id, quoteId: q1.id });
    await lib.call('moveCitation', { id: moved.id, afterId: null });

    const brief = await lib.call('getBrief', { id });
    const quote = (id: number) => brief.quotes.find((q) => q.id === id)!;
    const source = (id: number) => brief.sources.find((s) => s.id === id)!;
    expect(brief.claims.map((c) => [c.number, c.text, c.citations.map((x) => [x.number, quote(x.quoteId).exact, source(quote(x.quoteId).sourceId).title])])).toEqual([
      [1, 'first', [[1, 'Western', 'First source'], [2, 'Another', 'Second source']]],
      [2, 'second', [[3, 'governments', 'First source']]],
      [3, 'uncited', []],
    ]);
    expect(brief.sources.map((s) => s.id)).toEqual([s1.id, s2.id]);
    expect(brief.sources[0]).toMatchObject({ outlet: 'Wire', bodySha256: s1.bodySha256 });
    // Each passage and each source once, by id, however often they are cited.
    expect(brief.quotes.map((q) => q.id)).toEqual([...new Set(brief.claims.flatMap((c) => c.citations.map((x) => x.quoteId)))]);
    expect(Object.keys(brief.claims[0]!.citations[0]!).sort()).toEqual(['id', 'number', 'quoteId', 'relation']);
    expect(quote(brief.claims[0]!.citations[0]!.quoteId)).toMatchObject({ id: q1.id, prefix: '', suffix: expect.stringContaining('governments') });
  });

  it('refuses to cite the same passage twice on one claim, and unknown claims or quotes', async () => {
    const { source } = await lib.call('addSource', { title: 'S', body: ARTICLE });
    const q = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 7 });
    const { id } = await lib.call('createBrief', { title: 'B' });
    const claim = await lib.call('addClaim', { briefId: id, text: 'c' });
    const citation = await lib.call('addCitation', { claimId: claim.id, quoteId: q.id });
    const before = lib.snapshot();
    const dup = await lib.refuse('addCitation', { claimId: claim.id, quoteId: q.id, relation: 'context' });
    expect(dup.code).toBe('CITATION_EXISTS');
    expect(dup.message).toContain('Claim 1 already cites this passage');
    expect((await lib.refuse('addCitation', { claimId: claim.id, quoteId: 99 })).message).toContain('Quote 99');
    expect((await lib.refuse('addCitation', { claimId: 99, quoteId: q.id })).message).toContain('Claim 99');
    expect((await lib.refuse('addCitation', { claimId: claim.id, quoteId: q.id, relation: 'proves' })).message).toContain(
      'supports, contradicts or gives context',
    );
    expect((await lib.refuse('moveCitation', { id: citation.id, afterId: citation.id })).message).toContain('after itself');
    expect(lib.snapshot()).toBe(before);

    expect((await lib.call('updateCitation', { id: citation.id, relation: 'contradicts' })).relation).toBe('contradicts');
    expect(await lib.call('removeCitation', { id: citation.id })).toMatchObject({ id: citation.id, relation: 'contradicts' });
    expect((await lib.refuse('removeCitation', { id: citation.id })).code).toBe('NOT_FOUND');
  });
});
