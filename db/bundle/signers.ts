// Who this library knows: the author name its bundles carry, and the signers marked as known.
import type { Database } from 'better-sqlite3';
import { readMeta, writeMeta } from '../app-meta';
import { now, sql, write } from '../stmt';

export function authorName(db: Database): string {
  return readMeta(db, 'author_name') ?? '';
}

export function setAuthorName(db: Database, name: string): void {
  write(db, () => writeMeta(db, 'author_name', name));
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
