import { useIsMutating } from '@tanstack/react-query';
import { useDraftState } from '../state/drafts';

/** "Saving…" while anything typed or changed is on its way to the store; then "All changes saved". */
export function SaveStatus() {
  const { dirty, saving, failed } = useDraftState();
  const mutating = useIsMutating();
  const text = dirty + saving + mutating > 0 ? 'Saving…' : failed ? 'Not saved — see the error above' : 'All changes saved';
  return (
    <div role="status" className="save-status">
      {text}
    </div>
  );
}
