// Knowing our own file. Before anything writes to library.sqlite, this looks at it from the outside
// (its size, its 100-byte SQLite header, the sidecar's memory of it) and then, read-only, from the
// inside (application_id, user_version, tables, PRAGMA quick_check). The verdict says whether the
// file may be opened for writing, must be refused (it is not ours, or cannot be written), or is our
// library damaged, in which case the service starts in its recovery state and never writes to it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { LibrarySidecar } from './sidecar';
import { registerFunctions } from './functions';

/** 'Smrk' in ASCII: stamped into every library with PRAGMA application_id. */
export const APPLICATION_ID = 0x536d726b;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type RefusalKind = 'not-sqlite' | 'foreign' | 'newer' | 'read-only';
export type DamageKind = 'missing' | 'empty' | 'truncated' | 'shrunk' | 'wal-lost' | 'unreadable' | 'malformed';

export interface LibraryProblem {
  kind: RefusalKind | DamageKind;
  /** Absolute path of the library file. */
  file: string;
  /** A few words: "The library file is empty". */
  title: string;
  /** What is wrong, in plain words, naming the file. */
  message: string;
  /** What the analyst can do about it. */
  wayOut: string;
}

export type Inspection =
  | { verdict: 'new' }
  | { verdict: 'ok'; userVersion: number; checkMs: number; hasTables: boolean }
  | { verdict: 'refused'; problem: LibraryProblem }
  | { verdict: 'damaged'; problem: LibraryProblem };

export interface SqliteHeader {
  pageSize: number;
  changeCounter: number;
  /** The database size in pages the header claims, or null when that field is not valid. */
  pages: number | null;
  userVersion: number;
  applicationId: number;
}

