// The brief's undo history lives in the store, beside the rows it changes: each step holds the
// operations that undo it and the ones that redo it, written in the same transaction as the change,
// so the history survives a reload and can never disagree with what is stored.
//
// Undoing a deletion puts rows back under their old ids, so every later step still names the right
// row. That needs ids that are never handed out twice: SQLite reuses the highest id after it is
// deleted, so retired_id remembers the highest id ever deleted per table and inserts go above it.
import type { Database } from 'better-sqlite3';

export const version = 4;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE undo_step (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      brief_id   INTEGER NOT NULL REFERENCES brief(id) ON DELETE CASCADE,
      label      TEXT NOT NULL CHECK (length(label) > 0),
      undo_ops   TEXT NOT NULL CHECK (json_valid(undo_ops)),
      redo_ops   TEXT NOT NULL CHECK (json_valid(redo_ops)),
      undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX undo_step_brief ON undo_step(brief_id, undone, id);

    CREATE TABLE retired_id (
      name TEXT PRIMARY KEY CHECK (name IN ('claim', 'citation')),
      max_id INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    INSERT INTO retired_id (name, max_id) VALUES
      ('claim', (SELECT coalesce(max(id), 0) FROM claim)),
      ('citation', (SELECT coalesce(max(id), 0) FROM citation));

    CREATE TRIGGER claim_retire_id AFTER DELETE ON claim BEGIN
      UPDATE retired_id SET max_id = max(max_id, OLD.id) WHERE name = 'claim';
    END;
    CREATE TRIGGER citation_retire_id AFTER DELETE ON citation BEGIN
      UPDATE retired_id SET max_id = max(max_id, OLD.id) WHERE name = 'citation';
    END;
  `);
}
