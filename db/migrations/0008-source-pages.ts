// Page boundaries of sources imported from PDFs: the UTF-16 offset in the body where each page's
// text begins, so a passage knows its page(s) and citations can say "p. 4". Sources from other
// formats, and PDFs imported before this, have no rows here and show no page.
import type { Database } from 'better-sqlite3';

export const version = 8;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE source_page (
      source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
      page      INTEGER NOT NULL CHECK (page >= 1),
      start     INTEGER NOT NULL CHECK (start >= 0),
      PRIMARY KEY (source_id, page)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX source_page_start ON source_page (source_id, start, page);
  `);
}
