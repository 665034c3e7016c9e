// The schema stops depending on JavaScript that can change. Before this, the tag-name index was an
// expression index on sm_casefold(name) and the triggers called sm_quote_matches and sm_cjk_grams:
// editing db/text.ts would silently change what an existing file's index and triggers mean (and an
// index whose function changed no longer matches its rows).
//  - Tag names are folded into a stored column, name_folded, written by the code that writes tags;
//    the unique index is on the column, so any SQLite connection can read and write tags.
//  - The helpers the triggers call are versioned with this migration: sm_quote_matches_v1 and
//    sm_cjk_grams_v1, implemented below and frozen. A change to either rule is a new migration that
//    registers a _v2 and re-creates the triggers; the live rules in db/text.ts are tested against these.
import type { Database } from 'better-sqlite3';

export const version = 10;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const codePointBoundary = (s: string, i: number) => i <= 0 || i >= s.length || !(isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i)));

/** Tag-name folding as of version 10: "Запад" and "запад" are one tag. */
export function foldV1(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim();
}

/** A passage's W3C TextQuoteSelector context as of version 10: up to 32 code units each side, whole code points. */
function contextV1(body: string, start: number, end: number): { prefix: string; suffix: string } {
  let p = Math.max(0, start - 32);
  if (!codePointBoundary(body, p)) p += 1;
  let q = Math.min(body.length, end + 32);
  if (!codePointBoundary(body, q)) q -= 1;
  return { prefix: body.slice(p, start), suffix: body.slice(end, q) };
}

/** The quote trigger's check as of version 10: the passage is its source's text at that place, with that context. */
export function quoteMatchesV1(body: string | null, start: number, end: number, exact: string, prefix: string, suffix: string): boolean {
  if (body == null) return false;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= body.length)) return false;
  if (!codePointBoundary(body, start) || !codePointBoundary(body, end)) return false;
  if (body.slice(start, end) !== exact) return false;
  const ctx = contextV1(body, start, end);
  return ctx.prefix === prefix && ctx.suffix === suffix;
}

const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+/gu;

/** The CJK index's tokens as of version 10: each CJK character and each pair of neighbours. */
export function cjkGramsV1(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(CJK_RUN)) {
    const chars = [...m[0]];
    for (let i = 0; i < chars.length; i += 1) {
      out.push(chars[i]!);
      if (i + 1 < chars.length) out.push(chars[i]! + chars[i + 1]!);
    }
  }
  return out.join(' ');
}

/** The functions this version's triggers call; every connection registers them (db/functions.ts). */
export function registerFunctions(db: Database): void {
  db.function('sm_cjk_grams_v1', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? cjkGramsV1(s) : ''));
  db.function('sm_quote_matches_v1', { deterministic: true }, (body: unknown, start: unknown, end: unknown, exact: unknown, prefix: unknown, suffix: unknown) =>
    quoteMatchesV1(typeof body === 'string' ? body : null, Number(start), Number(end), String(exact), String(prefix), String(suffix)) ? 1 : 0,
  );
}

export function up(db: Database): void {
  registerFunctions(db);
  db.exec(`
    ALTER TABLE tag ADD COLUMN name_folded TEXT;
    DROP INDEX tag_name_folded;
  `);
  const fold = db.prepare('UPDATE tag SET name_folded = ? WHERE id = ?');
  for (const t of db.prepare('SELECT id, name FROM tag').all() as { id: number; name: string }[]) fold.run(foldV1(t.name), t.id);
  db.exec(`
    CREATE UNIQUE INDEX tag_name_folded ON tag(name_folded);
    -- A tag written without its folded name would escape the uniqueness rule.
    CREATE TRIGGER tag_name_folded_required BEFORE INSERT ON tag WHEN NEW.name_folded IS NULL BEGIN
      SELECT RAISE(ABORT, 'TAG_NAME_FOLDED: a tag is written with its folded name (name_folded)');
    END;
    CREATE TRIGGER tag_name_folded_kept BEFORE UPDATE OF name_folded ON tag WHEN NEW.name_folded IS NULL BEGIN
      SELECT RAISE(ABORT, 'TAG_NAME_FOLDED: a tag is written with its folded name (name_folded)');
    END;

    DROP TRIGGER quote_matches_body_insert;
    CREATE TRIGGER quote_matches_body_insert
      BEFORE INSERT ON quote
    BEGIN
      SELECT RAISE(ABORT, 'QUOTE_MISMATCH: the quoted text is not the source text at that place')
        WHERE NOT sm_quote_matches_v1((SELECT body FROM source WHERE id = NEW.source_id), NEW.start, NEW."end", NEW.exact, NEW.prefix, NEW.suffix);
    END;

    DROP TRIGGER source_cjk_insert;
    DROP TRIGGER source_cjk_update;
    DROP TRIGGER quote_cjk_insert;
    DROP TRIGGER quote_cjk_update;
    DROP TRIGGER claim_cjk_insert;
    DROP TRIGGER claim_cjk_update;
    CREATE TRIGGER source_cjk_insert AFTER INSERT ON source BEGIN
      INSERT INTO source_cjk(rowid, title, body) VALUES (NEW.id, sm_cjk_grams_v1(NEW.title), sm_cjk_grams_v1(NEW.body));
    END;
    CREATE TRIGGER source_cjk_update AFTER UPDATE OF title ON source BEGIN
      DELETE FROM source_cjk WHERE rowid = OLD.id;
      INSERT INTO source_cjk(rowid, title, body) VALUES (NEW.id, sm_cjk_grams_v1(NEW.title), sm_cjk_grams_v1(NEW.body));
    END;
    CREATE TRIGGER quote_cjk_insert AFTER INSERT ON quote BEGIN
      INSERT INTO quote_cjk(rowid, exact, note) VALUES (NEW.id, sm_cjk_grams_v1(NEW.exact), sm_cjk_grams_v1(NEW.note));
    END;
    CREATE TRIGGER quote_cjk_update AFTER UPDATE OF note ON quote BEGIN
      DELETE FROM quote_cjk WHERE rowid = OLD.id;
      INSERT INTO quote_cjk(rowid, exact, note) VALUES (NEW.id, sm_cjk_grams_v1(NEW.exact), sm_cjk_grams_v1(NEW.note));
    END;
    CREATE TRIGGER claim_cjk_insert AFTER INSERT ON claim BEGIN
      INSERT INTO claim_cjk(rowid, text) VALUES (NEW.id, sm_cjk_grams_v1(NEW.text));
    END;
    CREATE TRIGGER claim_cjk_update AFTER UPDATE OF text ON claim BEGIN
      DELETE FROM claim_cjk WHERE rowid = OLD.id;
      INSERT INTO claim_cjk(rowid, text) VALUES (NEW.id, sm_cjk_grams_v1(NEW.text));
    END;
  `);
}
