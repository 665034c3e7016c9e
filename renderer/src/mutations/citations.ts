// Writes to citations. A citation changes its claim (tags, evidence strength), its passage's backlinks
// and cited/uncited state, the source's counts and the brief's history: every view of evidence.
import type { QueryClient } from '@tanstack/react-query';
import type { Relation } from '../../../main/contract';
import { client } from '../api/client';
import { invalidateEvidence } from './cache';

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
