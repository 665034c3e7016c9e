// The ranking and snippets search computes itself (db/search/match.ts, rank.ts,
// bytes.ts) checked against what FTS5 itself would say on the same library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../db/model';
import { caseVariants, countIn, snippetAt } from '../../../db/search/bytes';
import { openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
let db: Database;
beforeAll(async () => {
  lib = await openLibrary();
  db = lib.running.ctx.store.db;
  const filler = 'Officials met again on Tuesday to discuss the shipment schedule. ';
  for (let i = 0; i < 24; i += 1) {
    const mentions = Array.from({ length: i % 5 }, () => 'The harbour stayed open.').join(' ');
    const title = i % 7 === 0 ? `Harbour bulletin ${i}` : `Bulletin ${i}`;
    await lib.call('addSource', { title, body: `${filler.repeat(1 + (i % 4))}${mentions} A convoy waited ${i} hours.` });
  }
});
afterAll(async () => {
  await lib.close();
});

const marked = (s: string) => s.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');

/** FTS5's own bm25 for every match of `match`, by rowid. */
function ftsRanks(table: string, weights: string, match: string): Map<number, number> {
  const rows = db.prepare(`SELECT rowid AS id, bm25(${table}, ${weights}) AS r FROM ${table} WHERE ${table} MATCH ?`).all(match) as { id: number; r: number }[];
  return new Map(rows.map((x) => [x.id, x.r]));
}

describe('search ranking', () => {
  it('ranks a few sources from their texts exactly as FTS5 bm25() would, title weighted ten times', async () => {
    const r = await lib.call('search', { query: 'harbour', kinds: ['source'] });
    const expected = ftsRanks('source_fts', '10.0, 1.0', '"harbour"');
    expect(r.sources.length).toBe(expected.size);
    for (const hit of r.sources) expect(hit.rank).toBeCloseTo(expected.get(hit.id)!, 9);
    expect(r.sources.map((h) => h.rank)).toEqual([...r.sources.map((h) => h.rank)].sort((a, b) => a - b));
    expect(r.sources[0]!.title).toMatch(/^Harbour bulletin/);
  });

  it('weighs several terms by their IDF as bm25() does', async () => {
    const r = await lib.call('search', { query: 'HARBOUR convoy', kinds: ['source'] });
    const expected = ftsRanks('source_fts', '10.0, 1.0', '"HARBOUR" "convoy"');
    expect(r.sources.map((h) => h.id).sort()).toEqual([...expected.keys()].sort());
    for (const hit of r.sources) expect(hit.rank).toBeCloseTo(expected.get(hit.id)!, 9);
  });

  it('ranks quotes from their strings as bm25() does, the note weighted half', async () => {
    const { source } = await lib.call('addSource', { title: 'Port', body: 'The harbour master said the harbour would reopen. Fishing resumed.' });
    const a = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 49, note: 'about the harbour' });
    const b = await lib.call('createQuote', { sourceId: source.id, start: 50, end: 66, note: 'harbour fishing' });
    const r = await lib.call('search', { query: 'harbour', kinds: ['quote'] });
    const expected = ftsRanks('quote_fts', '1.0, 0.5', '"harbour"');
    expect(r.quotes.map((h) => h.id)).toEqual([a.id, b.id]);
    for (const hit of r.quotes) expect(hit.rank).toBeCloseTo(expected.get(hit.id)!, 9);
    await lib.call('deleteSource', { id: source.id });
  });

  it('ranks many matching sources by bm25() over the newest matches, and still shows all their snippets', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 205; i += 1) {
      const title = i === 7 ? 'Ledger of the port' : `Entry ${i}`;
      ids.push((await lib.call('addSource', { title, body: `A ledger line ${i}. ${'Cargo weighed and logged. '.repeat(1 + (i % 3))}` })).source.id);
    }
    const r = await lib.call('search', { query: 'ledger', kinds: ['source'], limit: 50 });
    const expected = ftsRanks('source_fts', '10.0, 1.0', '"ledger"');
    expect(r.sources).toHaveLength(50);
    expect(r.sources[0]!.title).toBe('Ledger of the port');
    for (const hit of r.sources) {
      expect(hit.rank).toBeCloseTo(expected.get(hit.id)!, 9);
      expect(marked(hit.snippet).toLowerCase()).toContain('[ledger]');
    }
    for (const id of ids) await lib.call('deleteSource', { id });
  });
});

