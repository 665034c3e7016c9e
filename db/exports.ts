// The audit trail of what left the app: one export_record row per file written.
import type { Database } from 'better-sqlite3';
import { notFound } from './errors';
import type { ExportRecord } from './model';
import { now, sql, write } from './stmt';

interface RecordRow {
  id: number;
  brief_id: number | null;
  brief_title: string;
  format: ExportRecord['format'];
  path: string;
  sha256: string;
  bytes: number;
  created_at: string;
}

const toRecord = (r: RecordRow): ExportRecord => ({
  id: r.id,
  briefId: r.brief_id,
  briefTitle: r.brief_title,
  format: r.format,
  path: r.path,
  sha256: r.sha256,
  bytes: r.bytes,
  createdAt: r.created_at,
});

export function insertExportRecord(db: Database, r: Omit<ExportRecord, 'id' | 'createdAt'>, createdAt = now()): ExportRecord {
  return write(db, () => {
    const info = sql(
      db,
      'INSERT INTO export_record (brief_id, brief_title, format, path, sha256, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(r.briefId, r.briefTitle, r.format, r.path, r.sha256, r.bytes, createdAt);
    return getExportRecord(db, Number(info.lastInsertRowid));
  });
}

export function getExportRecord(db: Database, id: number): ExportRecord {
  const row = sql(db, 'SELECT * FROM export_record WHERE id = ?').get(id) as RecordRow | undefined;
  if (!row) throw notFound('Export', id);
  return toRecord(row);
}

/** Newest first; all exports, or one brief's. */
export function listExportRecords(db: Database, briefId: number | null): ExportRecord[] {
  const rows = sql(db, 'SELECT * FROM export_record WHERE (? IS NULL OR brief_id = ?) ORDER BY created_at DESC, id DESC').all(briefId, briefId) as RecordRow[];
  return rows.map(toRecord);
}
