// The library's own settings and marks (table app_meta): one value per key.
import type { Database } from 'better-sqlite3';
import { now, sql } from './stmt';

export type MetaKey = 'author_name' | 'stem_version' | 'demo_seeded_at';

export function readMeta(db: Database, key: MetaKey): string | undefined {
  return sql(db, 'SELECT value FROM app_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

export function writeMeta(db: Database, key: MetaKey, value: string): void {
  sql(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Records when the demo library was written (or refused); the first date stays. */
export function markDemoSeeded(db: Database): void {
  sql(db, "INSERT OR IGNORE INTO app_meta (key, value) VALUES ('demo_seeded_at', ?)").run(now());
}

/** True when the library holds any source or brief: the analyst's own work, which no demo joins. */
export function libraryHasContent(db: Database): boolean {
  return (sql(db, 'SELECT EXISTS (SELECT 1 FROM source) OR EXISTS (SELECT 1 FROM brief)').pluck().get() as number) === 1;
}
