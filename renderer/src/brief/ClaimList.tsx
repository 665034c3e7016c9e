// The brief's claims in order, virtualised (a brief may hold thousands), with keyboard and drag reorder.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BriefFull, ClaimInBrief } from '../../../main/contract';
import { useErrors } from '../state/errors';
import { useWorkspaceActions, useWorkspaceSelect } from '../state/workspace';
import { ClaimItem, textRows } from './ClaimItem';
import { moveClaim } from '../mutations/claims';
import { useWidth } from '../ui/useWidth';

/** Row padding, claim border and padding, and the text field's own padding, in pixels. */
const CLAIM_FRAME_PX = 20 + 18 + 18;
/** Average advance of a character of Noto Sans at the claim text's 14 px, slightly generous. */
const AVERAGE_CHAR_PX = 7.6;

export function ClaimList({ brief }: { brief: BriefFull }) {
  const qc = useQueryClient();
  const ws = useWorkspaceActions();
  const { showError } = useErrors();
  const scroller = useRef<HTMLDivElement>(null);
  const claims = brief.claims;
  // Stable while only claims change, so editing one claim re-renders only that claim.
  const cited = useMemo(() => ({ quotes: brief.quotes, sources: brief.sources }), [brief.quotes, brief.sources]);
  const claimsRef = useRef(claims);
  claimsRef.current = claims;

  // Characters per line of a claim's text field, from the list's width (one measurement per width):
  // claim fields are sized from it, without measuring each one.
  const width = useWidth(scroller, claims.length > 0);
  const charsPerLine = width > 0 ? Math.max(16, Math.floor((width - CLAIM_FRAME_PX) / AVERAGE_CHAR_PX)) : 52;

  // Close guesses mean fewer corrections (and scroll jumps) as rows are measured while scrolling;
  // worked out once per brief and width because the virtualiser asks for every row on each re-measure.
  const estimates = useMemo(
    () => claims.map((c) => 118 + textRows(c.text, charsPerLine) * 20 + Math.ceil(Math.max(1, c.citations.length) / 2) * 26),
    [claims, charsPerLine],
  );
  const virtual = useVirtualizer({
    count: claims.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimates[i] ?? 170,
    getItemKey: (i) => (claims[i] as ClaimInBrief).id,
    overscan: 1,
  });

  // Bring the selected claim into view and focus it when asked (search hit, backlink, reorder).
  const handled = useRef(0);
  const claimFocusRequest = useWorkspaceSelect((s) => s.claimFocusRequest);
  const claimFocusTarget = useWorkspaceSelect((s) => s.claimFocusTarget);
  const selectedClaimId = useWorkspaceSelect((s) => s.selectedClaimId);
  useEffect(() => {
    if (claimFocusRequest === handled.current || selectedClaimId === null) return;
    const index = claims.findIndex((c) => c.id === selectedClaimId);
    if (index < 0) return; // not loaded yet: runs again when the claims arrive
    handled.current = claimFocusRequest;
    virtual.scrollToIndex(index, { align: 'auto' });
    let frames = 0;
    let handle = 0;
    const tick = () => {
      const el = scroller.current?.querySelector<HTMLElement>(`[data-claim-id="${selectedClaimId}"]`);
      if (el) {
        el.scrollIntoView({ block: 'nearest' });
        const target = claimFocusTarget === 'text' ? el.querySelector('textarea') : el;
        (target ?? el).focus({ preventScroll: true });
        return;
      }
      if (++frames < 60) handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [claimFocusRequest, claimFocusTarget, selectedClaimId, claims, virtual]);

  const move = useCallback(
    (claimId: number, afterId: number | null) => {
      moveClaim(qc, claimId, afterId)
        .then(() => ws.openClaim(brief.id, claimId))
        .catch(showError);
    },
    [qc, ws, brief.id, showError],
  );

  const onMove = useCallback(
    (claimId: number, direction: -1 | 1) => {
      const list = claimsRef.current;
      const i = list.findIndex((c) => c.id === claimId);
      const target = i + direction;
      if (i < 0 || target < 0 || target >= list.length) return;
      const afterId = direction === -1 ? (list[i - 2]?.id ?? null) : (list[i + 1] as ClaimInBrief).id;
      move(claimId, afterId);
    },
    [move],
  );

  const onDropClaim = useCallback(
    (draggedId: number, targetId: number, after: boolean) => {
      const list = claimsRef.current;
      const others = list.filter((c) => c.id !== draggedId);
      const t = others.findIndex((c) => c.id === targetId);
      if (t < 0 || others.length === list.length) return;
      const afterId = after ? targetId : (others[t - 1]?.id ?? null);
      move(draggedId, afterId);
    },
    [move],
  );

  if (claims.length === 0) return <p className="empty-note">No claims yet. Add the first with “Add claim”.</p>;
  return (
    <div ref={scroller} className="claim-scroller">
      <ol aria-label="Claims" className="virtual-inner" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((row) => {
          const claim = claims[row.index] as ClaimInBrief;
          return (
            <li key={row.key} data-index={row.index} ref={virtual.measureElement} className="claim-row" style={{ transform: `translateY(${row.start}px)` }}>
              <ClaimItem claim={claim} selected={claim.id === selectedClaimId} likelihoodRow={brief.likelihoodRow} cited={cited} onMove={onMove} onDropClaim={onDropClaim} charsPerLine={charsPerLine} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
