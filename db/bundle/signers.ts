// Who this library knows: the author name its bundles carry, and the signers marked as known.
import type { Database } from 'better-sqlite3';
import { now, sql, write } from '../stmt';

export function authorName(db: Database): string {
  return (sql(db, "SELECT value FROM app_meta WHERE key = 'author_name'").pluck().get() as string | undefined) ?? '';
}

export function setAuthorName(db: Database, name: string): void {
  write(db, () => sql(db, "INSERT INTO app_meta (key, value) VALUES ('author_name', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(name));
}

export function knownSigner(db: Database, fingerprint: string): { name: string } | undefined {
  return sql(db, 'SELECT name FROM known_signer WHERE fingerprint = ?').get(fingerprint) as { name: string } | undefined;
}

export function markSignerKnown(db: Database, fingerprint: string, name: string): void {
  write(db, () =>
    sql(db, 'INSERT INTO known_signer (fingerprint, name, created_at) VALUES (?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name').run(
      fingerprint,
      name,
      now(),
    ),
  );
}
