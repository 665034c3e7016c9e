// Every import failure names the file first, so a batch report reads as a list of files and reasons.
import { AppError } from '../../db/errors';

export function importFailed(fileName: string, reason: string): AppError {
  return new AppError('IMPORT_FAILED', `${fileName}: ${reason}`);
}
