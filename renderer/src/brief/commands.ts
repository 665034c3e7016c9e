// Every change to a brief's claims and citations. The back end records each one's inverse in the
// brief's undo history as it makes the change; these functions make the call and refresh what it touched.
import type { QueryClient } from '@tanstack/react-query';
import type { BriefFull, Claim, Confidence, Likelihood, Relation } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { invalidateEvidence } from '../api/queries';
import { invalidateHistory } from '../state/undo';

/** Writes a claim's new fields into the cached brief, so typing does not refetch 2,000 claims. */
function patchClaim(qc: QueryClient, claim: Claim): void {
  qc.setQueryData<BriefFull>(keys.brief(claim.briefId), (brief) =>
    brief ? { ...brief, claims: brief.claims.map((c) => (c.id === claim.id ? { ...c, ...claim } : c)) } : brief,
  );
  void qc.invalidateQueries({ queryKey: keys.searchAll });
  void invalidateHistory(qc);
}

export async function editClaimText(qc: QueryClient, claimId: number, next: string) {
  patchClaim(qc, await client.updateClaim({ id: claimId, text: next }));
}

export async function setConfidence(qc: QueryClient, claimId: number, next: Confidence | null) {
  patchClaim(qc, await client.updateClaim({ id: claimId, confidence: next }));
}

export async function setLikelihood(qc: QueryClient, claimId: number, next: Likelihood | null) {
  patchClaim(qc, await client.updateClaim({ id: claimId, likelihood: next }));
}

export async function addClaim(qc: QueryClient, briefId: number, afterId?: number | null): Promise<Claim> {
  const claim = await client.addClaim({ briefId, text: '', afterId });
  await invalidateEvidence(qc);
  return claim;
}

export async function deleteClaim(qc: QueryClient, claimId: number) {
  await client.deleteClaim({ id: claimId });
  await invalidateEvidence(qc);
}

export async function moveClaim(qc: QueryClient, claimId: number, afterId: number | null) {
  await client.moveClaim({ id: claimId, afterId });
  await Promise.all([qc.invalidateQueries({ queryKey: keys.briefAll }), invalidateHistory(qc)]);
}

export async function addCitation(qc: QueryClient, claimId: number, quoteId: number, relation: Relation = 'supports') {
  await client.addCitation({ claimId, quoteId, relation });
  await invalidateEvidence(qc);
}

export async function removeCitation(qc: QueryClient, citationId: number) {
  await client.removeCitation({ id: citationId });
  await invalidateEvidence(qc);
}

export async function setRelation(qc: QueryClient, citationId: number, next: Relation) {
  await client.updateCitation({ id: citationId, relation: next });
  await invalidateEvidence(qc);
}

export async function moveCitation(qc: QueryClient, citationId: number, afterId: number | null) {
  await client.moveCitation({ id: citationId, afterId });
  await invalidateEvidence(qc);
}
