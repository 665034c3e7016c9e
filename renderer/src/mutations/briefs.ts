// Writes to a brief's own fields, and creating and deleting briefs.
import type { QueryClient } from '@tanstack/react-query';
import type { BriefFull, BriefMeta, MethodInput } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { invalidate } from './cache';

export type BriefPatch = Omit<MethodInput<'updateBrief'>, 'id'>;

/**
 * The returned fields go into the open brief as they are (its claims are untouched). The brief list
 * shows the title and marking, and the history records title, marking and bottom line; the product
 * template's fields are in neither.
 */
export async function updateBrief(qc: QueryClient, id: number, patch: BriefPatch): Promise<BriefMeta> {
  const meta = await client.updateBrief({ id, ...patch });
  qc.setQueryData<BriefFull>(keys.brief(id), (b) => (b ? { ...b, ...meta } : b));
  if ('title' in patch || 'marking' in patch || 'summary' in patch) await invalidate(qc, keys.briefs, keys.undoAll);
  return meta;
}

/** A new brief is in the list, and its (empty) content is fetched before it is shown. */
export async function createBrief(qc: QueryClient, title: string): Promise<BriefMeta> {
  const brief = await client.createBrief({ title });
  await invalidate(qc, keys.briefs);
  await qc.prefetchQuery({ queryKey: keys.brief(brief.id), queryFn: () => client.getBrief({ id: brief.id }) });
  return brief;
}

export async function deleteBrief(qc: QueryClient, id: number): Promise<void> {
  await client.deleteBrief({ id });
  qc.removeQueries({ queryKey: keys.brief(id) });
  await invalidate(qc, keys.briefs);
}
