// One owner per library. The owner holds <data folder>/sourcemark.lock, created exclusively and
// holding its pid, host and start time. A second process (a second `npm run web`, a second desktop
// app on the same folder) is refused at once, told which folder and which process holds it. A lock
// left by a process that has died (kill -9, power loss) is taken over: its pid is checked first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { fsyncDir } from '../../db/sidecar';

export const LOCK_FILE = 'sourcemark.lock';

interface LockContent {
  pid: number;
  host: string;
  mode: string;
  startedAt: string;
}

export interface OwnerLock {
  file: string;
  release(): void;
}

/** Locks this process holds, so a second open in the same process is refused like another process. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    return { pid: Number(v.pid), host: String(v.host ?? ''), mode: String(v.mode ?? ''), startedAt: String(v.startedAt ?? '') };
  } catch {
    return null;
  }
}

function inUse(dataDir: string, holder: LockContent | null): AppError {
  const who = holder
    ? `Sourcemark process ${holder.pid}${holder.mode ? ` (${holder.mode === 'web' ? 'browser mode' : 'desktop app'})` : ''}${holder.startedAt ? `, started ${holder.startedAt}` : ''}`
    : 'another Sourcemark process';
  return new AppError(
    'LIBRARY_IN_USE',
    `The library in ${dataDir} is already open in ${who}. Two programs writing one library would get in each other's way, so this one will not open it. Use the one that is running, or close it first.`,
    holder ? { pid: holder.pid, dataDir } : { dataDir },
  );
}

/** Takes the data folder's lock or throws LIBRARY_IN_USE naming the holder. */
export function acquireOwnerLock(dataDir: string, mode: string): OwnerLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  if (heldHere.has(file)) throw inUse(dataDir, { pid: process.pid, host: os.hostname(), mode, startedAt: '' });
  const content: LockContent = { pid: process.pid, host: os.hostname(), mode, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError('LIBRARY_REFUSED', `Sourcemark cannot create its lock file ${file}: ${(err as Error).message}`);
      }
      const holder = readLock(file);
      // A half-written lock (its writer died between create and write) is as stale as a dead pid.
      const stale = !holder || (holder.host === os.hostname() && (!isAlive(holder.pid) || holder.pid === process.pid));
      if (!stale) throw inUse(dataDir, holder);
      // Take over atomically: whoever renames the stale lock away first retries; the other sees EEXIST again.
      const aside = `${file}.stale-${process.pid}`;
      try {
        fs.renameSync(file, aside);
      } catch {
        continue; // someone else took it over first; the next attempt decides
      }
      const moved = readLock(aside);
      if (moved && moved.pid !== holder?.pid && isAlive(moved.pid)) {
        // Between our read and our rename another process took the lock over: give it back.
        try {
          fs.linkSync(aside, file);
        } catch {
          // the file is there again already
        }
        fs.rmSync(aside, { force: true });
        throw inUse(dataDir, moved);
      }
      fs.rmSync(aside, { force: true });
      continue;
    }
    try {
      fs.writeSync(fd, JSON.stringify(content));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fsyncDir(path.dirname(file));
    heldHere.add(file);
    let released = false;
    return {
      file,
      release() {
        if (released) return;
        released = true;
        heldHere.delete(file);
        const now = readLock(file);
        if (now?.pid === process.pid) fs.rmSync(file, { force: true });
      },
    };
  }
  throw inUse(dataDir, readLock(file));
}
