// An earlier export read back from disk (browser mode's download, the desktop's "Open"): only the
// file the record names, never through a link, and only while its bytes still match the SHA-256
// recorded when it was written, so a file changed afterwards is not handed out as the export.
import crypto from 'node:crypto';
import { constants } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { getExportRecord } from '../../db/exports';
import { AppError } from '../../db/errors';
import { EXPORT_FILE_TYPES } from '../vocabulary';

export interface VerifiedExport {
  fileName: string;
  mime: string;
  size: number;
  /** Open on the verified file; the caller reads it from position 0 and closes it. */
  handle: FileHandle;
}

async function sha256Of(handle: FileHandle): Promise<string> {
  const hash = crypto.createHash('sha256');
  const chunk = Buffer.alloc(1 << 20);
  for (let position = 0; ; ) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) break;
    hash.update(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest('hex');
}

export async function openVerifiedExport(db: Database, recordId: number): Promise<VerifiedExport> {
  const record = getExportRecord(db, recordId);
  let handle: FileHandle;
  try {
    // Our exports are files, never links: a link put in an export's place is not read through.
    handle = await fs.open(record.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    throw new AppError('NOT_FOUND', `The exported file ${record.path} is no longer there (it may have been moved or deleted).`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || (await sha256Of(handle)) !== record.sha256) {
      throw new AppError('EXPORT_FAILED', `The file ${record.path} was changed after it was exported (its SHA-256 no longer matches the record); export the brief again.`);
    }
    return { fileName: path.basename(record.path), mime: EXPORT_FILE_TYPES[record.format].mime, size: stat.size, handle };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
