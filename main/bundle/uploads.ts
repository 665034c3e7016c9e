// A bundle on its way in. Browser mode sends the file as the raw body of POST /upload/bundle and the
// desktop app picks it in the main process's open dialog; either way the bytes are kept as a private
// file under the data folder's uploads/, named by a random id that is all the page ever holds (never
// a path, never the bytes inside JSON). inspectBundle and importBundle name the upload by that id; a
// successful import or a refusal removes it, and uploads older than a day are swept.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { bundleHeaderProblem } from '../../db/bundle/format';
import { formatBytes } from '../vocabulary';

/** The largest bundle the desktop app copies in; browser mode's body limit (70 MB) is lower. */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const ID = /^[0-9a-f]{32}$/;

const folder = (dataDir: string) => path.join(dataDir, 'uploads');
const fileOf = (dataDir: string, id: string) => path.join(folder(dataDir), `${id}.sourcemark`);

export const notABundle = (name: string, why: string) => new AppError('BUNDLE_INVALID', `${name} is not a Sourcemark bundle: ${why} Nothing was imported.`);

/** `size` is null when the sender did not say and the body ran past the limit. */
export const tooLarge = (name: string, size: number | null, limit: number) =>
  new AppError(
    'TOO_LARGE',
    `${name} is ${size === null ? `larger than ${formatBytes(limit)}` : formatBytes(size)}; ` +
      (limit === MAX_BUNDLE_BYTES
        ? `Sourcemark imports bundles of at most ${formatBytes(limit)}. Share fewer briefs per bundle.`
        : `browser mode takes bundles of at most ${formatBytes(limit)} in one upload. Import it in the desktop app, or share fewer briefs per bundle.`),
  );

/** Removes uploads a day old or older: called as the service starts and before each new upload. */
export function sweepUploads(dataDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder(dataDir));
  } catch {
    return;
  }
  const old = Date.now() - MAX_AGE_MS;
  for (const n of names) {
    const f = path.join(folder(dataDir), n);
    try {
      if (fs.lstatSync(f).mtimeMs < old) fs.rmSync(f, { force: true });
    } catch {
      // Another call removed it first.
    }
  }
}

function newFile(dataDir: string): { id: string; file: string } {
  fs.mkdirSync(folder(dataDir), { recursive: true, mode: 0o700 });
  sweepUploads(dataDir);
  const id = crypto.randomBytes(16).toString('hex');
  return { id, file: fileOf(dataDir, id) };
}

/** Keeps uploaded bytes after checking they can begin a bundle; returns the upload's id. */
export function stageBundleBytes(dataDir: string, name: string, bytes: Uint8Array): string {
  const problem = bundleHeaderProblem(bytes.subarray(0, 100));
  if (problem) throw notABundle(name, problem);
  const { id, file } = newFile(dataDir);
  fs.writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
  return id;
}

/** Copies a file the analyst picked in the desktop open dialog, after the same check. */
export function stageBundleFile(dataDir: string, name: string, source: string): string {
  const size = fs.statSync(source).size;
  if (size > MAX_BUNDLE_BYTES) throw tooLarge(name, size, MAX_BUNDLE_BYTES);
  const head = Buffer.alloc(100);
  const fd = fs.openSync(source, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const problem = bundleHeaderProblem(head.subarray(0, read));
  if (problem) throw notABundle(name, problem);
  const { id, file } = newFile(dataDir);
  fs.copyFileSync(source, file, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(file, 0o600);
  return id;
}

/** The staged file of an upload id; a clear refusal for an id that is malformed or gone. */
export function stagedBundle(dataDir: string, id: string): string {
  const file = ID.test(id) ? fileOf(dataDir, id) : null;
  if (!file || !fs.existsSync(file)) throw new AppError('NOT_FOUND', 'The chosen bundle file is no longer waiting to be imported (it was imported, refused or is more than a day old). Choose the file again.');
  return file;
}

export function dropBundle(dataDir: string, id: string): void {
  if (ID.test(id)) fs.rmSync(fileOf(dataDir, id), { force: true });
}
