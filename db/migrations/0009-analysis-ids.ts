// Undo of structured analysis (issue 12): deleting a hypothesis, an evidence row or a key assumption
// and undoing it puts the row back under its old id, so later history steps still name it. As for
// claims and citations (migration 4), ids must then never be handed out twice: retired_id learns these
// three tables. Its CHECK lists the names, so the table is rebuilt, with the triggers that use it.
// A claim may also cite the analysis itself (its ranking of the hypotheses): analysis_claim. The ACH
// matrix exports as CSV too, so export_record accepts that format.
import type { Database } from 'better-sqlite3';
import { widenCheck } from './0003-tradecraft';

export const version = 9;

const TABLES = ['claim', 'citation', 'ach_hypothesis', 'ach_row', 'key_assumption'];

export function up(db: Database): void {
  db.exec(`
    DROP TRIGGER claim_retire_id;
    DROP TRIGGER citation_retire_id;
    CREATE TABLE retired_id_next (
      name TEXT PRIMARY KEY CHECK (name IN (${TABLES.map((t) => `'${t}'`).join(', ')})),
      max_id INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    INSERT INTO retired_id_next (name, max_id) SELECT name, max_id FROM retired_id;
    INSERT INTO retired_id_next (name, max_id) VALUES
      ('ach_hypothesis', (SELECT coalesce(max(id), 0) FROM ach_hypothesis)),
      ('ach_row', (SELECT coalesce(max(id), 0) FROM ach_row)),
      ('key_assumption', (SELECT coalesce(max(id), 0) FROM key_assumption));
    DROP TABLE retired_id;
    ALTER TABLE retired_id_next RENAME TO retired_id;

    CREATE TABLE analysis_claim (
      claim_id    INTEGER PRIMARY KEY REFERENCES claim(id) ON DELETE CASCADE,
      analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX analysis_claim_analysis ON analysis_claim(analysis_id);
  `);
  widenCheck(db, 'export_record', "CHECK (format IN ('pdf','markdown','docx'))", "CHECK (format IN ('pdf','markdown','docx','csv'))", 9);
  for (const t of TABLES) {
    db.exec(`CREATE TRIGGER ${t}_retire_id AFTER DELETE ON ${t} BEGIN
      UPDATE retired_id SET max_id = max(max_id, OLD.id) WHERE name = '${t}';
    END;`);
  }
}
