// Finding things in the library: search (Ctrl+K), backlinks, find in one source (the reader's find bar,
// and where a search hit lands), and the claims of every brief that carry a tag. Implemented in
// main/service/find.ts and main/service/library.ts.
import { z } from 'zod';
import type { CitingClaim, QuoteWithUse, SearchResult, TaggedClaim } from '../../db/model';
import type { FindResult } from '../../db/search/find';
import { LIMITS } from '../vocabulary';
import { id } from './fields';
import { method } from './method';

export type { FindResult };

export const searchMethods = {
  search: method(
    z.strictObject({
      query: z
        .string()
        .max(LIMITS.searchChars, { error: `A search is at most ${LIMITS.searchChars} characters.` })
        // Found by the contract fuzz: a NUL reached FTS5 as an "unterminated string" INTERNAL error.
        .refine((q) => !q.includes('\0'), { error: 'A search cannot contain a NUL character.' }),
      kinds: z.array(z.enum(['source', 'quote', 'claim'])).optional(),
      limit: z.number().int().min(1).max(50).default(50),
      /** Also find other forms of the words (Турция → Турцию); false matches them only as typed. */
      wordForms: z.boolean().default(true),
    }),
  ).returns<SearchResult>(),
  claimsCitingQuote: method(z.strictObject({ quoteId: id })).returns<CitingClaim[]>(),
  sourceBacklinks: method(z.strictObject({ sourceId: id })).returns<QuoteWithUse[]>(),
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
