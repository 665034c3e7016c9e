// Quotes (passages): exact spans of a source's text, with a note and a credibility. Implemented in
// main/service/quotes.ts.
import { z } from 'zod';
import type { Citation, Page, Quote, QuoteWithUse } from '../../db/model';
import { LIMITS } from '../vocabulary';
import { credibility, id, text } from './fields';
import { method } from './method';

export const quoteMethods = {
  createQuote: method(
    z.strictObject({
      sourceId: id,
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      /** The text the analyst selected; when given it must equal the body slice. */
      exact: z.string().max(LIMITS.bodyChars).optional(),
      note: text('The note', LIMITS.noteChars).default(''),
      credibility: credibility.nullable().optional(),
      tagIds: z.array(id).max(50).optional(),
    }),
  ).returns<QuoteWithUse>(),
  getQuote: method(z.strictObject({ id })).returns<QuoteWithUse>(),
  listQuotes: method(
    z.strictObject({
      sourceId: id.optional(),
      tagId: id.nullable().optional(),
      /** A credibility from 1 to 6, or "none" for passages not rated. */
      credibility: z.union([credibility, z.literal('none')], { error: 'Credibility is a number from 1 to 6, or "none" for passages not rated.' }).optional(),
      /** true: only passages cited by a claim; false: only passages no claim cites. */
      cited: z.boolean().optional(),
      /** "source": by source, then place in the text; "newest": the latest quoted first. */
      order: z.enum(['source', 'newest'], { error: 'Order is "source" or "newest".' }).default('source'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5_000).default(1_000),
    }),
  ).returns<Page<QuoteWithUse>>(),
  updateQuote: method(
    z.strictObject({ id, note: text('The note', LIMITS.noteChars).optional(), credibility: credibility.nullable().optional() }),
  ).returns<QuoteWithUse>(),
  deleteQuote: method(z.strictObject({ id, removeCitations: z.boolean().default(false) })).returns<{
    quote: Quote;
    removedCitations: Citation[];
  }>(),
} as const;
