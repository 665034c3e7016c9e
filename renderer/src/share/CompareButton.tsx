// Beside the brief list: opens the side-by-side view when the open brief has an original or versions.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { client } from '../api/client';
import { CompareDialog } from './CompareDialog';
import './share.css';

export function CompareButton({ briefId }: { briefId: number }) {
  const related = useQuery({ queryKey: ['brief', 'related', briefId], queryFn: () => client.relatedBriefs({ briefId }) });
  const [open, setOpen] = useState(false);
  if (!related.data?.length) return null;
  return (
    <>
      {/* The pane header is narrow: the visible word begins the accessible name. */}
      <button type="button" aria-haspopup="dialog" aria-label="Compare versions" title="Compare this brief with its original or versions" onClick={() => setOpen(true)}>
        Compare
      </button>
      {open && <CompareDialog briefId={briefId} initialOther={null} onClose={() => setOpen(false)} />}
    </>
  );
}
