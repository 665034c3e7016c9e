// A finished export written where its target says (never over another file) and recorded in
// export_record with its SHA-256, so what left the app can be checked later; shared by briefs and
// bundles. Browser mode answers with the address the browser downloads it from (GET /exports/:id).
import { insertExportRecord } from '../../db/exports';
import type { ExportRecord } from '../../db/model';
import type { ServiceContext } from '../ports';
import { sha256Hex } from './faithfulness';
import { writeNewExport, type ExportTarget } from './target';

export async function saveExport(
  ctx: ServiceContext,
  target: ExportTarget,
  bytes: Uint8Array,
  what: Pick<ExportRecord, 'briefId' | 'briefTitle' | 'format'>,
): Promise<{ record: ExportRecord; download: string | null }> {
  const file = await writeNewExport(target, bytes);
  const record = insertExportRecord(ctx.store.db, { ...what, path: file, sha256: sha256Hex(bytes), bytes: bytes.byteLength });
  return { record, download: ctx.downloadUrl ? ctx.downloadUrl(record.id) : null };
}
