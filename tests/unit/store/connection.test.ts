import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, openStore } from '../../../db/connection';
import { migrations } from '../../../db/migrations';
import { APPLICATION_ID } from '../../../db/library-file';
import type { Migration } from '../../../db/migrations';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-store-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const NEXT = migrations.length + 1;
const next: Migration = {
  version: NEXT,
  up: (db) => db.exec('CREATE TABLE saved_search (id INTEGER PRIMARY KEY, query TEXT NOT NULL) STRICT'),
};

describe('opening the library file', () => {
  it('sets WAL, FULL sync and foreign keys, and brings a new file to the latest schema without a backup', async () => {
    const file = path.join(dir, 'nested', 'library.sqlite');
    const backups: string[] = [];
    const store = await openStore(file, { onBackup: (p) => backups.push(p) });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(store.schemaVersion).toBe(migrations.length);
    const strict = store.db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'").pluck().all();
    expect(strict).toEqual([]);
    store.close();
    expect(backups).toEqual([]);
  });

  it('copies an existing file aside with its data before migrating it', async () => {
    const file = path.join(dir, 'library.sqlite');
    const first = await openStore(file);
    first.db.prepare("INSERT INTO brief (title, created_at, updated_at) VALUES ('Kept', 'x', 'x')").run();
    first.close();

    const backups: string[] = [];
    const upgraded = await openStore(file, { migrations: [...migrations, next], onBackup: (p) => backups.push(p) });
    expect(upgraded.schemaVersion).toBe(NEXT);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(NEXT);
    expect(upgraded.db.prepare('SELECT count(*) FROM saved_search').pluck().get()).toBe(0);
    upgraded.close();

    expect(backups).toHaveLength(1);
    expect(path.basename(backups[0]!)).toMatch(new RegExp(`^library\\.sqlite\\.before-v${NEXT}-.*\\.bak$`));
    const copy = new Database(backups[0]!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(copy.prepare('SELECT title FROM brief').pluck().all()).toEqual(['Kept']);
    expect(copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'saved_search'").pluck().get()).toBe(0);
    copy.close();
  });

  it('leaves the file at its old version when a migration fails, keeping the backup', async () => {
    const file = path.join(dir, 'library.sqlite');
    (await openStore(file)).close();
    const broken: Migration = {
      version: NEXT,
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY)');
        throw new Error('disk on fire');
      },
    };
    const backups: string[] = [];
    await expect(openStore(file, { migrations: [...migrations, broken], onBackup: (p) => backups.push(p) })).rejects.toThrow('disk on fire');
    expect(backups).toHaveLength(1);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses another application\'s SQLite file without writing a byte to it', async () => {
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep me')");
    old.close();
    const before = fs.readFileSync(file);
    const backups: string[] = [];
    await expect(openStore(file, { onBackup: (p) => backups.push(p) })).rejects.toMatchObject({ code: 'LIBRARY_REFUSED', message: expect.stringContaining(file) });
    expect(backups).toEqual([]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['old.sqlite']);
  });

  it('stamps a library with its application id, and still opens one from before the stamp', async () => {
    const file = path.join(dir, 'library.sqlite');
    const store = await openStore(file);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    store.db.pragma('application_id = 0');
    store.close();
    const again = await openStore(file);
    expect(again.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    again.close();
  });

  it('refuses a file from a newer Sourcemark, saying so', async () => {
    const file = path.join(dir, 'library.sqlite');
    (await openStore(file, { migrations: [...migrations, next] })).close();
    await expect(openStore(file)).rejects.toMatchObject({ code: 'STORE_FAILED', message: expect.stringContaining(`newer Sourcemark (schema ${NEXT}`) });
  });

  it('upgrades a version 1 library: the CJK index is filled from the texts already there', async () => {
    const file = path.join(dir, 'library.sqlite');
    const v1 = await openStore(file, { migrations: migrations.slice(0, 1) });
    v1.db
      .prepare("INSERT INTO source (title, format, body, body_sha256, body_length, created_at, updated_at) VALUES ('会谈', 'text', ?, ?, ?, 'x', 'x')")
      .run('代表在北京会面', 'a'.repeat(64), 7);
    v1.close();
    const backups: string[] = [];
    const store = await openStore(file, { onBackup: (p) => backups.push(p) });
    expect(backups).toHaveLength(1);
    expect(store.db.prepare("SELECT rowid FROM source_cjk WHERE source_cjk MATCH '\"北京\"'").pluck().all()).toEqual([1]);
    store.close();
  });

  it('refuses a tag whose name differs only by case even through SQL', async () => {
    const store = await openStore(path.join(dir, 'library.sqlite'));
    // Tag rows carry their folded name (migration 10); the unique index is on it.
    const add = store.db.prepare("INSERT INTO tag (name, name_folded, created_at) VALUES (?, ?, 'x')");
    add.run('Ёлка', 'ёлка');
    expect(() => add.run('ёЛКА', 'ёлка')).toThrow(/UNIQUE/);
    expect(() => store.db.prepare("INSERT INTO tag (name, created_at) VALUES ('Пихта', 'x')").run()).toThrow(/TAG_NAME_FOLDED/);
    store.close();
  });
});