/** Reads the 100-byte header; null when the file does not start with SQLite's magic string. */
export function readHeader(file: string): SqliteHeader | null {
  const buf = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, buf, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (n < 100 || !buf.subarray(0, 16).equals(MAGIC)) return null;
  const raw = buf.readUInt16BE(16);
  const changeCounter = buf.readUInt32BE(24);
  const pages = buf.readUInt32BE(28);
  // The size field is only meaningful when "version-valid-for" matches the change counter.
  const valid = pages > 0 && buf.readUInt32BE(92) === changeCounter;
  return {
    pageSize: raw === 1 ? 65536 : raw,
    changeCounter,
    pages: valid ? pages : null,
    userVersion: buf.readUInt32BE(60),
    applicationId: buf.readUInt32BE(68),
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function problem(kind: LibraryProblem['kind'], file: string, title: string, message: string, wayOut: string): LibraryProblem {
  return { kind, file, title, message, wayOut };
}

const RESTORE_OR_SALVAGE =
  'Sourcemark has not written to it. Restore the newest good backup, or salvage what can still be read into a new library; either way the damaged file is kept, unchanged, in the "damaged" folder beside it.';

export interface InspectOptions {
  /** What the sidecar remembers of this file from the last run; null on a first run. */
  sidecar: LibrarySidecar | null;
  /** Run PRAGMA quick_check (default true). The bench turns it off to measure its cost. */
  quickCheck?: boolean;
  /** The schema version this Sourcemark knows up to. */
  latestVersion: number;
}

/** Looks at the library file without writing anything to it. Never throws for a bad file. */
export function inspectLibraryFile(file: string, options: InspectOptions): Inspection {
  const known = options.sidecar;
  const name = path.basename(file);
  if (!fs.existsSync(file)) {
    if (!known) return { verdict: 'new' };
    return {
      verdict: 'damaged',
      problem: problem(
        'missing',
        file,
        'The library file is missing',
        `${file} held a Sourcemark library (${known.sources} sources, ${known.briefs} briefs when last seen, ${mb(known.fileBytes)}) but is no longer there. It may have been moved, renamed or deleted.`,
        'If you moved it, put it back and start Sourcemark again. Otherwise restore the newest good backup, or start a new, empty library.',
      ),
    };
  }
  const stat = fs.statSync(file);
  if (stat.size === 0) {
    return {
      verdict: 'damaged',
      problem: problem(
        'empty',
        file,
        'The library file is empty',
        known
          ? `${file} is 0 bytes long; when Sourcemark last saw it, it held ${known.sources} sources and ${known.briefs} briefs (${mb(known.fileBytes)}). Something emptied it.`
          : `${file} is 0 bytes long: it holds no library. Sourcemark will not start a new library over it without asking.`,
        'Restore the newest good backup, or start a new, empty library in its place (the empty file is kept aside).',
      ),
    };
  }
  const header = readHeader(file);
  if (!header) {
    if (known) {
      return {
        verdict: 'damaged',
        problem: problem(
          'unreadable',
          file,
          'The library file is unreadable',
          `${file} held a Sourcemark library but its first bytes are no longer a SQLite database: the file has been overwritten or damaged.`,
          RESTORE_OR_SALVAGE,
        ),
      };
    }
    return {
      verdict: 'refused',
      problem: problem(
        'not-sqlite',
        file,
        'This is not a Sourcemark library',
        `${file} is not a SQLite database, so it cannot be a Sourcemark library. Sourcemark has not changed it.`,
        `Move ${name} out of the data folder (or start Sourcemark with another data folder) and a new library will be created.`,
      ),
    };
  }
  if (header.applicationId !== 0 && header.applicationId !== APPLICATION_ID) return { verdict: 'refused', problem: foreign(file, `its application id is 0x${header.applicationId.toString(16)}`) };
  // A kill during a checkpoint leaves page 1 (with the new size) written before the pages past the old
  // end; the WAL still holds every frame and SQLite completes the checkpoint at the next open. So the
  // header's size is only held against the file when no WAL frames are waiting (the crash soak found it).
  const walBytes = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
  const headerMayRunAhead = walBytes > 32;
  if (stat.size % header.pageSize !== 0 || (!headerMayRunAhead && header.pages !== null && stat.size < header.pages * header.pageSize)) {
    const expected = header.pages !== null ? header.pages * header.pageSize : null;
    return {
      verdict: 'damaged',
      problem: problem(
        'truncated',
        file,
        'The library file is cut short',
        `${file} is ${stat.size.toLocaleString('en')} bytes${expected !== null ? `, but its own header says it is ${expected.toLocaleString('en')} bytes` : `, which is not a whole number of ${header.pageSize}-byte pages`}: the end of the file is missing.`,
        RESTORE_OR_SALVAGE,
      ),
    };
  }
  if (known && stat.size < known.fileBytes) {
    return {
      verdict: 'damaged',
      problem: problem(
        'shrunk',
        file,
        'The library file is shorter than it was',
        `${file} is ${stat.size.toLocaleString('en')} bytes; when Sourcemark last closed it, it was ${known.fileBytes.toLocaleString('en')} bytes. A library never shrinks by itself, so part of it has been lost or replaced by an older copy.`,
        RESTORE_OR_SALVAGE,
      ),
    };
  }
  if (known?.state === 'open' && !fs.existsSync(`${file}-wal`)) {
    return {
      verdict: 'damaged',
      problem: problem(
        'wal-lost',
        file,
        'Recent changes are missing',
        `Sourcemark did not close ${file} properly last time (at ${known.updatedAt}), and its journal ${name}-wal, which holds the changes not yet written into the file, is gone. The last changes made before then are probably lost.`,
        'Restore the newest good backup (it may hold changes the file lacks), or salvage what the file still has into a new library; the file itself is kept, unchanged.',
      ),
    };
  }
  return inspectInside(file, options);
}

/**
 * Why an open SQLite database is not a Sourcemark library, or null when it is one (or holds nothing
 * yet). Libraries carry our application id; those from before the stamp are known by their tables.
 */
export function foreignReason(db: Database.Database): string | null {
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id === APPLICATION_ID) return null;
  if (id !== 0) return `its application id is 0x${id.toString(16)}`;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const ours = ['app_meta', 'source', 'quote', 'brief', 'claim', 'citation'].every((t) => tables.includes(t));
  if (tables.length === 0 || ours) return null;
  return `its tables are ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}`;
}

function foreign(file: string, why: string): LibraryProblem {
  return problem(
    'foreign',
    file,
    'This is not a Sourcemark library',
    `${file} is a SQLite database that belongs to another application (${why}). Sourcemark will not change it.`,
    `Move ${path.basename(file)} out of the data folder, or start Sourcemark with another data folder.`,
  );
}

/** The inside view, through a read-only connection: nothing here can write to the file. */
function inspectInside(file: string, options: InspectOptions): Inspection {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    registerFunctions(db);
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const notOurs = foreignReason(db);
    if (notOurs) return { verdict: 'refused', problem: foreign(file, notOurs) };
    const hasTables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
    if (userVersion > options.latestVersion) {
      return {
        verdict: 'refused',
        problem: problem(
          'newer',
          file,
          'The library is from a newer Sourcemark',
          `${file} was written by a newer Sourcemark (schema ${userVersion}; this version knows up to ${options.latestVersion}).`,
          'Update Sourcemark to open it. This version has not changed it.',
        ),
      };
    }
    let checkMs = 0;
    if (options.quickCheck !== false && hasTables > 0) {
      const t = performance.now();
      const rows = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
      checkMs = performance.now() - t;
      const messages = rows.map((r) => r.quick_check);
      if (!(messages.length === 1 && messages[0] === 'ok')) return { verdict: 'damaged', problem: malformed(file, messages.slice(0, 3).join('; ')) };
    }
    return { verdict: 'ok', userVersion, checkMs, hasTables: hasTables > 0 };
  } catch (err) {
    return { verdict: 'damaged', problem: malformed(file, (err as Error).message) };
  } finally {
    db?.close();
  }
}

/** The problem for a file that failed SQLite's consistency check; `detail` is what the check said. */
export function malformed(file: string, detail: string): LibraryProblem {
  return problem(
    'malformed',
    file,
    'The library file is damaged',
    `${file} failed SQLite's consistency check (${detail}). Parts of it can no longer be read reliably, and writing to it could make things worse.`,
    RESTORE_OR_SALVAGE,
  );
}

/** Whether the file (or, for a new library, its folder) can be written; null when it can. */
export function readOnlyProblem(file: string): LibraryProblem | null {
  const dir = path.dirname(file);
  // Checked on the mode bits as well as access(2): as root, access() says yes to any file.
  const writable = (p: string) => {
    try {
      fs.accessSync(p, fs.constants.W_OK);
      return (fs.statSync(p).mode & 0o222) !== 0;
    } catch {
      return false;
    }
  };
  if (fs.existsSync(file) && !writable(file)) {
    return problem(
      'read-only',
      file,
      'The library file is read-only',
      `${file} cannot be written to (it is read-only), so Sourcemark could not save your work in it. Nothing has been changed.`,
      `Make it writable again (for example \`chmod u+w "${file}"\`), or copy the whole data folder somewhere you can write and start Sourcemark with --data pointing there.`,
    );
  }
  if (!writable(dir)) {
    return problem(
      'read-only',
      file,
      'The data folder is read-only',
      `The folder ${dir} cannot be written to, so Sourcemark could not keep its library, journal and backups there. Nothing has been changed.`,
      'Make the folder writable, or start Sourcemark with another data folder.',
    );
  }
  return null;
}
