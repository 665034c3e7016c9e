// Short Chinese, Japanese and Korean words. Most are one or two characters (北京, 交渉, 서울), too
// short for the trigram index, and scanning every text with LIKE takes ~80 ms on a large library.
// These contentless FTS5 tables hold each CJK character and each pair of neighbouring CJK
// characters as a token (made by sm_cjk_grams, registered by db/functions.ts), so such a word is an index lookup.
// Only CJK text produces tokens; the tables stay small for libraries in other scripts.
import type { Database } from 'better-sqlite3';

export const version = 2;

export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE source_cjk USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61');
    CREATE VIRTUAL TABLE quote_cjk USING fts5(exact, note, content='', contentless_delete=1, tokenize='unicode61');
    CREATE VIRTUAL TABLE claim_cjk USING fts5(text, content='', contentless_delete=1, tokenize='unicode61');

    INSERT INTO source_cjk(rowid, title, body) SELECT id, sm_cjk_grams(title), sm_cjk_grams(body) FROM source;
    INSERT INTO quote_cjk(rowid, exact, note) SELECT id, sm_cjk_grams(exact), sm_cjk_grams(note) FROM quote;
    INSERT INTO claim_cjk(rowid, text) SELECT id, sm_cjk_grams(text) FROM claim;

    CREATE TRIGGER source_cjk_insert AFTER INSERT ON source BEGIN
      INSERT INTO source_cjk(rowid, title, body) VALUES (NEW.id, sm_cjk_grams(NEW.title), sm_cjk_grams(NEW.body));
    END;
    CREATE TRIGGER source_cjk_delete AFTER DELETE ON source BEGIN
      DELETE FROM source_cjk WHERE rowid = OLD.id;
    END;
    CREATE TRIGGER source_cjk_update AFTER UPDATE OF title ON source BEGIN
      DELETE FROM source_cjk WHERE rowid = OLD.id;
      INSERT INTO source_cjk(rowid, title, body) VALUES (NEW.id, sm_cjk_grams(NEW.title), sm_cjk_grams(NEW.body));
    END;

    CREATE TRIGGER quote_cjk_insert AFTER INSERT ON quote BEGIN
      INSERT INTO quote_cjk(rowid, exact, note) VALUES (NEW.id, sm_cjk_grams(NEW.exact), sm_cjk_grams(NEW.note));
    END;
    CREATE TRIGGER quote_cjk_delete AFTER DELETE ON quote BEGIN
      DELETE FROM quote_cjk WHERE rowid = OLD.id;
    END;
    CREATE TRIGGER quote_cjk_update AFTER UPDATE OF note ON quote BEGIN
      DELETE FROM quote_cjk WHERE rowid = OLD.id;
      INSERT INTO quote_cjk(rowid, exact, note) VALUES (NEW.id, sm_cjk_grams(NEW.exact), sm_cjk_grams(NEW.note));
    END;

    CREATE TRIGGER claim_cjk_insert AFTER INSERT ON claim BEGIN
      INSERT INTO claim_cjk(rowid, text) VALUES (NEW.id, sm_cjk_grams(NEW.text));
    END;
    CREATE TRIGGER claim_cjk_delete AFTER DELETE ON claim BEGIN
      DELETE FROM claim_cjk WHERE rowid = OLD.id;
    END;
    CREATE TRIGGER claim_cjk_update AFTER UPDATE OF text ON claim BEGIN
      DELETE FROM claim_cjk WHERE rowid = OLD.id;
      INSERT INTO claim_cjk(rowid, text) VALUES (NEW.id, sm_cjk_grams(NEW.text));
    END;
  `);
}
