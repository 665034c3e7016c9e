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

describe('tags', () => {
  it('are unique ignoring case in any script, and the refusal names the existing tag', async () => {
    const west = await lib.call('createTag', { name: 'Запад', colour: '#112233' });
    await lib.call('createTag', { name: 'Sanctions' });
    const before = lib.snapshot();
    for (const name of ['ЗАПАД', 'запад', '  Запад ', 'SANCTIONS']) {
      const err = await lib.refuse('createTag', { name });
      expect(err.code).toBe('TAG_EXISTS');
      expect(err.message).toMatch(/There is already a tag "(Запад|Sanctions)"/);
    }
    expect((await lib.refuse('updateTag', { id: west.id, name: 'sanctions' })).code).toBe('TAG_EXISTS');
    expect(lib.snapshot()).toBe(before);
    // Changing only the case of its own name is fine.
    expect(await lib.call('updateTag', { id: west.id, name: 'ЗАПАД' })).toEqual({ id: west.id, name: 'ЗАПАД', colour: '#112233' });
  });

  it('checks names and colours', async () => {
    expect((await lib.refuse('createTag', { name: '' })).message).toContain('tag name cannot be empty');
    expect((await lib.refuse('createTag', { name: 'x'.repeat(LIMITS.tagNameChars + 1) })).message).toContain(
      `the limit is ${LIMITS.tagNameChars}`,
    );
    expect((await lib.refuse('createTag', { name: 'x', colour: 'red' })).message).toContain('#rrggbb');
    expect((await lib.refuse('updateTag', { id: 9, colour: '#000000' })).code).toBe('NOT_FOUND');
    const a = await lib.call('createTag', { name: 'a' });
    const b = await lib.call('createTag', { name: 'b' });
    expect(a.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(b.colour).not.toBe(a.colour);
  });

  it('attach to and detach from sources, quotes and claims, with use counts; deleting detaches', async () => {
    const tag = await lib.call('createTag', { name: 'Key' });
    const other = await lib.call('createTag', { name: 'Another' });
    const { source } = await lib.call('addSource', { title: 'S', body: ARTICLE });
    const quote = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 7 });
    const brief = await lib.call('createBrief', { title: 'B' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: 'c' });

    expect(await lib.call('attachTag', { tagId: tag.id, target: { kind: 'source', id: source.id } })).toEqual([tag]);
    expect(await lib.call('attachTag', { tagId: other.id, target: { kind: 'source', id: source.id } })).toEqual([other, tag]);
    // Attaching twice is harmless.
    expect(await lib.call('attachTag', { tagId: tag.id, target: { kind: 'source', id: source.id } })).toEqual([other, tag]);
    await lib.call('attachTag', { tagId: tag.id, target: { kind: 'quote', id: quote.id } });
    await lib.call('attachTag', { tagId: tag.id, target: { kind: 'claim', id: claim.id } });
    expect(await lib.call('listTags', {})).toEqual([
      { ...other, sources: 1, quotes: 0, claims: 0 },
      { ...tag, sources: 1, quotes: 1, claims: 1 },
    ]);
    expect((await lib.call('getBrief', { id: brief.id })).claims[0]!.tags).toEqual([tag]);
    expect(await lib.call('detachTag', { tagId: other.id, target: { kind: 'source', id: source.id } })).toEqual([tag]);

    const before = lib.snapshot();
    expect((await lib.refuse('attachTag', { tagId: tag.id, target: { kind: 'quote', id: 999 } })).message).toContain('Quote 999');
    expect((await lib.refuse('attachTag', { tagId: 999, target: { kind: 'quote', id: quote.id } })).message).toContain('Tag 999');
    expect((await lib.refuse('attachTag', { tagId: tag.id, target: { kind: 'brief', id: brief.id } })).code).toBe('INVALID_INPUT');
    expect(lib.snapshot()).toBe(before);

    expect(await lib.call('deleteTag', { id: tag.id })).toEqual({ detached: 3 });
    expect((await lib.call('getQuote', { id: quote.id })).tags).toEqual([]);
    expect(await lib.call('listTags', {})).toEqual([{ ...other, sources: 0, quotes: 0, claims: 0 }]);
  });
});
