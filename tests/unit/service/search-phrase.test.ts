// The phrase shortcut (db/search/phrase.ts) must find exactly what FTS5's own phrase query finds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { anchorTrigrams } from '../../../db/search/phrase';
import { fold } from '../../../db/search/rank';
import { openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
let db: Database;
const WORDS = ['convoy', 'harbour', 'reached', 'the', 'of', 'grain', 'Odesa', 'ministry', 'said', 'talks', 'résumé', 'Zürich', 'и', 'переговоры', 'Анкара'];
const bodies: string[] = [];
beforeAll(async () => {
  lib = await openLibrary();
  db = lib.running.ctx.store.db;
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 40; i += 1) {
    const body = Array.from({ length: 30 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(rand() < 0.5 ? ' ' : ', ');
    bodies.push(body);
    await lib.call('addSource', { title: `Report ${i}`, body });
  }
});
afterAll(async () => {
  await lib.close();
});

const ftsIds = (phrase: string) =>
  (db.prepare('SELECT rowid FROM source_fts WHERE source_fts MATCH ? ORDER BY rowid').pluck().all(`"${phrase.replaceAll('"', '""')}"`) as number[]).sort(
    (a, b) => a - b,
  );
// Hits found as typed; other forms of the words (stems) follow them and are tested in search-stems.test.ts.
const searchIds = async (phrase: string) =>
  (await lib.call('search', { query: `"${phrase}"`, kinds: ['source'], limit: 50 })).sources
    .filter((h) => !h.wordForm)
    .map((h) => h.id)
    .sort((a, b) => a - b);

describe('phrase search', () => {
  it('finds exactly the sources FTS5 finds for phrases cut from the texts, in other cases and without accents', async () => {
    const phrases: string[] = [];
    for (const [i, b] of bodies.entries()) {
      const at = (i * 37) % Math.max(1, b.length - 40);
      phrases.push(b.slice(at, at + 14 + (i % 20)).trim());
    }
    phrases.push('CONVOY REACHED THE HARBOUR', 'resume zurich talks', 'переговоры и анкара', 'harbour of the convoy said');
    let compared = 0;
    for (const p of phrases) {
      if (p.length < 3) continue;
      const expected = ftsIds(p);
      expect(await searchIds(p), p).toEqual(expected.slice(0, 50));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it("rejects a text that has the phrase's anchor trigrams close together but not the phrase", async () => {
    const right = await lib.call('addSource', { title: 'Right', body: 'Yesterday the convoy reached the harbour at noon.' });
    const wrong = await lib.call('addSource', { title: 'Wrong', body: 'Yesterday the harbour convoy reached them at noon.' });
    expect(anchorTrigrams('the convoy reached the harbour')).not.toContain('the');
    expect(await searchIds('the convoy reached the harbour')).toEqual([right.source.id]);
    await lib.call('deleteSource', { id: right.source.id });
    await lib.call('deleteSource', { id: wrong.source.id });
  });

  it('leaves letters JS and FTS5 fold differently to FTS5', async () => {
    const street = await lib.call('addSource', { title: 'Straße', body: 'Die Straße nach Berlin war am Morgen gesperrt.' });
    const greek = await lib.call('addSource', { title: 'Οδός', body: 'Η ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΑΘΗΝΑ ΕΚΛΕΙΣΕ ΣΗΜΕΡΑ' });
    for (const p of ['Straße nach Berlin', 'nach Berlin war am Morgen', 'ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΑΘΗΝΑ', 'οδοσ προσ την αθηνα']) expect(await searchIds(p), p).toEqual(ftsIds(p));
    expect(await searchIds('nach Berlin war am Morgen')).toEqual([street.source.id]);
    await lib.call('deleteSource', { id: street.source.id });
    await lib.call('deleteSource', { id: greek.source.id });
  });

  it('asks FTS5 for the whole phrase when its anchors are in too many texts to check', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 110; i += 1) ids.push((await lib.call('addSource', { title: `Wire ${i}`, body: `delegation summit communique ${i}` })).source.id);
    const exact = await lib.call('addSource', { title: 'Exact', body: 'the summit delegation communique' });
    expect(await searchIds('summit delegation communique')).toEqual([exact.source.id]);
    for (const id of [...ids, exact.source.id]) await lib.call('deleteSource', { id });
  });

  it('chooses anchors from long words and only for phrases long enough to have them', () => {
    expect(anchorTrigrams('of the')).toBeNull();
    expect(anchorTrigrams('the betengarri of trotra')).toEqual(expect.arrayContaining(['eng', 'rot']));
    expect(anchorTrigrams('the betengarri of trotra')).not.toContain('the');
    expect(fold('Café RÉSUMÉ Западные йод')).toBe('cafe resume западные йод');
  });
});
