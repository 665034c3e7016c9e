// The export check's tradecraft part: what the ICD 203 checker finds in the claims, the
// endnote fields missing for each cited source, and the product template's gaps. None of it stops an
// export: the analyst reads it, in plain words, before choosing to go on. An empty or untitled brief
// is the exception: there is nothing a reader could use, so it is refused.
import type { BriefFull } from '../../db/model';
import type { ExportCheck } from '../contract/export';
import { checkProse, createBriefChecker } from '../tradecraft/check';
import { missingEndnoteFields, missingFieldsText } from '../tradecraft/endnotes';

const checker = createBriefChecker();

/** Why the brief cannot be exported at all, or null. */
function emptyReason(brief: BriefFull): string | null {
  if (!brief.title.trim() || /^untitled( brief)?( \d+)?$/i.test(brief.title.trim())) {
    return `The brief has no title of its own (“${brief.title}”); give it one before exporting: the title heads the cover and every page.`;
  }
  if (brief.claims.every((c) => !c.text.trim()) && !brief.summary.trim()) {
    return `“${brief.title}” has no bottom line and no written claim; there is nothing to export yet.`;
  }
  return null;
}

export function tradecraftCheck(brief: BriefFull): Pick<ExportCheck, 'tradecraft' | 'proseTradecraft' | 'endnoteGaps' | 'product' | 'empty'> {
  const tradecraft = checker(brief).flatMap((c) => c.findings.map((f) => ({ claimId: c.claimId, claimNumber: c.claimNumber, rule: f.rule, message: f.message })));
  const proseTradecraft = (
    [
      ['bottom-line', brief.summary],
      ['source-summary', brief.sourceSummary],
    ] as const
  ).flatMap(([part, text]) => checkProse(text, brief.likelihoodRow).map((f) => ({ part, rule: f.rule, message: f.message })));
  const endnoteGaps = brief.sources
    .map((s) => ({ sourceId: s.id, title: s.title, missing: missingEndnoteFields(s) }))
    .filter((g) => g.missing.length > 0)
    .map((g) => ({ ...g, message: `The endnote of “${g.title}” has no ${missingFieldsText(g.missing)}.` }));
  const product: string[] = [];
  if (!brief.author.trim() && !brief.organisation.trim()) product.push('The brief names no author or organisation.');
  if (!brief.cutoffDate) product.push('The brief has no information cut-off date.');
  if (!brief.dissemination.trim()) product.push('The brief has no dissemination line (who may read it).');
  if (!brief.summary.trim()) product.push('The brief has no bottom line.');
  if (!brief.sourceSummary.trim() && brief.sources.length > 0) {
    product.push('The brief has no source summary statement of its own; the export prints the one Sourcemark drafts from the evidence.');
  }
  return { tradecraft, proseTradecraft, endnoteGaps, product, empty: emptyReason(brief) };
}
