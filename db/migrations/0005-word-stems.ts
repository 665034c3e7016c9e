// Word forms (db/search/stems.ts): every source, quote and claim is also indexed as the Snowball stems of
// its words, so `Турция` finds `Турцию`. The stems are made in JS when a row is written and stored in
// these contentless FTS5 tables; the triggers here are plain SQL and only note which rows need new
// stems (stem_pending) or drop the stems of a deleted row. Opening the library stems what is pending,
// which right after this migration is every existing row.
import type { Database } from 'better-sqlite3';

export const version = 5;

export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE source_stem USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE quote_stem USING fts5(exact, note, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE claim_stem USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

    CREATE TABLE stem_pending (
      kind TEXT NOT NULL CHECK (kind IN ('source','quote','claim')),
      id   INTEGER NOT NULL,
      PRIMARY KEY (kind, id)
    ) STRICT, WITHOUT ROWID;

    -- The stemming languages the library's texts were stemmed in; a query word is stemmed in each.
    CREATE TABLE stem_language (lang TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

    INSERT INTO stem_pending (kind, id) SELECT 'source', id FROM source;
    INSERT INTO stem_pending (kind, id) SELECT 'quote', id FROM quote;
    INSERT INTO stem_pending (kind, id) SELECT 'claim', id FROM claim;

    CREATE TRIGGER source_stem_insert AFTER INSERT ON source BEGIN
      INSERT OR IGNORE INTO stem_pending (kind, id) VALUES ('source', NEW.id);
    END;
    CREATE TRIGGER source_stem_update AFTER UPDATE OF title, language ON source BEGIN
      INSERT OR IGNORE INTO stem_pending (kind, id) VALUES ('source', NEW.id);
    END;
    -- A quote is stemmed in its source's language.
    CREATE TRIGGER source_stem_language AFTER UPDATE OF language ON source WHEN NEW.language IS NOT OLD.language BEGIN
      INSERT OR IGNORE INTO stem_pending (kind, id) SELECT 'quote', id FROM quote WHERE source_id = NEW.id;
    END;
    CREATE TRIGGER source_stem_delete AFTER DELETE ON source BEGIN
      DELETE FROM source_stem WHERE rowid = OLD.id;
      DELETE FROM stem_pending WHERE kind = 'source' AND id = OLD.id;
    END;

    CREATE TRIGGER quote_stem_insert AFTER INSERT ON quote BEGIN
      INSERT OR IGNORE INTO stem_pending (kind, id) VALUES ('quote', NEW.id);
    END;
    CREATE TRIGGER quote_stem_update AFTER UPDATE OF note ON quote BEGIN
      INSERT OR IGNORE INTO stem_pending (kind, id) VALUES ('quote', NEW.id);
    END;
    CREATE TRIGGER quote_stem_delete AFTER DELETE ON quote BEGIN
      DELETE FROM quote_stem WHERE rowid = OLD.id;
      DELETE FROM stem_pending WHERE kind = 'quote' AND id = OLD.id;
    END;

    CREATE TRIGGER claim_stem_insert AFTER INSERT ON claim BEGIN
      INSERT OR IGNORE INTO stem_pending (kind, id) VALUES ('claim', NEW.id);
    END;
    CREATE TRIGGER claim_stem_update AFTER UPDATE OF text ON claim BEGIN
      INSERT OR IGNORE INTO stem_pending (kind, id) VALUES ('claim', NEW.id);
    END;
    CREATE TRIGGER claim_stem_delete AFTER DELETE ON claim BEGIN
      DELETE FROM claim_stem WHERE rowid = OLD.id;
      DELETE FROM stem_pending WHERE kind = 'claim' AND id = OLD.id;
    END;
  `);
}
