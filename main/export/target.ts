// Where an export is written. The desktop app writes where the analyst chose in the save dialog,
// which the main process opens itself; browser mode writes only inside the data folder's exports/. Either
// way an export never replaces a file (an earlier export keeps its name and its audit record stays
// true: the new one gets "-2", "-3"…), never writes through a link, and nothing is ever written over
// the library itself. A path that cannot be used gets a sentence saying why.
import crypto from 'node:crypto';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../db/errors';
import type { ServiceContext } from '../ports';
import { showPath } from '../security/file-access';
import { safeFileStem } from './words';
import { EXPORT_FILE_TYPES, type ExportRecordFormat } from '../vocabulary';

const extension = (format: ExportRecordFormat) => `.${EXPORT_FILE_TYPES[format].extension}`;


/** The name the save dialog suggests: the title without characters file systems refuse. */
export function suggestedFileName(title: string, format: ExportRecordFormat): string {
  const printable = Array.from(title, (ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  const stem = printable.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 120) || 'brief';
  return `${stem}${extension(format)}`;
}

/** A folder to write into and the name wanted there; the name actually used may get a "-N". */
export interface ExportTarget {
  dir: string;
  stem: string;
  ext: string;
}

/** Node's error codes in the analyst's words, for a folder or file that cannot be written. */
function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'Sourcemark is not allowed to write there';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENAMETOOLONG':
      return 'the name is too long for this disk';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ELOOP':
      return 'the path goes through a link';
    case 'EDQUOT':
      return 'the disk quota is used up';
    default:
      return code ? `the system refused (${code})` : (err as Error).message;
  }
}

const failed = (what: string, err: unknown) => new AppError('EXPORT_FAILED', `${what}: ${describeFsError(err)}.`);

/** Makes sure the exports folder is a real folder (created when missing), not a link: a link planted
 * in its place must not carry an export somewhere else. */
async function realFolder(dir: string): Promise<string> {
  let stat = await fs.lstat(dir).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(failed(`The folder ${dir} cannot be used`, err))));
  if (!stat) {
    await fs.mkdir(dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw failed(`The folder ${dir} cannot be created`, err);
    });
    stat = await fs.lstat(dir);
  }
  if (stat.isSymbolicLink()) {
    throw new AppError('EXPORT_FAILED', `${dir} is a link to somewhere else; Sourcemark writes exports only into a real folder. Remove the link and export again.`);
  }
  if (!stat.isDirectory()) throw new AppError('EXPORT_FAILED', `${dir} is a file, not a folder; an export cannot be written into it.`);
  return dir;
}

/**
 * Where to write; nothing is written yet. Without a chosen path (browser mode), the exports folder and
 * a name made from the title and time; with one (the desktop save dialog), that path checked.
 */
export async function resolveExportTarget(
  ctx: ServiceContext,
  title: string,
  format: ExportRecordFormat,
  exportedAt: string,
  chosen?: string,
): Promise<ExportTarget> {
  if (chosen === undefined) {
    const dir = await realFolder(path.join(ctx.dataDir, 'exports'));
    return { dir, stem: `${safeFileStem(title)}-${exportedAt.slice(0, 19).replace(/[:T]/g, '-')}`, ext: extension(format) };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(chosen)) {
    throw new AppError('INVALID_INPUT', `The export path ${showPath(chosen)} contains a control character (such as NUL), which a file name cannot hold.`);
  }
  if (!path.isAbsolute(chosen)) throw new AppError('INVALID_INPUT', `The export path must be a full path, not “${showPath(chosen)}”.`);
  const target = path.resolve(chosen);
  const name = path.basename(target);
  if (/[\\/]$/.test(chosen) || name === '' || target === path.parse(target).root) {
    throw new AppError('INVALID_INPUT', `The export path ${showPath(chosen)} names a folder; give the file name too.`);
  }
  if (Buffer.byteLength(name) > 240) throw new AppError('INVALID_INPUT', `The file name is ${Buffer.byteLength(name)} bytes long; most disks allow at most 255 and Sourcemark keeps it under 240.`);
  if (path.dirname(target) === path.resolve(ctx.dataDir) && /^library\.sqlite/.test(name)) {
    throw new AppError('INVALID_INPUT', 'An export cannot be written over the library file.');
  }
  const ext = path.extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  // The save dialog's folder may itself be a link the analyst made; the file is still never written through one.
  const dir = path.dirname(target);
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) throw new AppError('EXPORT_FAILED', `The folder ${dir} does not exist.`);
  return { dir, stem, ext };
}

/** The save dialog's filter for a format. */
export const saveFilter = (format: ExportRecordFormat) => ({ name: EXPORT_FILE_TYPES[format].name, extensions: [EXPORT_FILE_TYPES[format].extension] });

/**
 * Where an export goes: the desktop app asks in its own save dialog (opened here, in the main
 * process, so the page never names a file to write; a cancelled dialog answers CANCELLED), browser
 * mode writes into the data folder's exports/ and the browser downloads it from there.
 */
export async function chooseExportTarget(ctx: ServiceContext, title: string, format: ExportRecordFormat, exportedAt: string): Promise<ExportTarget> {
  if (ctx.mode === 'web') return resolveExportTarget(ctx, title, format, exportedAt);
  const chosen = await ctx.shell.chooseSavePath(suggestedFileName(title, format), saveFilter(format));
  if (chosen === null) throw new AppError('CANCELLED', 'The export was cancelled in the save dialog; nothing was written.');
  return resolveExportTarget(ctx, title, format, exportedAt, chosen);
}

const O_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** Creates the file (never an existing one, never through a link) and writes it; removes it again on failure. */
async function writeNew(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.open(file, O_NEW, 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.datasync();
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true });
    throw err;
  }
}

/**
 * Writes the bytes under the target's name, or the first free "name-N" beside it, and returns the path
 * used. The bytes go to a fresh hidden file first (created exclusively, never through a link), which is
 * then hard-linked to the final name: link() fails rather than replace anything, so an existing file or
 * a planted link is never touched, and a failed export never leaves half a file under a real name.
 */
export async function writeNewExport(target: ExportTarget, bytes: Uint8Array): Promise<string> {
  const temp = path.join(target.dir, `.sourcemark-${crypto.randomBytes(6).toString('hex')}.part`);
  try {
    await writeNew(temp, bytes);
  } catch (err) {
    throw failed(`The export could not be written in ${target.dir}`, err);
  }
  try {
    for (let i = 1; i < 10_000; i++) {
      const file = path.join(target.dir, `${target.stem}${i === 1 ? '' : `-${i}`}${target.ext}`);
      try {
        await fs.link(temp, file);
        return file;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw failed(`The file ${file} could not be written`, err);
        // Disks without hard links (FAT, some network shares): create the name exclusively instead.
        try {
          await writeNew(file, bytes);
          return file;
        } catch (err2) {
          if ((err2 as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw failed(`The file ${file} could not be written`, err2);
        }
      }
    }
    throw new AppError('EXPORT_FAILED', `${target.dir} already holds 10,000 exports named ${target.stem}${target.ext}; choose another name.`);
  } finally {
    await fs.rm(temp, { force: true });
  }
}