describe('search phrases', () => {
  it('finds a pasted phrase only where it stands as written, not where its words are apart', async () => {
    const near = await lib.call('addSource', { title: 'Near', body: 'At dawn the convoy reached the harbour of Kherson.' });
    const apart = await lib.call('addSource', { title: 'Apart', body: 'The harbour was closed; the convoy reached the coast.' });
    const r = await lib.call('search', { query: '"Convoy reached the harbour"', kinds: ['source'] });
    expect(r.sources.map((h) => h.id)).toEqual([near.source.id]);
    expect(marked(r.sources[0]!.snippet)).toContain('[convoy reached the harbour]');
    await lib.call('deleteSource', { id: near.source.id });
    await lib.call('deleteSource', { id: apart.source.id });
  });

  it('keeps the newest matches of a phrase first among equals', async () => {
    // Same lengths and counts, so equal ranks; the bodies differ only so they are not one source.
    const first = await lib.call('addSource', { title: 'One', body: 'the grain deal was signed.' });
    const second = await lib.call('addSource', { title: 'Two', body: 'the grain deal was signed!' });
    const r = await lib.call('search', { query: '"grain deal was"', kinds: ['source'] });
    expect(r.sources.map((h) => h.id)).toEqual([second.source.id, first.source.id]);
    await lib.call('deleteSource', { id: first.source.id });
    await lib.call('deleteSource', { id: second.source.id });
  });
});

describe('search snippets from stored bytes', () => {
  it('cuts a long Cyrillic body at character boundaries and marks the word', async () => {
    const body = `${'Переговоры продолжались долго. '.repeat(60)}Делегация прибыла в Анкару. ${'Стороны обменялись заявлениями. '.repeat(60)}`;
    const { source } = await lib.call('addSource', { title: 'Делегация', body });
    const hit = (await lib.call('search', { query: 'АНКАРУ', kinds: ['source'] })).sources[0]!;
    expect(hit.id).toBe(source.id);
    expect(marked(hit.snippet)).toMatch(/^….*\[Анкару\].*…$/s);
    expect(hit.snippet).not.toContain('\uFFFD');
    await lib.call('deleteSource', { id: source.id });
  });

  it('marks a match in an unusual mix of cases through FTS5', async () => {
    const { source } = await lib.call('addSource', { title: 'Caps', body: `${'x '.repeat(200)}the HaRbOuR opened` });
    const hit = (await lib.call('search', { query: 'harbour opened', kinds: ['source'] })).sources.find((h) => h.id === source.id)!;
    expect(marked(hit.snippet)).toMatch(/\[HaRbOuR\]/);
    await lib.call('deleteSource', { id: source.id });
  });

  it('counts each spelling of a term in bytes, overlapping ones too', () => {
    const spellings = caseVariants('анкара');
    expect(spellings.map((s) => s.toString())).toEqual(expect.arrayContaining(['анкара', 'АНКАРА', 'Анкара']));
    expect(countIn(Buffer.from('Анкара, анкара и АНКАРА; не Анкор'), spellings)).toBe(3);
    expect(countIn(Buffer.from('aaaa'), caseVariants('aaa'))).toBe(2);
  });

  it('never splits a character or a surrogate pair at a window edge', () => {
    const text = `${'😀𝒜й'.repeat(100)}target${'й𝒜😀'.repeat(100)}`;
    const buf = Buffer.from(text);
    const snip = snippetAt(buf, buf.indexOf('target'), ['target'])!;
    expect(snip).not.toContain('\uFFFD');
    expect(marked(snip)).toMatch(/^…(😀|𝒜|й).*\[target\].*…$/su);
  });
});
