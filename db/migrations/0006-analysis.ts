// Structured analysis (issue 12): an Analysis of Competing Hypotheses and a Key Assumptions Check
// per brief. A cell names its analysis twice over, through composite keys to the hypothesis and to
// the row, so the store itself refuses a cell joining a hypothesis of one analysis to a row of
// another. A passage used as evidence cannot vanish from under a row (RESTRICT, as citations):
// the service names the analysis instead. Value lists are written out: a migration is history.
import type { Database } from 'better-sqlite3';

export const version = 6;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE analysis (
      id                  INTEGER PRIMARY KEY,
      brief_id            INTEGER NOT NULL UNIQUE REFERENCES brief(id) ON DELETE CASCADE,
      question            TEXT NOT NULL DEFAULT '',
      weigh_relevance     INTEGER NOT NULL DEFAULT 0 CHECK (weigh_relevance IN (0, 1)),
      weigh_credibility   INTEGER NOT NULL DEFAULT 0 CHECK (weigh_credibility IN (0, 1)),
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL
    ) STRICT;

    CREATE TABLE ach_hypothesis (
      id          INTEGER PRIMARY KEY,
      analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
      position    INTEGER NOT NULL,
      text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
      UNIQUE (analysis_id, id),
      UNIQUE (analysis_id, position)
    ) STRICT;

    CREATE TABLE ach_row (
      id          INTEGER PRIMARY KEY,
      analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
      position    INTEGER NOT NULL,
      quote_id    INTEGER REFERENCES quote(id) ON DELETE RESTRICT,
      assumption  TEXT CHECK (assumption IS NULL OR length(assumption) BETWEEN 1 AND 2000),
      relevance   TEXT NOT NULL DEFAULT 'medium' CHECK (relevance IN ('low','medium','high')),
      CHECK ((quote_id IS NULL) <> (assumption IS NULL)),
      UNIQUE (analysis_id, id),
      UNIQUE (analysis_id, position),
      UNIQUE (analysis_id, quote_id)
    ) STRICT;
    CREATE INDEX ach_row_quote ON ach_row(quote_id) WHERE quote_id IS NOT NULL;

    CREATE TABLE ach_cell (
      analysis_id   INTEGER NOT NULL,
      hypothesis_id INTEGER NOT NULL,
      row_id        INTEGER NOT NULL,
      rating        TEXT NOT NULL CHECK (rating IN ('CC','C','N','I','II')),
      PRIMARY KEY (row_id, hypothesis_id),
      FOREIGN KEY (analysis_id, hypothesis_id) REFERENCES ach_hypothesis(analysis_id, id) ON DELETE CASCADE,
      FOREIGN KEY (analysis_id, row_id) REFERENCES ach_row(analysis_id, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX ach_cell_hypothesis ON ach_cell(analysis_id, hypothesis_id);
    CREATE INDEX ach_cell_row ON ach_cell(analysis_id, row_id);

    CREATE TABLE key_assumption (
      id         INTEGER PRIMARY KEY,
      brief_id   INTEGER NOT NULL REFERENCES brief(id) ON DELETE CASCADE,
      position   INTEGER NOT NULL,
      text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      status     TEXT NOT NULL DEFAULT 'solid' CHECK (status IN ('solid','caveats','unsupported')),
      note       TEXT NOT NULL DEFAULT '',
      UNIQUE (brief_id, position)
    ) STRICT;

    CREATE TABLE key_assumption_claim (
      assumption_id INTEGER NOT NULL REFERENCES key_assumption(id) ON DELETE CASCADE,
      claim_id      INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
      PRIMARY KEY (assumption_id, claim_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX key_assumption_claim_claim ON key_assumption_claim(claim_id);
  `);
}
