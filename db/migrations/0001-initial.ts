// The first schema. STRICT tables, delete behaviour spelled out on every foreign key, an index for
// every lookup the UI makes. Rules that keep citations trustworthy live here, in the store itself:
//  - a source body never changes after import (trigger);
//  - a quote's exact text equals the UTF-16 slice of its source body, and its prefix/suffix are that
//    body's neighbouring text (trigger, via the sm_quote_matches function registered by db/functions.ts);
//  - tag names are unique ignoring case in every script (unique index on sm_casefold(name)).
import type { Database } from 'better-sqlite3';

export const version = 1;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE app_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE source (
      id           INTEGER PRIMARY KEY,
      title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      outlet       TEXT,
      author       TEXT,
      url          TEXT,
      published_at TEXT,
      accessed_at  TEXT,
      language     TEXT,
      reliability  TEXT CHECK (reliability IN ('A','B','C','D','E','F')),
      format       TEXT NOT NULL DEFAULT 'text' CHECK (format IN ('text','markdown','html','pdf')),
      body         TEXT NOT NULL CHECK (length(body) > 0),
      body_sha256  TEXT NOT NULL CHECK (length(body_sha256) = 64),
      body_length  INTEGER NOT NULL CHECK (body_length > 0),
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    -- The same text is never stored twice: an import of a known text shows the existing source.
    CREATE UNIQUE INDEX source_body_sha256 ON source(body_sha256);
    CREATE INDEX source_created ON source(created_at DESC, id DESC);

    CREATE TRIGGER source_body_immutable
      BEFORE UPDATE OF body, body_sha256, body_length ON source
      WHEN NEW.body IS NOT OLD.body OR NEW.body_sha256 IS NOT OLD.body_sha256 OR NEW.body_length IS NOT OLD.body_length
    BEGIN
      SELECT RAISE(ABORT, 'SOURCE_BODY_IMMUTABLE: a source text never changes after import; import the new text as a new source');
    END;

    CREATE TABLE quote (
      id          INTEGER PRIMARY KEY,
      source_id   INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
      start       INTEGER NOT NULL CHECK (start >= 0),
      "end"       INTEGER NOT NULL CHECK ("end" > start),
      exact       TEXT NOT NULL,
      prefix      TEXT NOT NULL,
      suffix      TEXT NOT NULL,
      credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
      note        TEXT NOT NULL DEFAULT '',
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX quote_source ON quote(source_id, start);

    CREATE TRIGGER quote_matches_body_insert
      BEFORE INSERT ON quote
    BEGIN
      SELECT RAISE(ABORT, 'QUOTE_MISMATCH: the quoted text is not the source text at that place')
        WHERE NOT sm_quote_matches((SELECT body FROM source WHERE id = NEW.source_id), NEW.start, NEW."end", NEW.exact, NEW.prefix, NEW.suffix);
    END;
    CREATE TRIGGER quote_anchor_immutable
      BEFORE UPDATE OF source_id, start, "end", exact, prefix, suffix ON quote
      WHEN NEW.source_id IS NOT OLD.source_id OR NEW.start IS NOT OLD.start OR NEW."end" IS NOT OLD."end"
        OR NEW.exact IS NOT OLD.exact OR NEW.prefix IS NOT OLD.prefix OR NEW.suffix IS NOT OLD.suffix
    BEGIN
      SELECT RAISE(ABORT, 'QUOTE_MISMATCH: a passage keeps its place; delete it and quote again');
    END;

    CREATE TABLE brief (
      id         INTEGER PRIMARY KEY,
      title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      marking    TEXT NOT NULL DEFAULT 'UNCLASSIFIED',
      summary    TEXT NOT NULL DEFAULT '',
      author     TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE claim (
      id         INTEGER PRIMARY KEY,
      brief_id   INTEGER NOT NULL REFERENCES brief(id) ON DELETE CASCADE,
      position   TEXT NOT NULL,
      text       TEXT NOT NULL,
      confidence TEXT CHECK (confidence IN ('low','moderate','high')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (brief_id, position)
    ) STRICT;

    CREATE TABLE citation (
      id         INTEGER PRIMARY KEY,
      claim_id   INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
      -- A cited passage cannot vanish under a claim: the service names the citing claims instead,
      -- and removes the citations first only when the analyst asks for it.
      quote_id   INTEGER NOT NULL REFERENCES quote(id) ON DELETE RESTRICT,
      relation   TEXT NOT NULL DEFAULT 'supports' CHECK (relation IN ('supports','contradicts','context')),
      position   TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (claim_id, quote_id),
      UNIQUE (claim_id, position)
    ) STRICT;
    CREATE INDEX citation_quote ON citation(quote_id);

    CREATE TABLE tag (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 64),
      colour     TEXT NOT NULL DEFAULT '#64748b' CHECK (colour GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX tag_name_folded ON tag(sm_casefold(name));

    CREATE TABLE source_tag (
      source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
      tag_id    INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
      PRIMARY KEY (source_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX source_tag_tag ON source_tag(tag_id, source_id);

    CREATE TABLE quote_tag (
      quote_id INTEGER NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
      tag_id   INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
      PRIMARY KEY (quote_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX quote_tag_tag ON quote_tag(tag_id, quote_id);

    CREATE TABLE claim_tag (
      claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
      tag_id   INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
      PRIMARY KEY (claim_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX claim_tag_tag ON claim_tag(tag_id, claim_id);

    CREATE TABLE export_record (
      id          INTEGER PRIMARY KEY,
      -- The audit trail outlives the brief: the title is kept and the link is cleared.
      brief_id    INTEGER REFERENCES brief(id) ON DELETE SET NULL,
      brief_title TEXT NOT NULL,
      format      TEXT NOT NULL CHECK (format IN ('pdf','markdown')),
      path        TEXT NOT NULL,
      sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
      bytes       INTEGER NOT NULL CHECK (bytes >= 0),
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX export_record_brief ON export_record(brief_id, created_at);

    -- Full-text search. The trigram tokenizer finds substrings in any script, so Chinese and
    -- Japanese (no spaces between words), Russian inflections and Arabic all match. External
    -- content keeps one copy of each text; triggers keep the indexes in step.
    CREATE VIRTUAL TABLE source_fts USING fts5(
      title, body, content='source', content_rowid='id', tokenize='trigram remove_diacritics 1'
    );
    CREATE VIRTUAL TABLE quote_fts USING fts5(
      exact, note, content='quote', content_rowid='id', tokenize='trigram remove_diacritics 1'
    );
    CREATE VIRTUAL TABLE claim_fts USING fts5(
      text, content='claim', content_rowid='id', tokenize='trigram remove_diacritics 1'
    );

    CREATE TRIGGER source_fts_insert AFTER INSERT ON source BEGIN
      INSERT INTO source_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
    END;
    CREATE TRIGGER source_fts_delete AFTER DELETE ON source BEGIN
      INSERT INTO source_fts(source_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
    END;
    CREATE TRIGGER source_fts_update AFTER UPDATE OF title ON source BEGIN
      INSERT INTO source_fts(source_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
      INSERT INTO source_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
    END;

    CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN
      INSERT INTO quote_fts(rowid, exact, note) VALUES (NEW.id, NEW.exact, NEW.note);
    END;
    CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
      INSERT INTO quote_fts(quote_fts, rowid, exact, note) VALUES ('delete', OLD.id, OLD.exact, OLD.note);
    END;
    CREATE TRIGGER quote_fts_update AFTER UPDATE OF note ON quote BEGIN
      INSERT INTO quote_fts(quote_fts, rowid, exact, note) VALUES ('delete', OLD.id, OLD.exact, OLD.note);
      INSERT INTO quote_fts(rowid, exact, note) VALUES (NEW.id, NEW.exact, NEW.note);
    END;

    CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
      INSERT INTO claim_fts(rowid, text) VALUES (NEW.id, NEW.text);
    END;
    CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
      INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
    END;
    CREATE TRIGGER claim_fts_update AFTER UPDATE OF text ON claim BEGIN
      INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
      INSERT INTO claim_fts(rowid, text) VALUES (NEW.id, NEW.text);
    END;
  `);
}
