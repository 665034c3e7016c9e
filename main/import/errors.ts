// Every import failure names the file first, so a batch report reads as a list of files and reasons.
import { AppError } from '../../db/errors';

export function importFailed(fileName: string, reason: string): AppError {
  return new AppError('IMPORT_FAILED', `${fileName}: ${reason}`);
}

/** 52 428 800 -> "50 MB"; 1 536 -> "1.5 KB". */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace(/\.0$/, '')} ${units[unit]}`;
}
