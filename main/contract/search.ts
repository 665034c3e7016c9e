// Finding things inside the library beyond Ctrl+K: find in one source (the reader's find bar, and
// where a search hit lands), and the claims of every brief that carry a tag.
import { z } from 'zod';
import type { TaggedClaim } from '../../db/model';
import type { FindResult } from '../../db/search/find';
import { LIMITS } from '../../db/limits';
import { method } from './method';

const id = z.number().int().positive();

export type { FindResult };

export const searchMethods = {
  /** Every place in a source's text that holds the words, as typed or in another form, in text order. */
  findInSource: method(
    z.strictObject({
      sourceId: id,
      query: z.string({ error: 'What to find must be text.' }).max(LIMITS.searchChars, { error: `What to find is at most ${LIMITS.searchChars} characters.` }),
      /** true: the query is one phrase, as a find bar reads it; false: each word or "quoted phrase" is found on its own. */
      phrase: z.boolean().default(true),
    }),
  ).returns<FindResult>(),
  /** Claims of every brief carrying a tag, brief by brief in reading order. */
  listTaggedClaims: method(z.strictObject({ tagId: id, limit: z.number().int().min(1).max(LIMITS.pageSize).default(LIMITS.pageSize) })).returns<{
    items: TaggedClaim[];
    total: number;
  }>(),
} as const;
