// What the last brief-level undo or redo did, with the reverse one click away. It floats over the
// workspace (no layout shift), stays while the pointer or focus is on it, and goes after a while.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { history, useUndoNotice } from '../state/undo';

const SHOW_MS = 8_000;

export function UndoNotice() {
  const qc = useQueryClient();
  const notice = useUndoNotice();
  const [held, setHeld] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!notice || held) return;
    const timer = setTimeout(() => history.dismiss(notice.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice, held]);

  return (
    <div
      ref={box}
      role="status"
      aria-label="Undo notice"
      className={notice ? 'undo-notice' : 'undo-notice empty'}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => !box.current?.contains(e.relatedTarget as Node | null) && setHeld(false)}
    >
      {notice && (
        <>
          <span>{notice.text}</span>
          {notice.reverse && (
            <button
              type="button"
              className="small"
              aria-label={`${notice.reverse === 'undo' ? 'Undo' : 'Redo'} ${notice.label ?? ''}`}
              onClick={() => void (notice.reverse === 'undo' ? history.undo(qc, notice.briefId) : history.redo(qc, notice.briefId))}
            >
              {notice.reverse === 'undo' ? 'Undo' : 'Redo'}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss notice" onClick={() => history.dismiss(notice.id)}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
