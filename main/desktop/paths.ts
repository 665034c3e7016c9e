// Where the desktop app keeps what. The library folder holds the analyst's files only
// (library.sqlite and what the service puts beside it); Chromium's profile (caches, local storage,
// the single-instance lock) lives in a profile folder of its own, one per library, so that two
// windows on one library meet at the same lock and two libraries never do.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface DesktopPaths {
  /** The analyst's library: library.sqlite, exports/, backups. */
  libraryDir: string;
  /** Electron's userData: the single-instance lock and Chromium's state. */
  userData: string;
  /** Chromium's session data (caches, local storage, network state). */
  sessionData: string;
}

const sameDir = (a: string, b: string, platform: NodeJS.Platform) =>
  platform === 'win32' || platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;

/**
 * `defaultUserData` is Electron's app.getPath('userData') for the app's name (…/Sourcemark).
 * Without --data-dir the library is that folder, as it always was, and Chromium's session data goes
 * to a subfolder of it. With --data-dir the library is that folder and the profile is
 * …/Sourcemark/Libraries/<hash of the library path>.
 */
export function desktopPaths(opts: { dataDirArg: string | null; defaultUserData: string; cwd: string; platform?: NodeJS.Platform }): DesktopPaths {
  const platform = opts.platform ?? process.platform;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const defaults = p.resolve(opts.defaultUserData);
  const chosen = opts.dataDirArg === null ? defaults : p.resolve(opts.cwd, opts.dataDirArg);
  if (sameDir(chosen, defaults, platform)) {
    return { libraryDir: defaults, userData: defaults, sessionData: p.join(defaults, 'Chromium') };
  }
  const key = createHash('sha256')
    .update(platform === 'win32' || platform === 'darwin' ? chosen.toLowerCase() : chosen)
    .digest('hex')
    .slice(0, 16);
  const profile = p.join(defaults, 'Libraries', key);
  return { libraryDir: chosen, userData: profile, sessionData: profile };
}

/**
 * Creates the library folder (and its parents) before Electron is told about any path, and says in
 * plain words why it cannot be used. Returns null when the folder is ready, else the sentence.
 */
export function prepareLibraryDir(dir: string): string | null {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') return `${dir} cannot be the library folder: a file is in the way (${code}).`;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `${dir} cannot be created: permission denied (${code}). Choose a folder you can write to with --data-dir.`;
    return `${dir} cannot be created: ${(err as Error).message}`;
  }
  if (!fs.statSync(dir).isDirectory()) return `${dir} cannot be the library folder: it is a file.`;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return `${dir} is not writable. Choose a folder you can write to with --data-dir.`;
  }
  return null;
}
