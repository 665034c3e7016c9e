// Sources: the immutable texts passages are quoted from, and their metadata. Implemented in
// main/service/sources.ts.
import { z } from 'zod';
import type { Page, Source, SourceSummary } from '../../db/model';
import { LIMITS } from '../vocabulary';
import { hasNoNul, id, nulMessage, sourceFormat, sourceMetaFields } from './fields';
import { method } from './method';

export const sourceMethods = {
  addSource: method(
    z.strictObject({
      ...sourceMetaFields,
      format: sourceFormat.default('text'),
      body: z
        .string({ error: 'The text of the source is missing.' })
        .refine((s) => s.trim().length > 0, { error: 'The source has no text.' })
        .refine(hasNoNul, { error: nulMessage('The text of the source') })
        .refine((s) => s.length <= LIMITS.bodyChars, {
          error: (iss) => `The text is ${String((iss.input as string).length)} characters; the limit is ${LIMITS.bodyChars}.`,
        }),
      tagIds: z.array(id).max(50).optional(),
    }),
  ).returns<{ source: SourceSummary; created: boolean }>(),
  listSources: method(
    z.strictObject({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(LIMITS.pageSize).default(100),
      tagId: id.nullable().optional(),
      /** Filters by title, outlet or author (substring, case-insensitive). */
      filter: z.string().max(LIMITS.searchChars).optional(),
    }),
  ).returns<Page<SourceSummary>>(),
  getSource: method(z.strictObject({ id })).returns<Source>(),
  updateSource: method(
    z.strictObject({
      id,
      patch: z.strictObject({ ...sourceMetaFields, title: sourceMetaFields.title.optional() }).partial(),
    }),
  ).returns<SourceSummary>(),
  deleteSource: method(z.strictObject({ id, removeCitations: z.boolean().default(false) })).returns<{
    deletedQuotes: number;
    removedCitations: number;
  }>(),
} as const;
