// Writes to sources: adding one by hand, editing its details, deleting it.
import type { QueryClient } from '@tanstack/react-query';
import type { MethodInput, SourceSummary } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { invalidate, invalidateEvidence } from './cache';

/** A new source has no passages and no citations: only the library's list changes. */
export async function addSource(qc: QueryClient, input: MethodInput<'addSource'>): Promise<{ source: SourceSummary; created: boolean }> {
  const out = await client.addSource(input);
  if (out.created) await invalidate(qc, keys.sources, keys.searchAll);
  return out;
}

/** Titles and outlets show in the library, the reader, citation tags, the quote picker and search. */
export async function updateSource(qc: QueryClient, id: number, patch: MethodInput<'updateSource'>['patch']): Promise<SourceSummary> {
  const saved = await client.updateSource({ id, patch });
  await invalidate(qc, keys.sources, keys.source(id), keys.briefAll, keys.quotes, keys.searchAll);
  return saved;
}

/** Its passages go with it, and with `removeCitations` the citations of them. */
export async function deleteSource(qc: QueryClient, id: number, removeCitations: boolean): Promise<void> {
  await client.deleteSource({ id, removeCitations });
  qc.removeQueries({ queryKey: keys.source(id) });
  await invalidateEvidence(qc);
}

/** While a batch imports, the library's list catches up now and then; when it ends, search does too. */
export function sourcesImported(qc: QueryClient, batchEnded: boolean): Promise<void> {
  return invalidate(qc, keys.sources, ...(batchEnded ? [keys.searchAll] : []));
}
