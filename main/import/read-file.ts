// Reads a file named in an import call: opened without following a link in its last component (the
// listing already resolved the path; a link swapped in since is refused), checked as a regular file
// of an importable size through the open descriptor, so what is measured is what is read.
import fs from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { checkSize } from './detect';
import { importFailed } from './errors';

export async function readImportFile(file: string): Promise<Buffer> {
  const name = path.basename(file);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw importFailed(name, 'it is a link; Sourcemark reads only the file itself.');
    throw importFailed(name, `the file cannot be opened (${code ?? String(err)}).`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw importFailed(name, 'this is not a file.');
    checkSize(name, stat.size);
    return await handle.readFile();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw importFailed(name, `the file cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  } finally {
    await handle.close();
  }
}
