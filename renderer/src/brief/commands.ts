// Every change to a brief's claims and citations that the analyst can undo. Each function makes the
// change through the contract, records its inverse on the undo stack, and refreshes what it touched.
import type { QueryClient } from '@tanstack/react-query';
import type { BriefFull, Claim, Confidence, Relation } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { invalidateEvidence } from '../api/queries';
import { ids, undoStack } from '../state/undo';

/** Writes a claim's new fields into the cached brief, so typing does not refetch 2,000 claims. */
function patchClaim(qc: QueryClient, claim: Claim): void {
  qc.setQueryData<BriefFull>(keys.brief(claim.briefId), (brief) =>
    brief ? { ...brief, claims: brief.claims.map((c) => (c.id === claim.id ? { ...c, ...claim } : c)) } : brief,
  );
  void qc.invalidateQueries({ queryKey: keys.searchAll });
}

async function updateClaim(qc: QueryClient, claimId: number, patch: { text?: string; confidence?: Confidence | null }) {
  patchClaim(qc, await client.updateClaim({ id: ids.current('claim', claimId), ...patch }));
}

export async function editClaimText(qc: QueryClient, claimId: number, number: number, next: string, previous: string) {
  await updateClaim(qc, claimId, { text: next });
  undoStack.push({
    label: `edit of claim ${number}`,
    undo: () => updateClaim(qc, claimId, { text: previous }),
    redo: () => updateClaim(qc, claimId, { text: next }),
  });
}

export async function setConfidence(qc: QueryClient, claimId: number, number: number, next: Confidence | null, previous: Confidence | null) {
  await updateClaim(qc, claimId, { confidence: next });
  undoStack.push({
    label: `confidence of claim ${number}`,
    undo: () => updateClaim(qc, claimId, { confidence: previous }),
    redo: () => updateClaim(qc, claimId, { confidence: next }),
  });
}

export async function addClaim(qc: QueryClient, briefId: number, afterId?: number | null): Promise<Claim> {
  const claim = await client.addClaim({ briefId, text: '', afterId });
  await invalidateEvidence(qc);
  return claim;
}

export async function deleteClaim(qc: QueryClient, claimId: number, number: number) {
  let removed = await client.deleteClaim({ id: ids.current('claim', claimId) });
  await invalidateEvidence(qc);
  undoStack.push({
    label: `delete of claim ${number}`,
    undo: async () => {
      const { claim, citations, tagIds } = removed;
      const restored = await client.restoreClaim({
        briefId: claim.briefId,
        text: claim.text,
        confidence: claim.confidence,
        position: claim.position,
        citations: citations.map((c) => ({ quoteId: c.quoteId, relation: c.relation, position: c.position })),
        tagIds,
      });
      ids.renamed('claim', claim.id, restored.id);
      await invalidateEvidence(qc);
    },
    redo: async () => {
      removed = await client.deleteClaim({ id: ids.current('claim', claimId) });
      await invalidateEvidence(qc);
    },
  });
}

export async function moveClaim(qc: QueryClient, claimId: number, afterId: number | null, previousAfterId: number | null, number: number) {
  const move = async (to: number | null) => {
    await client.moveClaim({ id: ids.current('claim', claimId), afterId: to === null ? null : ids.current('claim', to) });
    await qc.invalidateQueries({ queryKey: keys.briefAll });
  };
  await move(afterId);
  undoStack.push({ label: `move of claim ${number}`, undo: () => move(previousAfterId), redo: () => move(afterId) });
}

export async function addCitation(qc: QueryClient, claimId: number, quoteId: number, relation: Relation = 'supports') {
  const first = await client.addCitation({ claimId: ids.current('claim', claimId), quoteId, relation });
  await invalidateEvidence(qc);
  const citationId = first.id;
  undoStack.push({
    label: 'new citation',
    undo: async () => {
      await client.removeCitation({ id: ids.current('citation', citationId) });
      await invalidateEvidence(qc);
    },
    redo: async () => {
      const again = await client.addCitation({ claimId: ids.current('claim', claimId), quoteId, relation });
      ids.renamed('citation', ids.current('citation', citationId), again.id);
      await invalidateEvidence(qc);
    },
  });
}

export async function removeCitation(qc: QueryClient, citationId: number, afterId: number | null) {
  const removed = await client.removeCitation({ id: ids.current('citation', citationId) });
  await invalidateEvidence(qc);
  undoStack.push({
    label: 'removal of a citation',
    undo: async () => {
      const back = await client.addCitation({
        claimId: ids.current('claim', removed.claimId),
        quoteId: removed.quoteId,
        relation: removed.relation,
        afterId: afterId === null ? null : ids.current('citation', afterId),
      });
      ids.renamed('citation', ids.current('citation', citationId), back.id);
      await invalidateEvidence(qc);
    },
    redo: async () => {
      await client.removeCitation({ id: ids.current('citation', citationId) });
      await invalidateEvidence(qc);
    },
  });
}

export async function setRelation(qc: QueryClient, citationId: number, next: Relation, previous: Relation) {
  const set = async (relation: Relation) => {
    await client.updateCitation({ id: ids.current('citation', citationId), relation });
    await invalidateEvidence(qc);
  };
  await set(next);
  undoStack.push({ label: 'change of relation', undo: () => set(previous), redo: () => set(next) });
}

export async function moveCitation(qc: QueryClient, citationId: number, afterId: number | null) {
  await client.moveCitation({ id: ids.current('citation', citationId), afterId: afterId === null ? null : ids.current('citation', afterId) });
  await invalidateEvidence(qc);
}
