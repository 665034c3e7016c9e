// How much a claim rests on: counted from its citations, the sources' Admiralty reliability and the
// passages' credibility. Two passages of one source are one source: they are not independent.
import type { BriefFull, ClaimInBrief, Quote, SourceMeta } from '../../db/model';
import { WEAK_CREDIBILITIES, WEAK_RELIABILITIES } from '../vocabulary';

export interface EvidenceStrength {
  /** Distinct sources among the supporting citations. */
  independentSources: number;
  supportingPassages: number;
  /** Rests on exactly one source. */
  singleSource: boolean;
  /** Every supporting passage comes from a D–F source or is rated credibility 4–6. */
  weakOnly: boolean;
  /** Numbers of the citations that contradict the claim. */
  contradictions: number[];
}

/** What a brief gives once for all its citations: each cited passage and source, by id. */
export type CitedEvidence = Pick<BriefFull, 'quotes' | 'sources'>;

// The lookups are built once per brief read (the arrays are the same objects until the next read).
const quoteMaps = new WeakMap<readonly Quote[], Map<number, Quote>>();
const sourceMaps = new WeakMap<readonly SourceMeta[], Map<number, SourceMeta>>();
function byId<T extends { id: number }>(cache: WeakMap<readonly T[], Map<number, T>>, items: readonly T[]): Map<number, T> {
  let m = cache.get(items);
  if (!m) {
    m = new Map(items.map((x) => [x.id, x]));
    cache.set(items, m);
  }
  return m;
}

/** The passage a citation names, from the brief that holds it. */
export const citedQuote = (cited: CitedEvidence, quoteId: number): Quote | undefined => byId(quoteMaps, cited.quotes).get(quoteId);

/** The source a citation names, from the brief that holds it. */
export const citedSource = (cited: CitedEvidence, sourceId: number): SourceMeta | undefined => byId(sourceMaps, cited.sources).get(sourceId);

export function evidenceOf(claim: Pick<ClaimInBrief, 'citations'>, cited: CitedEvidence): EvidenceStrength {
  const quotes = byId(quoteMaps, cited.quotes);
  const sourceById = byId(sourceMaps, cited.sources);
  const sources = new Set<number>();
  let supporting = 0;
  let weak = 0;
  const contradictions: number[] = [];
  for (const c of claim.citations) {
    if (c.relation === 'contradicts') contradictions.push(c.number);
    if (c.relation !== 'supports') continue;
    supporting += 1;
    const quote = quotes.get(c.quoteId);
    if (!quote) continue;
    sources.add(quote.sourceId);
    const reliability = sourceById.get(quote.sourceId)?.reliability;
    const credibility = quote.credibility;
    if ((reliability && WEAK_RELIABILITIES.includes(reliability)) || (credibility && WEAK_CREDIBILITIES.includes(credibility))) weak += 1;
  }
  return {
    independentSources: sources.size,
    supportingPassages: supporting,
    singleSource: sources.size === 1,
    weakOnly: supporting > 0 && weak === supporting,
    contradictions,
  };
}

/** "2 independent sources · contradicted by [4]": the line shown under a claim and in the exports. */
export function evidenceText(e: EvidenceStrength): string {
  const parts: string[] = [];
  if (e.independentSources === 0) parts.push('No supporting source');
  else parts.push(e.independentSources === 1 ? 'Single source' : `${e.independentSources} independent sources`);
  if (e.weakOnly) parts.push('support only from sources rated D–F or passages rated 4–6');
  if (e.contradictions.length) parts.push(`contradicted by ${e.contradictions.map((n) => `[${n}]`).join(', ')}`);
  return parts.join(' · ');
}
