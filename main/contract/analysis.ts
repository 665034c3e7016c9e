// Structured analysis: an Analysis of Competing Hypotheses and a Key Assumptions Check per
// brief. Every change returns the whole scored analysis, so the screen never shows a stale ranking.
import { z } from 'zod';
import type { KeyAssumption } from '../../db/model';
import type { Analysis } from '../tradecraft/ach-score';
import { ACH_RATINGS, ACH_RELEVANCES, ASSUMPTION_STATUSES } from '../vocabulary';
import { method } from './method';
import { requiredText } from './fields';

/** How many hypotheses an analysis holds: fewer than two compares nothing; Heuer's matrices rarely pass nine. */
export const ACH_LIMITS = { minHypotheses: 2, maxHypotheses: 9, maxRows: 500, hypothesisChars: 500, assumptionChars: 2000, questionChars: 1000 } as const;

export type { Analysis } from '../tradecraft/ach-score';

const id = z.number({ error: 'This must be given by its number.' }).int().positive();
const achRating = z.enum(ACH_RATINGS, { error: 'A rating is CC (very consistent), C, N (neutral), I or II (very inconsistent).' });
const achRelevance = z.enum(ACH_RELEVANCES, { error: 'Relevance is low, medium or high.' });
const assumptionStatus = z.enum(ASSUMPTION_STATUSES, { error: 'An assumption is solid, correct with caveats, or unsupported.' });
const hypothesisText = requiredText('The hypothesis', ACH_LIMITS.hypothesisChars);
const assumptionText = requiredText('The assumption', ACH_LIMITS.assumptionChars);
const note = z.string({ error: 'The note must be text.' }).max(2000, { error: 'The note is longer than 2000 characters.' });

export const analysisMethods = {
  /** The brief's analysis, scored; null when the brief has none yet. */
  getAnalysis: method(z.strictObject({ briefId: id })).returns<{ analysis: Analysis | null }>(),
  createAnalysis: method(z.strictObject({ briefId: id, question: z.string().max(ACH_LIMITS.questionChars).default('') })).returns<Analysis>(),
  updateAnalysis: method(
    z.strictObject({
      analysisId: id,
      question: z.string().max(ACH_LIMITS.questionChars, { error: `The question is longer than ${ACH_LIMITS.questionChars} characters.` }).optional(),
      weighByRelevance: z.boolean().optional(),
      weighByCredibility: z.boolean().optional(),
    }),
  ).returns<Analysis>(),
  addHypothesis: method(z.strictObject({ analysisId: id, text: hypothesisText })).returns<Analysis>(),
  updateHypothesis: method(z.strictObject({ hypothesisId: id, text: hypothesisText })).returns<Analysis>(),
  removeHypothesis: method(z.strictObject({ hypothesisId: id })).returns<Analysis>(),
  /** A passage row (quoteId) or an assumption row (assumption text): exactly one of the two. */
  addEvidenceRow: method(
    z.union(
      [
        z.strictObject({ analysisId: id, quoteId: id, relevance: achRelevance.default('medium') }),
        z.strictObject({ analysisId: id, assumption: assumptionText, relevance: achRelevance.default('medium') }),
      ],
      { error: 'An evidence row is either a passage from the library or an assumption written as text, not both.' },
    ),
  ).returns<Analysis>(),
  /** Adds, as rows, the passages a claim cites that the analysis does not hold yet. */
  addEvidenceFromClaim: method(z.strictObject({ analysisId: id, claimId: id })).returns<Analysis>(),
  updateEvidenceRow: method(z.strictObject({ rowId: id, relevance: achRelevance.optional(), assumption: assumptionText.optional() })).returns<Analysis>(),
  removeEvidenceRow: method(z.strictObject({ rowId: id })).returns<Analysis>(),
  /** A claim cites the analysis's ranking of the hypotheses (the export prints it with the claim), or stops. */
  citeAnalysis: method(z.strictObject({ analysisId: id, claimId: id, cites: z.boolean() })).returns<Analysis>(),
  /** Rates one cell; null clears it. */
  rateCell: method(z.strictObject({ hypothesisId: id, rowId: id, rating: achRating.nullable() })).returns<Analysis>(),

  listKeyAssumptions: method(z.strictObject({ briefId: id })).returns<KeyAssumption[]>(),
  addKeyAssumption: method(
    z.strictObject({ briefId: id, text: assumptionText, status: assumptionStatus.default('solid'), note: note.default(''), claimIds: z.array(id).max(200).default([]) }),
  ).returns<KeyAssumption>(),
  updateKeyAssumption: method(
    z.strictObject({ id, text: assumptionText.optional(), status: assumptionStatus.optional(), note: note.optional(), claimIds: z.array(id).max(200).optional() }),
  ).returns<KeyAssumption>(),
  removeKeyAssumption: method(z.strictObject({ id })).returns<KeyAssumption>(),
} as const;
