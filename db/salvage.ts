// Salvage: copy what can still be read from a damaged library into a fresh one. The damaged file is
// only ever opened read-only. Table by table (parents before children, so references hold), rows are
// read by key range; a range that SQLite cannot read is split in half until the unreadable rows are
// pinned down, and each table reports what it recovered, what it rejected and which key ranges were
// unreadable. Rows are inserted through the new library's own constraints and triggers, so a row
// whose text no longer matches its fingerprint, or whose parent was lost, is refused, not kept.
import Database, { type Database as DB } from 'better-sqlite3';
import crypto from 'node:crypto';
import { registerFunctions } from './functions';
import { casefold } from './text';

export interface SalvageTable {
  table: string;
  /** Rows the damaged file said it had (count(*)), when it could still say. */
  expected: number | null;
  recovered: number;
  /** Rows read but refused by the new library (broken references, text that fails its fingerprint). */
  rejected: number;
  /** Key ranges that could not be read, e.g. "1201-1264". */
  unreadable: string[];
}

export interface SalvageReport {
  /** False when the damaged file could not be opened at all (nothing could be read). */
  opened: boolean;
  openError: string | null;
  tables: SalvageTable[];
}

const CHUNK = 500;

/** Tables of the target schema in an order where every foreign key points at an earlier table. */
function tablesInOrder(target: DB): { name: string; withoutRowid: boolean }[] {
  const all = target
    .prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string; wr: number }[];
  // FTS5 tables and their shadow tables are rebuilt by the new library's triggers.
  const virtual = new Set((target.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[]));
  const tables = all.filter((t) => !virtual.has(t.name) && ![...virtual].some((v) => t.name.startsWith(`${v}_`)));
  const deps = new Map(tables.map((t) => [t.name, (target.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(t.name) as string[]).filter((d) => d !== t.name)]));
  const out: { name: string; withoutRowid: boolean }[] = [];
  const placed = new Set<string>();
  while (out.length < tables.length) {
    const next = tables.find((t) => !placed.has(t.name) && (deps.get(t.name) ?? []).every((d) => placed.has(d) || !deps.has(d)));
    if (!next) throw new Error('The schema has a cycle of foreign keys; salvage cannot order its tables.');
    placed.add(next.name);
    out.push({ name: next.name, withoutRowid: next.wr === 1 });
  }
  return out;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function columnsOf(db: DB, table: string): { name: string; type: string; pk: number }[] {
  return db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(table) as { name: string; type: string; pk: number }[];
}

/** Reads every readable row of damagedFile into target (a freshly created library). */
export function salvageInto(damagedFile: string | null, target: DB): SalvageReport {
  const order = tablesInOrder(target);
  let src: DB | null = null;
  let openError: string | null = null;
  if (damagedFile) {
    try {
      src = new Database(damagedFile, { readonly: true, fileMustExist: true });
      registerFunctions(src);
      src.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      openError = (err as Error).message;
      src?.close();
      src = null;
    }
  } else {
    openError = 'there is no file to read';
  }
  if (!src) return { opened: false, openError, tables: order.map((t) => ({ table: t.name, expected: null, recovered: 0, rejected: 0, unreadable: [] })) };

  const reports: SalvageTable[] = [];
  try {
    target.transaction(() => {
      for (const t of order) reports.push(salvageTable(src, target, t.name, t.withoutRowid));
    })();
  } finally {
    src.close();
  }
  return { opened: true, openError: null, tables: reports };
}

function salvageTable(src: DB, target: DB, table: string, withoutRowid: boolean): SalvageTable {
  const report: SalvageTable = { table, expected: null, recovered: 0, rejected: 0, unreadable: [] };
  let srcCols: string[];
  try {
    srcCols = columnsOf(src, table).map((c) => c.name);
  } catch {
    report.unreadable.push('all');
    return report;
  }
  if (srcCols.length === 0) return report; // the damaged file never had this table
  const targetCols = columnsOf(target, table);
  const cols = targetCols.filter((c) => srcCols.includes(c.name));
  const list = cols.map((c) => q(c.name)).join(', ');
  // A tag's folded name is derived, and a file from before migration 10 has none: fold it again here.
  const refold = table === 'tag' && targetCols.some((c) => c.name === 'name_folded');
  const insertCols = refold ? [...cols.filter((c) => c.name !== 'name_folded'), { name: 'name_folded' }] : cols;
  const insert = target.prepare(`INSERT INTO ${q(table)} (${insertCols.map((c) => q(c.name)).join(', ')}) VALUES (${insertCols.map(() => '?').join(', ')})`);
  try {
    report.expected = src.prepare(`SELECT count(*) FROM ${q(table)}`).pluck().get() as number;
  } catch {
    report.expected = null;
  }
  const keep = (row: Record<string, unknown>) => {
    if (table === 'source' && typeof row.body === 'string' && typeof row.body_sha256 === 'string') {
      // A source's text is immutable and fingerprinted; text that no longer matches is not evidence.
      if (crypto.createHash('sha256').update(row.body, 'utf8').digest('hex') !== row.body_sha256) {
        report.rejected += 1;
        return;
      }
    }
    try {
      if (refold) row.name_folded = typeof row.name === 'string' ? casefold(row.name) : null;
      insert.run(insertCols.map((c) => row[c.name]));
      report.recovered += 1;
    } catch {
      report.rejected += 1;
    }
  };

  const pk = targetCols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)[0];
  const key = withoutRowid ? (pk && /INT/i.test(pk.type) ? q(pk.name) : null) : 'rowid';
  if (!key) {
    try {
      for (const row of src.prepare(`SELECT ${list} FROM ${q(table)}`).all() as Record<string, unknown>[]) keep(row);
    } catch {
      report.unreadable.push('all');
    }
    return report;
  }

  const range = src.prepare(`SELECT ${list} FROM ${q(table)} WHERE ${key} BETWEEN ? AND ? ORDER BY ${key}`);
  const bad: [number, number][] = [];
  const readRange = (lo: number, hi: number): number => {
    let rows: Record<string, unknown>[];
    try {
      rows = range.all(lo, hi) as Record<string, unknown>[];
    } catch {
      if (lo === hi) {
        const last = bad[bad.length - 1];
        if (last && last[1] === lo - 1) last[1] = lo;
        else bad.push([lo, lo]);
        return 0;
      }
      const mid = Math.floor((lo + hi) / 2);
      return readRange(lo, mid) + readRange(mid + 1, hi);
    }
    for (const row of rows) keep(row);
    return rows.length;
  };

  let max: number | null = null;
  try {
    max = (src.prepare(`SELECT max(${key}) FROM ${q(table)}`).pluck().get() as number | null) ?? 0;
  } catch {
    max = null;
  }
  if (max !== null) {
    for (let lo = 1; lo <= max; lo += CHUNK) readRange(lo, Math.min(max, lo + CHUNK - 1));
  } else {
    // The end of the table cannot be found: read on until a long run of readable, empty ranges.
    let emptyRun = 0;
    for (let lo = 1; emptyRun < 20; lo += CHUNK) {
      const before = bad.length;
      const n = readRange(lo, lo + CHUNK - 1);
      emptyRun = n === 0 && bad.length === before ? emptyRun + 1 : 0;
    }
  }
  report.unreadable = bad.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`));
  return report;
}
