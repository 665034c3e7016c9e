// After a backup is taken: the list of backups and the library's status (its last backup) are stale.
import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../api/keys';
import { invalidate } from './cache';

export function backupsChanged(qc: QueryClient): Promise<void> {
  return invalidate(qc, keys.backups, keys.libraryStatus);
}
