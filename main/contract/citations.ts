// Citations: the links from a claim to the passages that support, contradict or give context to it.
// Implemented in main/service/citations.ts.
import { z } from 'zod';
import type { Citation } from '../../db/model';
import { id, relation } from './fields';
import { method } from './method';

export const citationMethods = {
  addCitation: method(
    z.strictObject({
      claimId: id,
      quoteId: id,
      relation: relation.default('supports'),
      /** Insert after this citation of the same claim; null puts it first; omitted appends. */
      afterId: id.nullable().optional(),
    }),
  ).returns<Citation>(),
  updateCitation: method(z.strictObject({ id, relation })).returns<Citation>(),
  moveCitation: method(z.strictObject({ id, afterId: id.nullable() })).returns<Citation>(),
  removeCitation: method(z.strictObject({ id })).returns<Citation>(),
} as const;
