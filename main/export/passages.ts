// A passage cited by several claims is printed once in the evidence (PDF annex, Markdown footnotes):
// its first citation carries the passage verbatim, its source details and the list of claims citing
// it; every later citation of it refers back to that one instead of repeating the details.
import { briefLookup } from '../../db/briefs';
import type { BriefFull, CitationInBrief, ClaimInBrief, Quote, Relation, SourceMeta } from '../../db/model';
import { pageLabel } from '../vocabulary';

/** A citation with its passage and source: the exporters print them beside each citation. */
export interface CitationWithEvidence extends CitationInBrief {
  quote: Quote;
  source: SourceMeta;
}
export interface ClaimWithEvidence extends ClaimInBrief {
  citations: CitationWithEvidence[];
}
export interface BriefWithEvidence extends BriefFull {
  claims: ClaimWithEvidence[];
}

const resolved = new WeakMap<BriefFull, BriefWithEvidence>();

/** The brief with each citation's passage and source put beside it (getBrief names them by id), once per brief. */
export function withEvidence(brief: BriefFull): BriefWithEvidence {
  let out = resolved.get(brief);
  if (!out) {
    const cite = briefLookup(brief);
    out = { ...brief, claims: brief.claims.map((claim) => ({ ...claim, citations: claim.citations.map((c) => ({ ...c, quote: cite.quote(c), source: cite.source(c) })) })) };
    resolved.set(brief, out);
    resolved.set(out, out);
  }
  return out;
}

export interface PassageUse {
  number: number;
  claimNumber: number;
  relation: Relation;
}

/** For each cited passage, its citations in reading order. */
export function passageUses(brief: BriefFull): Map<number, PassageUse[]> {
  const uses = new Map<number, PassageUse[]>();
  for (const claim of brief.claims) {
    for (const c of claim.citations) {
      const list = uses.get(c.quoteId) ?? [];
      list.push({ number: c.number, claimNumber: claim.number, relation: c.relation });
      uses.set(c.quoteId, list);
    }
  }
  return uses;
}

/** The citation that prints the passage in full: the first, in reading order. */
export function firstUse(uses: Map<number, PassageUse[]>, c: CitationInBrief): PassageUse {
  return (uses.get(c.quoteId) ?? [])[0] ?? { number: c.number, claimNumber: 0, relation: c.relation };
}

/** "claim 1 as [1] (supports), claim 3 as [5] (contradicts)": who cites a passage, in words. */
export function usesText(uses: PassageUse[], marker: (n: number) => string): string {
  return uses.map((u) => `claim ${u.claimNumber} as ${marker(u.number)} (${u.relation})`).join(', ');
}

/** The first words of a passage, to name it where it is referred to rather than quoted. */
export function openingWords(exact: string, max = 60): string {
  const flat = exact.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The source descriptor with the passage's PDF page(s): "… · p. 4"; unchanged for sources without pages. */
export function descriptorWithPages(descriptor: string, quote: Pick<Quote, 'pages'>): string {
  const pages = pageLabel(quote.pages);
  return pages ? `${descriptor} · ${pages}` : descriptor;
}
