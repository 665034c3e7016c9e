// The library's memory of itself, kept beside it (library.sqlite -> library.state.json): how big it
// was and what it held when last seen, whether it was closed cleanly, and whether it changed since
// the last backup. It is what lets the next start tell "a new library" from "a library that was
// emptied, truncated, or lost its journal". Written atomically: temp file, fsync, rename, fsync dir.
import fs from 'node:fs';
import path from 'node:path';

export interface LibrarySidecar {
  format: 1;
  /** 'open' while a process has the library open; 'closed' after a clean close. */
  state: 'open' | 'closed';
  pid: number;
  /** Size of the library file (not its journal) when last recorded. */
  fileBytes: number;
  sources: number;
  briefs: number;
  /** Something was written since the newest backup. */
  changedSinceBackup: boolean;
  lastBackupAt: string | null;
  /** The file's mtime right after the last clean close: unchanged since means nobody touched it. */
  closedMtimeMs: number | null;
  /** When PRAGMA quick_check last passed at open. */
  lastQuickCheckAt: string | null;
  /** How long that check took, and on how many bytes: the next one's progress is estimated from it. */
  lastQuickCheck?: { ms: number; bytes: number } | null;
  updatedAt: string;
}

export function sidecarPath(libraryFile: string): string {
  const dir = path.dirname(libraryFile);
  return path.join(dir, `${path.basename(libraryFile, path.extname(libraryFile))}.state.json`);
}

/** The sidecar, or null when there is none or it cannot be understood (then nothing is assumed). */
export function readSidecar(libraryFile: string): LibrarySidecar | null {
  try {
    const value = JSON.parse(fs.readFileSync(sidecarPath(libraryFile), 'utf8')) as Partial<LibrarySidecar>;
    if (value.format !== 1 || (value.state !== 'open' && value.state !== 'closed') || typeof value.fileBytes !== 'number') return null;
    return {
      format: 1,
      state: value.state,
      pid: Number(value.pid) || 0,
      fileBytes: value.fileBytes,
      sources: Number(value.sources) || 0,
      briefs: Number(value.briefs) || 0,
      changedSinceBackup: value.changedSinceBackup !== false,
      lastBackupAt: typeof value.lastBackupAt === 'string' ? value.lastBackupAt : null,
      closedMtimeMs: typeof value.closedMtimeMs === 'number' ? value.closedMtimeMs : null,
      lastQuickCheckAt: typeof value.lastQuickCheckAt === 'string' ? value.lastQuickCheckAt : null,
      lastQuickCheck:
        typeof value.lastQuickCheck?.ms === 'number' && typeof value.lastQuickCheck.bytes === 'number' && value.lastQuickCheck.bytes > 0
          ? { ms: value.lastQuickCheck.ms, bytes: value.lastQuickCheck.bytes }
          : null,
      updatedAt: typeof value.updatedAt === 'string' ? value.updatedAt : '',
    };
  } catch {
    return null;
  }
}

export function writeSidecar(libraryFile: string, value: Omit<LibrarySidecar, 'format' | 'updatedAt' | 'pid'>): LibrarySidecar {
  const full: LibrarySidecar = { format: 1, ...value, pid: process.pid, updatedAt: new Date().toISOString() };
  writeFileAtomic(sidecarPath(libraryFile), `${JSON.stringify(full, null, 2)}\n`);
  return full;
}

export function removeSidecar(libraryFile: string): void {
  fs.rmSync(sidecarPath(libraryFile), { force: true });
}

/** Replaces a file so that a crash leaves either the old or the new content, never a mix. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/** Makes a rename durable. Some file systems refuse fsync on a directory; the rename still happened. */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
