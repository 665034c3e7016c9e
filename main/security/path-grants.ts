// In the desktop app a page can name files on disk (export to a path, import paths, open a file).
// A compromised page must not read or overwrite arbitrary files, so a path is accepted only when
// the analyst chose it in a native dialog during this run (or, for opening, it is one of our exports).
import path from 'node:path';
import type { ErrorValue } from '../../db/errors';
import { isOpenablePath } from './navigation';

export class PathGrants {
  private readonly save = new Set<string>();
  private readonly open = new Set<string>();

  constructor(private readonly ownDirs: readonly string[]) {}

  grantSave(file: string): void {
    this.save.add(path.resolve(file));
  }

  grantOpen(files: readonly string[]): void {
    for (const f of files) this.open.add(path.resolve(f));
  }

  maySave(file: string): boolean {
    return this.save.has(path.resolve(file));
  }

  mayRead(file: string): boolean {
    return this.open.has(path.resolve(file));
  }

  /** Opening with the OS's program: an export we wrote, or a file the analyst saved to this run. */
  mayOpen(file: string): boolean {
    return isOpenablePath(file, { dirs: this.ownDirs, files: this.save });
  }
}

const refusal = (message: string): ErrorValue => ({ code: 'FORBIDDEN', message });

/** Checks the file paths inside a contract call against the grants; null when the call may go on. */
export function checkPathsInCall(name: string, input: unknown, grants: PathGrants): ErrorValue | null {
  const fields = (input ?? {}) as Record<string, unknown>;
  if (name === 'exportBrief' && typeof fields.path === 'string' && !grants.maySave(fields.path)) {
    return refusal(`Sourcemark writes an export only where you chose to save it; ${fields.path} was not chosen in the save dialog.`);
  }
  if (name === 'importPaths' && Array.isArray(fields.paths)) {
    const foreign = fields.paths.find((p) => typeof p !== 'string' || !grants.mayRead(p));
    if (foreign !== undefined) return refusal(`Sourcemark imports only files you picked in the open dialog; ${String(foreign)} was not picked.`);
  }
  if (name === 'openPath' && typeof fields.path === 'string' && !grants.mayOpen(fields.path)) {
    return refusal(`Sourcemark opens only the exports it wrote (PDF or Markdown); ${fields.path} is not one of them.`);
  }
  return null;
}
