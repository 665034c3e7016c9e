// Word forms (db/search/stems.ts): every source, quote and claim is also indexed as the Snowball stems of
// its words, so `Турция` finds `Турцию`. The stems are made in JS when a row is written and stored in
// these contentless FTS5 tables; the triggers here are plain SQL and only note which rows need new
// stems (stem_pending) or drop the stems of a deleted row. Opening the library stems what is pending,
// which right after this migration is every existing row.
import type { Database } from 'better-sqlite3';

export const version = 5;

/** The three kinds of row that are stemmed, each with its stem table's columns and the columns whose change needs new stems. */
const STEMMED = [
  { kind: 'source', stemColumns: 'title, body', changedBy: 'title, language' },
  { kind: 'quote', stemColumns: 'exact, note', changedBy: 'note' },
  { kind: 'claim', stemColumns: 'text', changedBy: 'text' },
] as const;

const noteRow = (kind: string) => `INSERT OR IGNORE INTO stem_pending (kind, id) VALUES ('${kind}', NEW.id);`;

/** A new row, or a change to changedBy, notes the row for stemming. (The SQL text, spacing included, is what libraries store.) */
const noteTriggers = (kind: string, changedBy: string) => `
    CREATE TRIGGER ${kind}_stem_insert AFTER INSERT ON ${kind} BEGIN
      ${noteRow(kind)}
    END;
    CREATE TRIGGER ${kind}_stem_update AFTER UPDATE OF ${changedBy} ON ${kind} BEGIN
      ${noteRow(kind)}
    END;`;

/** A deleted row takes its stems and its pending note with it. */
const deleteTrigger = (kind: string) => `
    CREATE TRIGGER ${kind}_stem_delete AFTER DELETE ON ${kind} BEGIN
      DELETE FROM ${kind}_stem WHERE rowid = OLD.id;
      DELETE FROM stem_pending WHERE kind = '${kind}' AND id = OLD.id;
    END;
`;

export function up(db: Database): void {
  // Only the text of each statement is stored, so the layout between statements is free.
  for (const t of STEMMED) {
    db.exec(`CREATE VIRTUAL TABLE ${t.kind}_stem USING fts5(${t.stemColumns}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');`);
  }
  db.exec(`
    CREATE TABLE stem_pending (
      kind TEXT NOT NULL CHECK (kind IN ('source','quote','claim')),
      id   INTEGER NOT NULL,
      PRIMARY KEY (kind, id)
    ) STRICT, WITHOUT ROWID;

    -- The stemming languages the library's texts were stemmed in; a query word is stemmed in each.
    CREATE TABLE stem_language (lang TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
  `);
  for (const t of STEMMED) db.exec(`INSERT INTO stem_pending (kind, id) SELECT '${t.kind}', id FROM ${t.kind};`);
  for (const t of STEMMED) {
    db.exec(noteTriggers(t.kind, t.changedBy));
    if (t.kind === 'source') {
      // A quote is stemmed in its source's language.
      db.exec(`
    CREATE TRIGGER source_stem_language AFTER UPDATE OF language ON source WHEN NEW.language IS NOT OLD.language BEGIN
      INSERT OR IGNORE INTO stem_pending (kind, id) SELECT 'quote', id FROM quote WHERE source_id = NEW.id;
    END;`);
    }
    db.exec(deleteTrigger(t.kind));
  }
}
