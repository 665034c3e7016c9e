// A bundle leaves the app the way every other export does: written by the back end, recorded in
// export_record with its SHA-256, downloaded in browser mode by its record (GET /exports/:id). The
// record's format list learns 'bundle'. A bundle of several briefs or of the whole library names no
// single brief: brief_id stays NULL and brief_title says what it held.
import type { Database } from 'better-sqlite3';
import { widenCheck } from './0003-tradecraft';

export const version = 11;

export function up(db: Database): void {
  widenCheck(db, 'export_record', "CHECK (format IN ('pdf','markdown','docx','csv'))", "CHECK (format IN ('pdf','markdown','docx','csv','bundle'))", 11);
}
