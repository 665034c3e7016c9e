// After bundle operations: an imported bundle (or details taken from a CSL-JSON file) can touch every
// list on screen — sources, passages, tags, briefs — so everything is stale; a new sharing identity
// changes only the identity shown.
import type { QueryClient } from '@tanstack/react-query';
import { invalidate } from './cache';

export function libraryMerged(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries();
}

export function bundleIdentityChanged(qc: QueryClient): Promise<void> {
  return invalidate(qc, ['bundleIdentity']);
}
