// A migration that has shipped must never change what it writes: a library migrated years ago and
// one migrated today have to hold the same schema text in sqlite_master, or the same version number
// would mean two schemas. These snapshots were taken from the migrations as they shipped; a change to
// a migration's code (a refactor that builds its SQL differently) must leave them byte-identical.
// A new migration adds its own snapshot rather than changing these.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../../db/connection';
import { migrations } from '../../../db/migrations';

const SNAPSHOTS = path.join(__dirname, '..', '..', 'fixtures', 'schema');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-frozen-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** sqlite_master of a new library brought to `version`: one entry per object, by name, with its SQL as stored. */
async function schemaText(version: number): Promise<string> {
  const store = await openStore(path.join(dir, `v${version}.sqlite`), { migrations: migrations.slice(0, version) });
  try {
    const rows = store.db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
      type: string;
      name: string;
      tbl_name: string;
      sql: string | null;
    }[];
    return rows.map((r) => `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql ?? '(no sql)'}\n`).join('\n');
  } finally {
    store.close();
  }
}

/** Versions with a frozen snapshot: the word-stem triggers (5), the whole schema as of migration 10, and 11 (export_record learns 'bundle'). */
const FROZEN = [5, 10, 11];

it.each(FROZEN)('a library migrated to version %i has exactly the schema text that version shipped with', async (version) => {
  const expected = fs.readFileSync(path.join(SNAPSHOTS, `schema-v${version}.txt`), 'utf8');
  expect(await schemaText(version)).toBe(expected);
});
