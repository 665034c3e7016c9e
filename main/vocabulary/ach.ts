// Structured analytic techniques: the ratings of an Analysis of Competing Hypotheses matrix and the
// statuses of a Key Assumptions Check.
import type { Credibility } from './admiralty';

/**
 * Analysis of Competing Hypotheses (Heuer, Psychology of Intelligence Analysis, ch. 8): how one
 * piece of evidence bears on one hypothesis. Only inconsistency counts against a hypothesis.
 */
export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II'] as const;
export type AchRating = (typeof ACH_RATINGS)[number];
export const ACH_RATING_WORDS: Record<AchRating, string> = {
  CC: 'very consistent',
  C: 'consistent',
  N: 'neutral or not applicable',
  I: 'inconsistent',
  II: 'very inconsistent',
};
/** Heuer's inconsistency score: I counts 1, II counts 2, everything else nothing. */
export const ACH_INCONSISTENCY: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2 };
/** Where a rating sits from very consistent (+2) to very inconsistent (−2); diagnosticity is its spread. */
export const ACH_CONSISTENCY: Record<AchRating, number> = { CC: 2, C: 1, N: 0, I: -1, II: -2 };

/** How much one evidence row matters to the question, when the analysis weighs by relevance. */
export const ACH_RELEVANCES = ['low', 'medium', 'high'] as const;
export type AchRelevance = (typeof ACH_RELEVANCES)[number];
export const ACH_RELEVANCE_WEIGHT: Record<AchRelevance, number> = { low: 0.5, medium: 1, high: 2 };

/**
 * When the analysis weighs by credibility: confirmed or probable information counts fully, doubtful
 * or improbable information less; "cannot be judged" (6) and a row with no credibility count half
 * and fully respectively, since no judgment is not a judgment of doubt.
 */
export const ACH_CREDIBILITY_WEIGHT: Record<Credibility, number> = { 1: 1, 2: 1, 3: 0.75, 4: 0.5, 5: 0.25, 6: 0.5 };

/** Key Assumptions Check: where each assumption a judgment rests on stands. */
export const ASSUMPTION_STATUSES = ['solid', 'caveats', 'unsupported'] as const;
export type AssumptionStatus = (typeof ASSUMPTION_STATUSES)[number];
export const ASSUMPTION_STATUS_WORDS: Record<AssumptionStatus, string> = {
  solid: 'Solid',
  caveats: 'Correct with caveats',
  unsupported: 'Unsupported',
};

/** How an analysis names its parts on screen and in exports: hypotheses H1…H9, evidence rows E1… */
export const hypothesisLabel = (index: number): string => `H${index + 1}`;
export const evidenceLabel = (number: number): string => `E${number}`;
