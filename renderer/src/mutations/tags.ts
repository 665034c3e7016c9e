// Attaching and detaching topic tags. What is stale depends on what was tagged: a source's tags show
// in the library list and the reader, a passage's in the lists of passages, a claim's in its brief and
// in the library's list of a tag's claims. The tag list (with its counts) changes every time.
import type { QueryClient } from '@tanstack/react-query';
import type { Tag, TagTarget } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { invalidate } from './cache';

type Target = { kind: TagTarget; id: number };

function refresh(qc: QueryClient, target: Target): Promise<void> {
  const shown = { source: [keys.sources, keys.source(target.id)], quote: [keys.quotes], claim: [keys.briefAll] }[target.kind];
  return invalidate(qc, keys.tags, ...shown);
}

/** Attaches the tag named `name` (case and width folded), creating it with `colour` when the library has none. */
export async function attachTagByName(qc: QueryClient, target: Target, name: string, colour: string, known: Tag[]): Promise<Tag[]> {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();
  const tag = known.find((t) => fold(t.name) === fold(name)) ?? (await client.createTag({ name, colour }));
  const tags = await client.attachTag({ tagId: tag.id, target });
  await refresh(qc, target);
  return tags;
}

export async function detachTag(qc: QueryClient, target: Target, tagId: number): Promise<Tag[]> {
  const tags = await client.detachTag({ tagId, target });
  await refresh(qc, target);
  return tags;
}
