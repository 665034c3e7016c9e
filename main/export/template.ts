// The product template every export shares: the cover lines, the portion mark, each
// claim's judgment line (ICD 203 likelihood and confidence, never in one sentence of the claim) and
// evidence strength, and the source summary statement. Text only; each format lays it out its own way.
import type { BriefFull, ClaimInBrief } from '../../db/model';
import { evidenceOf, evidenceText, type CitedEvidence } from '../tradecraft/evidence';
import { formatDate } from '../tradecraft/endnotes';
import { draftSourceSummary } from '../tradecraft/source-summary';
import { CONFIDENCE_WORDS, likelihoodText } from '../vocabulary';

/** "(U) " before each paragraph when the brief has a portion mark, else nothing. */
export function portionPrefix(brief: Pick<BriefFull, 'portionMark'>): string {
  const mark = brief.portionMark.trim();
  return mark ? `(${mark}) ` : '';
}

export interface CoverLine {
  label: string;
  value: string;
}

/** Who issues the brief, when, how current it is and who may read it; lines without a value are left out. */
export function coverLines(brief: BriefFull, exportedAt: string): CoverLine[] {
  const lines: CoverLine[] = [];
  const by = [brief.author.trim(), brief.organisation.trim()].filter(Boolean).join(', ');
  if (by) lines.push({ label: 'Prepared by', value: by });
  lines.push({ label: 'Date', value: formatDate(exportedAt.slice(0, 10)) });
  if (brief.cutoffDate) lines.push({ label: 'Information cut-off', value: formatDate(brief.cutoffDate) });
  if (brief.dissemination.trim()) lines.push({ label: 'Dissemination', value: brief.dissemination.trim() });
  lines.push({ label: 'Last edited', value: formatDate(brief.updatedAt) });
  return lines;
}

/** "Likelihood: likely (55–80%) · Confidence: moderate", or null for a claim that states neither. */
export function judgmentText(claim: Pick<ClaimInBrief, 'likelihood' | 'confidence'>, brief: Pick<BriefFull, 'likelihoodRow'>): string | null {
  const parts: string[] = [];
  if (claim.likelihood) parts.push(`Likelihood: ${likelihoodText(claim.likelihood, brief.likelihoodRow)}`);
  if (claim.confidence) parts.push(`Confidence: ${CONFIDENCE_WORDS[claim.confidence].replace(/ confidence$/, '').toLowerCase()}`);
  return parts.length ? parts.join(' · ') : null;
}

/** "Evidence: 2 independent sources · contradicted by [4]". */
export function evidenceLine(claim: ClaimInBrief, brief: CitedEvidence): string {
  return `Evidence: ${evidenceText(evidenceOf(claim, brief))}`;
}

/** The analyst's source summary statement, or Sourcemark's draft (said so) when none was written. */
export function sourceSummaryOf(brief: BriefFull): { text: string; drafted: boolean } | null {
  if (brief.sourceSummary.trim()) return { text: brief.sourceSummary.trim(), drafted: false };
  if (brief.sources.length === 0) return null;
  return { text: draftSourceSummary(brief), drafted: true };
}

export const DRAFTED_NOTE = 'Drafted by Sourcemark from the cited evidence; not reviewed by the analyst.';
