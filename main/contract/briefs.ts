// Briefs and their claims: create, read in one call, edit, reorder, delete. Implemented in
// main/service/briefs.ts; every change is undoable (./history.ts).
import { z } from 'zod';
import type { BriefFull, BriefMeta, BriefSummary, Citation, Claim } from '../../db/model';
import { LIMITS } from '../vocabulary';
import { briefTemplateFields, confidence, id, likelihood, requiredText, text } from './fields';
import { method } from './method';

export const briefMethods = {
  createBrief: method(
    z.strictObject({
      title: requiredText('The title', LIMITS.titleChars),
      marking: text('The marking', LIMITS.shortFieldChars).default('UNCLASSIFIED'),
      summary: text('The summary', LIMITS.summaryChars).default(''),
      ...z.strictObject(briefTemplateFields).partial().shape,
    }),
  ).returns<BriefMeta>(),
  listBriefs: method(z.strictObject({})).returns<BriefSummary[]>(),
  getBrief: method(z.strictObject({ id })).returns<BriefFull>(),
  updateBrief: method(
    z.strictObject({
      id,
      title: requiredText('The title', LIMITS.titleChars).optional(),
      marking: text('The marking', LIMITS.shortFieldChars).optional(),
      summary: text('The summary', LIMITS.summaryChars).optional(),
      ...z.strictObject(briefTemplateFields).partial().shape,
    }),
  ).returns<BriefMeta>(),
  deleteBrief: method(z.strictObject({ id })).returns<{ deletedClaims: number }>(),

  // claims
  addClaim: method(
    z.strictObject({
      briefId: id,
      text: text('The claim', LIMITS.claimChars),
      confidence: confidence.nullable().optional(),
      likelihood: likelihood.nullable().optional(),
      /** Insert after this claim; null puts it first; omitted appends at the end. */
      afterId: id.nullable().optional(),
    }),
  ).returns<Claim>(),
  updateClaim: method(
    z.strictObject({
      id,
      text: text('The claim', LIMITS.claimChars).optional(),
      confidence: confidence.nullable().optional(),
      likelihood: likelihood.nullable().optional(),
    }),
  ).returns<Claim>(),
  moveClaim: method(z.strictObject({ id, afterId: id.nullable() })).returns<Claim>(),
  deleteClaim: method(z.strictObject({ id })).returns<{ claim: Claim; citations: Citation[]; tagIds: number[] }>(),
} as const;
