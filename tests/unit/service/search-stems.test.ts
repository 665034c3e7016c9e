// Word forms: a search finds other forms of its words through their Snowball stems, in the
// languages the library holds, while CJK stays substring search and rows found as typed rank first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../db/model';
import { languagesOf, stemText } from '../../../db/search/stems';
import { openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
const ids: Record<string, number> = {};
const marked = (s: string) => s.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');

beforeAll(async () => {
  lib = await openLibrary();
  const add = async (key: string, title: string, body: string, language?: string) => {
    ids[key] = (await lib.call('addSource', { title, body, language })).source.id;
  };
  await add('ru', 'Учения у границы', 'Министр обороны прибыл в Турцию. Западных стран на учениях не было.', 'ru');
  await add('en', 'Exercise report', 'The brigade exercised near the border; two exercises were observed by satellites.', 'en');
  await add('de', 'Manöverbericht', 'Die Truppen übten in den Ländern des Bündnisses, die Häuser blieben leer.');
  await add('zh', '演习报告', '北京和东京的代表表示，谈判将于下周恢复。');
  await add('plain', 'Турция и переговоры', 'Турция заявила о переговорах.', 'ru');
});
afterAll(async () => {
  await lib.close();
});

const sourceIds = async (query: string) => (await lib.call('search', { query })).sources.map((h) => h.id);

describe('word forms', () => {
  it('finds Турцию for Турция, after the source that has Турция as typed', async () => {
    const r = await lib.call('search', { query: 'Турция' });
    expect(r.sources.map((h) => h.id)).toEqual([ids.plain, ids.ru]);
    expect(r.sources.map((h) => h.wordForm)).toEqual([false, true]);
    expect(marked(r.sources[1]!.snippet)).toContain('[Турцию]');
  });

  it('finds западных стран for западные страны, as words and as a quoted phrase', async () => {
    expect(await sourceIds('западные страны')).toEqual([ids.ru]);
    expect(await sourceIds('"западные страны"')).toEqual([ids.ru]);
    const hit = (await lib.call('search', { query: 'западные страны' })).sources[0]!;
    expect(marked(hit.snippet)).toContain('[Западных] [стран]');
    // A phrase keeps its order: the words apart or reversed are not the phrase.
    expect(await sourceIds('"стран западных"')).toEqual([]);
  });

  it('finds English forms: exercise, exercises, exercised', async () => {
    for (const q of ['exercise', 'exercising', 'EXERCISES']) expect(await sourceIds(q)).toContain(ids.en);
    const r = await lib.call('search', { query: 'exercising' });
    expect(marked(r.sources.find((h) => h.id === ids.en)!.snippet)).toContain('[exercised]');
  });

  it('finds German forms in a text whose language was not stated (guessed from its words)', async () => {
    expect(await sourceIds('Land')).toContain(ids.de);
    expect(await sourceIds('Haus')).toContain(ids.de);
    expect(await sourceIds('Truppe')).toContain(ids.de);
  });

  it('leaves CJK as substring search: no stems, same hits as before', async () => {
    expect(await sourceIds('北京')).toEqual([ids.zh]);
    expect(await sourceIds('谈判将')).toEqual([ids.zh]);
    expect(stemText('北京和东京', languagesOf('北京和东京', null))).toBe('');
  });

  it('stems quotes and claims too, and follows edits', async () => {
    const quote = await lib.call('createQuote', { sourceId: ids.ru!, start: 0, end: 15, note: 'О западных партнёрах' });
    expect((await lib.call('search', { query: 'западные', kinds: ['quote'] })).quotes.map((h) => h.id)).toEqual([quote.id]);
    const brief = await lib.call('createBrief', { title: 'Оценка' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: 'Турции не было на учениях.' });
    expect((await lib.call('search', { query: 'Турция', kinds: ['claim'] })).claims.map((h) => h.id)).toEqual([claim.id]);
    await lib.call('updateClaim', { id: claim.id, text: 'Греции не было.' });
    expect((await lib.call('search', { query: 'Турция', kinds: ['claim'] })).claims).toEqual([]);
    await lib.call('deleteQuote', { id: quote.id });
    expect((await lib.call('search', { query: 'западные', kinds: ['quote'] })).quotes).toEqual([]);
  });

  it('a stated language decides the stemmer of its script', () => {
    expect(languagesOf('Ländern', 'de').latin).toBe('de');
    expect(languagesOf('Ländern', 'de-AT').latin).toBe('de');
    expect(languagesOf('The troops and the houses', null).latin).toBe('en');
    expect(languagesOf('Україна і Польща', null).cyrillic).toBe('uk');
    expect(stemText('Турцию Турция', languagesOf('', 'ru'))).toBe('турц турц');
  });
});

describe('search syntax', () => {
  it.each(['NEAR(troops border)', 'exerc*', 'troops AND (border OR river)', 'title:exercise', 'troops -border'])(
    '%s gets a notice that words are matched as typed',
    async (query) => {
      const r = await lib.call('search', { query });
      expect(r.notice).toMatch(/^Words are matched as typed/);
    },
  );
  it('an ordinary query has no notice', async () => {
    expect((await lib.call('search', { query: 'troops border' })).notice).toBeNull();
    expect((await lib.call('search', { query: 'U.S.-led "peace talks"' })).notice).toBeNull();
  });
});

describe('tags in search', () => {
  it('finds tags by part of their name in any case', async () => {
    const tag = await lib.call('createTag', { name: 'Учения 2026' });
    await lib.call('attachTag', { tagId: tag.id, target: { kind: 'source', id: ids.ru! } });
    const r = await lib.call('search', { query: 'учени' });
    expect(r.tags).toEqual([expect.objectContaining({ id: tag.id, name: 'Учения 2026', sources: 1 })]);
    expect((await lib.call('search', { query: '#учения' })).tags.map((t) => t.id)).toEqual([tag.id]);
  });
});
