// Writes to a brief's claims. The back end records each one's inverse in the brief's undo history as
// it makes the change, so every write here also makes the history stale.
import type { QueryClient } from '@tanstack/react-query';
import type { BriefFull, Claim, Confidence, Likelihood } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { invalidate, invalidateEvidence, invalidateHistory } from './cache';

/** Writes a claim's new fields into the cached brief, so typing does not refetch 2,000 claims. */
function patchClaim(qc: QueryClient, claim: Claim): void {
  qc.setQueryData<BriefFull>(keys.brief(claim.briefId), (brief) =>
    brief ? { ...brief, claims: brief.claims.map((c) => (c.id === claim.id ? { ...c, ...claim } : c)) } : brief,
  );
  void invalidate(qc, keys.searchAll);
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

/** A move renumbers the brief's claims (and the backlinks that name them by number elsewhere are rare enough to wait). */
export async function moveClaim(qc: QueryClient, claimId: number, afterId: number | null) {
  await client.moveClaim({ id: claimId, afterId });
  await invalidate(qc, keys.briefAll, keys.undoAll);
}
