// Which files on disk a client may have the back end read. One policy, applied by the service to
// every path a call carries, whatever transport brought it: the desktop app reads what the analyst
// picked in the open dialog during this run; browser mode, reachable by any local process that has
// the token, reads only inside the folders named with --import-dir when the server started.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../db/errors';
import type { ImportAccess } from '../ports';
import { isInsideDir } from './paths';

export type { ImportAccess };

export const noImportFolders: ImportAccess = { kind: 'folders', folders: [] };

/** A path as a person would recognise it in a message: control characters shown, length bounded. */
export function showPath(p: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = p.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\0' ? '\\0' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return visible.length > 200 ? `${visible.slice(0, 120)}…${visible.slice(-60)}` : visible;
}

const within = (folder: string, file: string) => file === folder || isInsideDir(folder, file);

/**
 * Checks one path named in an import call before anything on disk is touched. Throws FORBIDDEN for a
 * path outside the policy (the whole call is refused: a client that names such a path is not to be
 * served), INVALID_INPUT for a path that cannot be one (NUL byte, relative).
 */
export function checkImportRequest(access: ImportAccess, requested: string): string {
  if (requested.includes('\0')) throw new AppError('INVALID_INPUT', `The path ${showPath(requested)} contains a NUL character, which no file name can hold.`);
  if (!path.isAbsolute(requested)) throw new AppError('INVALID_INPUT', `Files are named by their full path, not “${showPath(requested)}”.`);
  const resolved = path.resolve(requested);
  if (access.kind === 'picked') {
    if (!access.mayRead(resolved)) {
      throw new AppError('FORBIDDEN', `Sourcemark imports only files you picked in the open dialog; ${showPath(requested)} was not picked.`);
    }
    return resolved;
  }
  if (access.folders.length === 0) {
    throw new AppError(
      'FORBIDDEN',
      'Browser mode does not read files from the computer by path. Use “Import files…” or drop the files on the window; ' +
        'to import from a folder on this computer, start the server with --import-dir FOLDER.',
    );
  }
  if (!access.folders.some((folder) => within(path.resolve(folder), resolved))) {
    throw new AppError(
      'FORBIDDEN',
      `${showPath(requested)} is outside the folders this server may import from (${access.folders.join(', ')}); ` +
        'start it with --import-dir FOLDER to add one.',
    );
  }
  return resolved;
}

/**
 * Where a checked path really leads, and whether that is still allowed: a link inside an import folder
 * must not lead out of it. null when the path does not exist (the import then says so, per file).
 */
export async function realImportPath(access: ImportAccess, resolved: string): Promise<{ real: string } | { refused: AppError } | null> {
  let real: string;
  try {
    real = await fs.realpath(resolved);
  } catch {
    return null;
  }
  if (access.kind === 'picked') return { real };
  for (const folder of access.folders) {
    const realFolder = await fs.realpath(folder).catch(() => null);
    if (realFolder && within(realFolder, real)) return { real };
  }
  return {
    refused: new AppError('FORBIDDEN', `${path.basename(resolved)}: it is a link to ${showPath(real)}, outside the folders this server may import from.`),
  };
}

/** Checks the folders given with --import-dir when the server starts: each must be an existing folder. */
export async function checkImportFolders(folders: readonly string[]): Promise<string[]> {
  const checked: string[] = [];
  for (const folder of folders) {
    const resolved = path.resolve(folder);
    const stat = await fs.stat(resolved).catch(() => null);
    if (!stat?.isDirectory()) throw new Error(`--import-dir ${folder}: there is no folder there.`);
    checked.push(resolved);
  }
  return checked;
}
