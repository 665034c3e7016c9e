// The brief: pick or create one, then its title, marking, bottom line and claims.
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BriefFull } from '../../../main/contract';
import { useBrief, useBriefs } from '../api/queries';
import { deleteBrief } from '../mutations/briefs';
import { useErrors } from '../state/errors';
import { useWorkspace } from '../state/workspace';
import { ConfirmDialog } from '../ui/Dialog';
import { BriefFields } from './BriefFields';
import { ClaimList } from './ClaimList';
import { addClaim } from '../mutations/claims';
import { useNewBrief } from './useNewBrief';
import { TrashIcon } from '../ui/icons';

interface Props {
  /** Actions of other features on the open brief, shown in its header (Compare, Export). */
  actions?(briefId: number): ReactNode;
  /** The brief's Analysis view (ACH and key assumptions), a feature of its own. */
  analysis?(brief: BriefFull): ReactNode;
}

export function BriefPane({ actions, analysis }: Props) {
  const qc = useQueryClient();
  const ws = useWorkspace();
  const { showError } = useErrors();
  const briefs = useBriefs();
  const newBrief = useNewBrief();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { briefId, openBrief, openClaim, selectedClaimId } = ws;

  // Open the first brief when none is open or the open one is gone.
  useEffect(() => {
    if (!briefs.data) return;
    if (briefId !== null && briefs.data.some((b) => b.id === briefId)) return;
    openBrief(briefs.data[0]?.id ?? null);
  }, [briefs.data, briefId, openBrief]);

  const brief = useBrief(briefId);
  const current = brief.data && brief.data.id === briefId ? brief.data : null;

  const add = async () => {
    if (!current) return;
    try {
      const claim = await addClaim(qc, current.id, selectedClaimId ?? undefined);
      openClaim(current.id, claim.id, 'text');
    } catch (err) {
      showError(err);
    }
  };

  // The two tabs swap with the arrow keys, as a tab list does.
  const tabKeys = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = ws.briefView === 'claims' ? 'analysis' : 'claims';
    ws.showBriefView(next);
    document.getElementById(`brief-tab-${next}`)?.focus();
  };

  const remove = async () => {
    if (!current) return;
    try {
      await deleteBrief(qc, current.id);
      setConfirmDelete(false);
      openBrief(null);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <section className="pane brief-pane" aria-labelledby="brief-heading">
      <div className="pane-header">
        <h2 id="brief-heading">Brief</h2>
        <select aria-label="Open brief" value={briefId ?? ''} onChange={(e) => openBrief(e.target.value ? Number(e.target.value) : null)}>
          {briefs.data?.length === 0 && <option value="">No briefs</option>}
          {briefs.data?.map((b) => (
            <option key={b.id} value={b.id} dir="auto">
              {b.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void newBrief()}>
          New brief
        </button>
        {current && (
          <button type="button" className="icon-button" aria-label="Delete brief" onClick={() => setConfirmDelete(true)}>
            <TrashIcon />
          </button>
        )}
        {current && actions?.(current.id)}
      </div>
      {current && (
        <div className="brief-views" role="tablist" aria-label="Brief views">
          <button type="button" role="tab" id="brief-tab-claims" aria-controls="brief-view" aria-selected={ws.briefView === 'claims'} tabIndex={ws.briefView === 'claims' ? 0 : -1} onClick={() => ws.showBriefView('claims')} onKeyDown={tabKeys}>
            Claims
          </button>
          <button type="button" role="tab" id="brief-tab-analysis" aria-controls="brief-view" aria-selected={ws.briefView === 'analysis'} tabIndex={ws.briefView === 'analysis' ? 0 : -1} onClick={() => ws.showBriefView('analysis')} onKeyDown={tabKeys}>
            Analysis (ACH and key assumptions)
          </button>
        </div>
      )}
      {current && ws.briefView === 'analysis' ? (
        <div id="brief-view" role="tabpanel" aria-labelledby="brief-tab-analysis" className="brief-view-panel">
          {analysis?.(current)}
        </div>
      ) : current ? (
        <div id="brief-view" role="tabpanel" aria-labelledby="brief-tab-claims" className="brief-view-panel">
          <BriefFields key={current.id} brief={current} />
          <div className="claims-head">
            <h3>Claims ({current.claims.length})</h3>
            <button type="button" className="primary small" onClick={() => void add()}>
              Add claim
            </button>
          </div>
          <ClaimList brief={current} />
        </div>
      ) : briefs.data?.length === 0 ? (
        <p className="empty-note">No brief yet. Start one with “New brief”.</p>
      ) : (
        <p className="empty-note">Opening…</p>
      )}
      <ConfirmDialog title="Delete brief" open={confirmDelete} confirmLabel="Delete brief" onConfirm={() => void remove()} onClose={() => setConfirmDelete(false)}>
        <p>Delete “<bdi>{current?.title}</bdi>” and its {current?.claims.length ?? 0} claims? Quotes and sources stay in the library.</p>
      </ConfirmDialog>
    </section>
  );
}
