// How much a claim rests on: counted from its citations, the sources' Admiralty reliability and the
// passages' credibility. Two passages of one source are one source: they are not independent.
import type { ClaimInBrief } from '../../db/model';
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

export function evidenceOf(claim: Pick<ClaimInBrief, 'citations'>): EvidenceStrength {
  const sources = new Set<number>();
  let supporting = 0;
  let weak = 0;
  const contradictions: number[] = [];
  for (const c of claim.citations) {
    if (c.relation === 'contradicts') contradictions.push(c.number);
    if (c.relation !== 'supports') continue;
    supporting += 1;
    sources.add(c.source.id);
    const reliability = c.source.reliability;
    const credibility = c.quote.credibility;
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
