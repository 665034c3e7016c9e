// Migration 10: the schema no longer depends on JavaScript that can change. An existing library opens
// and is converted; tag names stay unique ignoring case, the quote trigger still refuses a passage
// that is not its source's text; any SQLite connection can read and write tags; and the live text
// rules still agree with the frozen helpers the triggers call.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/connection';
import { migrations } from '../../../db/migrations';
import { cjkGramsV1, foldV1, quoteMatchesV1 } from '../../../db/migrations/0010-stable-schema';
import { AppError } from '../../../db/errors';
import { sha256 } from '../../../db/sources';
import { insertTag } from '../../../db/tags';
import { casefold, cjkGrams, quoteContext, quoteMatchesBody } from '../../../db/text';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-stable-'));
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const BODY = 'Учения начались в понедельник. 北京 announced the drill.';

/** A library as the app wrote it before migration 10: two tags, a source and a passage. */
async function libraryAtVersion9(): Promise<void> {
  const old = await openStore(file, { migrations: migrations.slice(0, 9) });
  const t = '2026-01-01T00:00:00.000Z';
  old.db.prepare("INSERT INTO tag (name, colour, created_at) VALUES ('Запад', '#2563eb', ?), ('NATO', '#dc2626', ?)").run(t, t);
  old.db
    .prepare("INSERT INTO source (title, body, body_sha256, body_length, format, created_at, updated_at) VALUES ('Учения', ?, ?, ?, 'text', ?, ?)")
    .run(BODY, sha256(BODY), BODY.length, t, t);
  const ctx = quoteContext(BODY, 0, 6);
  old.db.prepare('INSERT INTO quote (source_id, start, "end", exact, prefix, suffix, created_at, updated_at) VALUES (1, 0, 6, ?, ?, ?, ?, ?)').run(BODY.slice(0, 6), ctx.prefix, ctx.suffix, t, t);
  expect(old.db.pragma('user_version', { simple: true })).toBe(9);
  old.close();
}

const schemaSql = (db: Database.Database) => (db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL').pluck().all() as string[]).join('\n');

describe('migration 10 on an existing library', () => {
  it('folds tag names into a stored column and keeps them unique ignoring case', async () => {
    await libraryAtVersion9();
    const store = await openStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(store.db.prepare('SELECT name, name_folded FROM tag ORDER BY id').all()).toEqual([
      { name: 'Запад', name_folded: 'запад' },
      { name: 'NATO', name_folded: 'nato' },
    ]);
    expect(() => insertTag(store.db, 'ЗАПАД', undefined)).toThrow(AppError);
    expect(() => store.db.prepare("INSERT INTO tag (name, name_folded, created_at) VALUES ('nato', 'nato', 'x')").run()).toThrow(/UNIQUE/);
    expect(insertTag(store.db, 'Восток', undefined).name).toBe('Восток');
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
  });

  it('keeps refusing a passage that is not its source text, and indexes CJK text as before', async () => {
    await libraryAtVersion9();
    const store = await openStore(file);
    const insert = store.db.prepare('INSERT INTO quote (source_id, start, "end", exact, prefix, suffix, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, \'x\', \'x\')');
    const ctx = quoteContext(BODY, 7, 14);
    expect(() => insert.run(7, 14, 'другое', ctx.prefix, ctx.suffix)).toThrow(/QUOTE_MISMATCH/);
    expect(() => insert.run(7, 14, BODY.slice(7, 14), '', ctx.suffix)).toThrow(/QUOTE_MISMATCH/);
    insert.run(7, 14, BODY.slice(7, 14), ctx.prefix, ctx.suffix);
    store.db.prepare("UPDATE source SET title = '北京演习' WHERE id = 1").run();
    expect(store.db.prepare("SELECT rowid FROM source_cjk WHERE source_cjk MATCH '\"演习\"'").pluck().all()).toEqual([1]);
    store.close();
  });

  it('leaves no index or trigger calling an unversioned function', async () => {
    await libraryAtVersion9();
    const store = await openStore(file);
    const calls = [...schemaSql(store.db).matchAll(/\b(sm_\w+)\s*\(/g)].map((m) => m[1]!);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((name) => !/_v\d+$/.test(name))).toEqual([]);
    store.close();
  });

  it('lets a plain SQLite connection, without the app functions, read and write tags', async () => {
    const store = await openStore(file);
    insertTag(store.db, 'Ёлка', undefined);
    store.close();
    const plain = new Database(file);
    try {
      expect(plain.prepare('SELECT name FROM tag').pluck().all()).toEqual(['Ёлка']);
      plain.prepare("INSERT INTO tag (name, name_folded, colour, created_at) VALUES ('Пихта', 'пихта', '#000000', 'x')").run();
      expect(() => plain.prepare("INSERT INTO tag (name, name_folded, colour, created_at) VALUES ('ЁЛКА', 'ёлка', '#000000', 'x')").run()).toThrow(/UNIQUE/);
      plain.prepare("UPDATE tag SET name = 'Ель', name_folded = 'ель' WHERE name = 'Ёлка'").run();
      expect(plain.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      plain.close();
    }
    const again = await openStore(file);
    expect(() => insertTag(again.db, 'ЕЛЬ', undefined)).toThrow(/already a tag "Ель"/);
    again.close();
  });
});

describe('the live text rules and the frozen helpers of migration 10', () => {
  // When one of these fails, the live rule changed: the triggers still apply v1, so the change needs
  // a new migration that registers a v2 helper and re-creates the triggers.
  it('fold, quote check and CJK grams agree', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(foldV1(s)).toBe(casefold(s));
        expect(cjkGramsV1(s)).toBe(cjkGrams(s));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }), fc.nat(), fc.nat(), (body, a, b) => {
        const start = a % body.length;
        const end = start + 1 + (b % (body.length - start));
        const ctx = quoteContext(body, start, end);
        const exact = body.slice(start, end);
        expect(quoteMatchesV1(body, start, end, exact, ctx.prefix, ctx.suffix)).toBe(quoteMatchesBody(body, start, end, exact, ctx.prefix, ctx.suffix));
      }),
    );
    expect(cjkGramsV1('北京演习')).toBe('北 北京 京 京演 演 演习 习');
  });
});
