// Where an export is written. The desktop app writes where the analyst chose in the save dialog;
// browser mode, reachable over a local port, writes only inside the data folder's exports/, and
// nothing ever overwrites the library itself.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../db/errors';
import type { ServiceContext } from '../service/context';
import { safeFileStem } from './words';

const EXTENSION = { pdf: 'pdf', markdown: 'md', docx: 'docx' } as const;

const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

async function freeName(dir: string, stem: string, ext: string): Promise<string> {
  for (let i = 1; ; i++) {
    const candidate = path.join(dir, `${stem}${i === 1 ? '' : `-${i}`}.${ext}`);
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
}

export async function resolveExportPath(
  ctx: ServiceContext,
  title: string,
  format: keyof typeof EXTENSION,
  exportedAt: string,
  requested: string | undefined,
): Promise<string> {
  const exportsDir = path.join(ctx.dataDir, 'exports');
  if (requested === undefined) {
    await fs.mkdir(exportsDir, { recursive: true });
    return freeName(exportsDir, `${safeFileStem(title)}-${exportedAt.slice(0, 19).replace(/[:T]/g, '-')}`, EXTENSION[format]);
  }
  if (!path.isAbsolute(requested)) throw new AppError('INVALID_INPUT', `The export path must be a full path, not “${requested}”.`);
  const target = path.resolve(requested);
  if (path.resolve(path.dirname(target)) === path.resolve(ctx.dataDir) && /^library\.sqlite/.test(path.basename(target))) {
    throw new AppError('INVALID_INPUT', 'An export cannot be written over the library file.');
  }
  if (ctx.mode === 'web' && !inside(exportsDir, target)) {
    throw new AppError('FORBIDDEN', `In browser mode exports are written only inside ${exportsDir}; the browser downloads them from there.`);
  }
  if (ctx.mode === 'web') await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    const stat = await fs.stat(path.dirname(target));
    if (!stat.isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AppError('EXPORT_FAILED', `The folder ${path.dirname(target)} does not exist.`);
  }
  return target;
}

/** Writes next to the target and renames, so a failed export never leaves half a file under its name. */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = `${target}.${crypto.randomBytes(4).toString('hex')}.part`;
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw new AppError('EXPORT_FAILED', `The file ${target} could not be written: ${(err as Error).message}`);
  }
}
