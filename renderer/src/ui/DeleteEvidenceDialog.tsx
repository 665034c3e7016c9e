// Deleting a source or a passage: confirm first; if claims cite it, name them and offer to remove
// those citations too (the store refuses otherwise, with QUOTE_IS_CITED).
import { useState, type ReactNode } from 'react';
import type { CitingClaim } from '../../../main/contract';
import { ApiError } from '../api/client';
import { useErrors } from '../state/errors';
import { clip } from './format';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  open: boolean;
  question: ReactNode;
  onClose(): void;
  run(removeCitations: boolean): Promise<void>;
}

function citingClaimsOf(err: unknown): CitingClaim[] | null {
  if (!(err instanceof ApiError) || err.code !== 'QUOTE_IS_CITED') return null;
  const details = err.details as { citingClaims?: CitingClaim[] } | undefined;
  return details?.citingClaims ?? [];
}

export function DeleteEvidenceDialog({ title, open, question, onClose, run }: Props) {
  const { showError } = useErrors();
  const [citing, setCiting] = useState<CitingClaim[] | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setCiting(null);
    onClose();
  };
  const attempt = async (removeCitations: boolean) => {
    setBusy(true);
    try {
      await run(removeCitations);
      close();
    } catch (err) {
      const claims = citingClaimsOf(err);
      if (claims) setCiting(claims);
      else showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} open={open} onClose={close}>
      <div className="dialog-body">
        {citing ? (
          <>
            <p>These claims cite it. Delete it anyway and remove their citations?</p>
            <ul aria-label="Claims that cite it" className="citing-list">
              {[...new Map(citing.map((c) => [c.claimId, c])).values()].map((c) => (
                <li key={c.claimId}>
                  <bdi>{c.briefTitle}</bdi>, claim {c.claimNumber}: “<bdi>{clip(c.claimText, 90)}</bdi>”
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{question}</p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        {citing ? (
          <button type="button" className="danger" disabled={busy} onClick={() => void attempt(true)}>
            Remove citations too and delete
          </button>
        ) : (
          <button type="button" className="danger" disabled={busy} onClick={() => void attempt(false)}>
            Delete
          </button>
        )}
      </div>
    </Dialog>
  );
}
