// Reads what a bundle holds out of a library, already in bundle form (global ids, canonical columns).
import type { Database } from 'better-sqlite3';
import type { Row } from './format';

export type BundleRows = Map<string, Row[]>;

export interface Selection {
  /** Brief ids to include; null means the whole library (every source and passage too). */
  briefIds: number[] | null;
}

const BRIEF_COLS = `b.uid, b.title, b.marking, b.summary, b.author, b.organisation, b.dissemination, b.cutoff_date, b.portion_mark,
  b.likelihood_row, b.source_summary, b.version_of`;

export function collectRows(db: Database, sel: Selection): BundleRows {
  const rows: BundleRows = new Map();
  const all = sel.briefIds === null;
  // A temp table of the chosen briefs keeps every query below one plain join.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS bundle_pick (id INTEGER PRIMARY KEY); DELETE FROM temp.bundle_pick;');
  try {
    const pick = db.prepare('INSERT OR IGNORE INTO temp.bundle_pick (id) VALUES (?)');
    if (all) db.exec('INSERT INTO temp.bundle_pick (id) SELECT id FROM brief');
    else for (const id of sel.briefIds!) pick.run(id);
    const raw = (s: string) => db.prepare(s).raw().all() as Row[];
    const citedQuotes = `SELECT DISTINCT ci.quote_id FROM citation ci JOIN claim c ON c.id = ci.claim_id JOIN temp.bundle_pick p ON p.id = c.brief_id`;
    const quoteFilter = all ? '' : `WHERE q.id IN (${citedQuotes})`;
    const sourceFilter = all ? '' : `WHERE s.id IN (SELECT q.source_id FROM quote q ${quoteFilter})`;
    rows.set(
      'source',
      raw(`SELECT s.body_sha256, s.title, s.outlet, s.author, s.url, s.published_at, s.accessed_at, s.language, s.reliability, s.source_type,
                  s.format, s.body FROM source s ${sourceFilter}`),
    );
    rows.set(
      'quote',
      dedupe(
        raw(`SELECT s.body_sha256, q.start, q."end", q.exact, q.prefix, q.suffix, q.credibility, q.note
               FROM quote q JOIN source s ON s.id = q.source_id ${quoteFilter} ORDER BY q.id`),
        3,
        mergePassage,
      ),
    );
    rows.set('brief', raw(`SELECT ${BRIEF_COLS} FROM brief b JOIN temp.bundle_pick p ON p.id = b.id`));
    rows.set(
      'claim',
      raw(`SELECT c.uid, b.uid, c.position, c.text, c.confidence, c.likelihood FROM claim c JOIN brief b ON b.id = c.brief_id
             JOIN temp.bundle_pick p ON p.id = b.id`),
    );
    rows.set(
      'citation',
      dedupe(
        raw(`SELECT c.uid, s.body_sha256, q.start, q."end", ci.relation, ci.position FROM citation ci JOIN claim c ON c.id = ci.claim_id
             JOIN temp.bundle_pick p ON p.id = c.brief_id JOIN quote q ON q.id = ci.quote_id JOIN source s ON s.id = q.source_id
             ORDER BY ci.id`),
        4,
      ),
    );
    rows.set(
      'source_tag',
      raw(`SELECT s.body_sha256, t.name FROM source_tag st JOIN source s ON s.id = st.source_id JOIN tag t ON t.id = st.tag_id ${sourceFilter}`),
    );
    rows.set(
      'quote_tag',
      dedupe(
        raw(`SELECT s.body_sha256, q.start, q."end", t.name FROM quote_tag qt JOIN quote q ON q.id = qt.quote_id JOIN source s ON s.id = q.source_id
             JOIN tag t ON t.id = qt.tag_id ${quoteFilter}`),
        4,
      ),
    );
    rows.set(
      'claim_tag',
      raw(`SELECT c.uid, t.name FROM claim_tag ct JOIN claim c ON c.id = ct.claim_id JOIN temp.bundle_pick p ON p.id = c.brief_id
             JOIN tag t ON t.id = ct.tag_id`),
    );
    const used = new Set<string>();
    for (const name of ['source_tag', 'quote_tag', 'claim_tag']) for (const r of rows.get(name)!) used.add(r[r.length - 1] as string);
    rows.set('tag', all ? raw('SELECT name, colour FROM tag') : raw('SELECT name, colour FROM tag').filter((r) => used.has(r[0] as string)));
    return rows;
  } finally {
    db.exec('DELETE FROM temp.bundle_pick');
  }
}

/**
 * A passage's global identity is its source and range, but a library may hold the same range twice
 * (quoted twice, with different notes). The bundle holds it once: the first one's fields, every
 * distinct note, the first credibility given. Rows naming such passages collapse the same way.
 */
function dedupe(rows: Row[], key: number, merge?: (kept: Row, next: Row) => void): Row[] {
  const seen = new Map<string, Row>();
  for (const r of rows) {
    const k = JSON.stringify(r.slice(0, key));
    const kept = seen.get(k);
    if (!kept) seen.set(k, [...r]);
    else merge?.(kept, r);
  }
  return [...seen.values()];
}

function mergePassage(kept: Row, next: Row): void {
  if (kept[6] === null) kept[6] = next[6] ?? null;
  const note = String(next[7] ?? '');
  if (note && !String(kept[7]).split('\n\n').includes(note)) kept[7] = kept[7] ? `${kept[7]}\n\n${note}` : note;
}

/** One brief's own content (its row, claims, citations and claim tags) in bundle form, for comparing versions. */
export function briefContent(db: Database, briefId: number): BundleRows {
  const rows = collectRows(db, { briefIds: [briefId] });
  for (const name of ['source', 'quote', 'tag', 'source_tag', 'quote_tag']) rows.delete(name);
  return rows;
}
