// Turning the reader's selection into a passage, and citing it in one step: shared by the reader's
// Quote button, the adder next to the selection and a claim's "Cite selected passage".
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Quote } from '../../../main/contract';
import { client } from '../api/client';
import { invalidateEvidence } from '../api/queries';
import { addCitation, addClaim } from '../brief/commands';
import { useWorkspaceStore, type ReaderSelection } from '../state/workspace';

export interface Quoting {
  /** Stores the selection as a passage, clears the selection and makes the passage the active one. */
  quote(sel: ReaderSelection): Promise<Quote>;
  /**
   * Quotes the selection and cites it in the given claim, or, with no claim, in a new claim at the end
   * of the open brief (focus then goes to the new claim's text).
   */
  quoteAndCite(sel: ReaderSelection, claimId: number | null): Promise<Quote>;
}

export function useQuoting(): Quoting {
  const qc = useQueryClient();
  // Actions only, and the open brief read when quoting: a claim using this does not re-render as the reader changes.
  const ws = useWorkspaceStore();
  const { setSelection, openQuote, openClaim } = ws;

  const quote = useCallback(
    async (sel: ReaderSelection) => {
      const created = await client.createQuote({ sourceId: sel.sourceId, start: sel.start, end: sel.end, exact: sel.exact });
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      await invalidateEvidence(qc);
      openQuote(sel.sourceId, created.id, false);
      return created;
    },
    [qc, setSelection, openQuote],
  );

  const quoteAndCite = useCallback(
    async (sel: ReaderSelection, claimId: number | null) => {
      const { briefId } = ws.get();
      if (claimId === null && briefId === null) throw new Error('Open or start a brief first: “Quote and cite” adds the passage to one of its claims.');
      const created = await quote(sel);
      if (claimId !== null) {
        await addCitation(qc, claimId, created.id);
      } else if (briefId !== null) {
        const claim = await addClaim(qc, briefId);
        await addCitation(qc, claim.id, created.id);
        openClaim(briefId, claim.id, 'text');
      }
      return created;
    },
    [qc, quote, ws, openClaim],
  );

  return { quote, quoteAndCite };
}
