// Stable global ids (issue 13, migration 7): a brief and a claim keep one identity across libraries, so a bundle
// that travels to another analyst and back is recognised as the same work. Sources and passages need
// no new column: a source is its body's SHA-256 and a passage is (source hash, start, end).
// Rows written by code that does not know about uids get one from the trigger; the random form is
// a UUID v4 spelled out in SQL so the schema does not depend on JavaScript.
import type { Database } from 'better-sqlite3';

export const version = 7;

const UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE brief ADD COLUMN uid TEXT;
    -- A brief imported beside a local one of the same identity names the brief it is a version of.
    ALTER TABLE brief ADD COLUMN version_of TEXT;
    ALTER TABLE claim ADD COLUMN uid TEXT;
    UPDATE brief SET uid = ${UUID} WHERE uid IS NULL;
    UPDATE claim SET uid = ${UUID} WHERE uid IS NULL;
    CREATE UNIQUE INDEX brief_uid ON brief(uid);
    CREATE UNIQUE INDEX claim_uid ON claim(uid);

    CREATE TRIGGER brief_uid_insert AFTER INSERT ON brief WHEN NEW.uid IS NULL BEGIN
      UPDATE brief SET uid = ${UUID} WHERE id = NEW.id;
    END;
    CREATE TRIGGER claim_uid_insert AFTER INSERT ON claim WHEN NEW.uid IS NULL BEGIN
      UPDATE claim SET uid = ${UUID} WHERE id = NEW.id;
    END;

    -- Signers this library's analyst has marked as known, by public-key fingerprint.
    CREATE TABLE known_signer (
      fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
      name        TEXT NOT NULL DEFAULT '',
      created_at  TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}
