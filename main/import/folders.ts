// The paths of an import call become a list of files: a folder stands for the files in it (and its
// subfolders), hidden files skipped, in name order, up to a limit per import. Every named path is
// first checked against the file-access policy; links inside a folder are not followed, so a folder
// the analyst allowed cannot lead the import anywhere else.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { checkImportRequest, realImportPath, type ImportAccess } from '../security/file-access';
import { importFailed } from './errors';

export type ListedFile = { file: string; refused?: undefined } | { file: string; refused: AppError };

export async function listImportFiles(access: ImportAccess, paths: readonly string[], limit: number): Promise<ListedFile[]> {
  // Every path is checked before any is read: one path outside the policy refuses the whole call.
  const requested = paths.map((p) => checkImportRequest(access, p));
  const files: ListedFile[] = [];
  const visit = async (p: string, depth: number): Promise<void> => {
    if (files.length >= limit) return;
    const stat = await fs.lstat(p).catch(() => null);
    if (stat?.isSymbolicLink()) {
      files.push({ file: p, refused: importFailed(path.basename(p), 'it is a link; links inside a folder are not followed.') });
      return;
    }
    if (!stat?.isDirectory() || depth > 8) {
      // Files, and paths that do not exist, go through as they are: importing them reports why.
      files.push({ file: p });
      return;
    }
    const entries = (await fs.readdir(p).catch(() => [] as string[])).filter((e) => !e.startsWith('.')).sort((a, b) => a.localeCompare(b));
    for (const entry of entries) await visit(path.join(p, entry), depth + 1);
  };
  for (const p of requested) {
    if (files.length >= limit) break;
    const real = await realImportPath(access, p);
    if (real === null) files.push({ file: p });
    else if ('refused' in real) files.push({ file: p, refused: real.refused });
    else await visit(real.real, 0);
  }
  return files.slice(0, limit);
}
