import path from 'node:path';

/** True when file lies strictly inside dir (after resolving "..": no escape, not dir itself). */
export function isInsideDir(dir: string, file: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel);
}
