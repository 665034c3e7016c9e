// Tradecraft fields (issue 11): ICD 203 likelihood per claim, the product template of a brief
// (organisation, dissemination, information cut-off, portion mark, likelihood row, source summary
// statement), the ICD 206 source type, and Word documents as a source and an export format.
// The value lists are written out here, not read from the vocabulary: a migration is history.
import type { Database } from 'better-sqlite3';

export const version = 3;

/**
 * Widens a CHECK (… IN (…)) list in place. SQLite documents editing the stored CREATE TABLE for
 * changes that leave every existing row valid (a constraint that accepts more); it avoids rebuilding
 * the source table, whose rows are referenced by passages and indexed by full-text triggers.
 * better-sqlite3 opens connections in defensive mode, which forbids it until unsafe mode is on.
 */
export function widenCheck(db: Database, table: string, before: string, after: string, migration = 3): void {
  const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined;
  if (!row?.sql.includes(before)) throw new Error(`Migration ${migration}: the ${table} table does not have the expected constraint ${before}.`);
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?").run(before, after, table);
    const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
    db.pragma(`schema_version = ${schemaVersion + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
}

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE claim ADD COLUMN likelihood TEXT
      CHECK (likelihood IN ('almost-no-chance','very-unlikely','unlikely','even-chance','likely','very-likely','almost-certain'));

    ALTER TABLE brief ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
    ALTER TABLE brief ADD COLUMN dissemination TEXT NOT NULL DEFAULT '';
    ALTER TABLE brief ADD COLUMN cutoff_date TEXT CHECK (cutoff_date IS NULL OR cutoff_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
    ALTER TABLE brief ADD COLUMN portion_mark TEXT NOT NULL DEFAULT '';
    ALTER TABLE brief ADD COLUMN likelihood_row TEXT NOT NULL DEFAULT 'likely' CHECK (likelihood_row IN ('likely','probable'));
    ALTER TABLE brief ADD COLUMN source_summary TEXT NOT NULL DEFAULT '';

    ALTER TABLE source ADD COLUMN source_type TEXT
      CHECK (source_type IN ('news-article','official-statement','government-document','think-tank-report',
                             'academic-paper','social-media-post','dataset','interview-other'));
  `);
  widenCheck(db, 'source', "CHECK (format IN ('text','markdown','html','pdf'))", "CHECK (format IN ('text','markdown','html','pdf','docx'))");
  widenCheck(db, 'export_record', "CHECK (format IN ('pdf','markdown'))", "CHECK (format IN ('pdf','markdown','docx'))");
}
