// A text field that saves itself: after a pause in typing, on blur, and before undo or page hide.
import { useCallback, useEffect, useRef, useState } from 'react';
import { drafts } from './drafts';

const DELAY_MS = 600;
let nextKey = 0;

/**
 * `saved` is the store's value. While the field is clean it follows `saved` (so an undo shows up);
 * while dirty it keeps what the analyst typed. `save(next, previous)` writes one change.
 */
export function useAutosave(saved: string, save: (next: string, previous: string) => Promise<void>) {
  const [draft, setDraftState] = useState(saved);
  const key = useRef(`draft-${++nextKey}`);
  const state = useRef({ draft: saved, saved, dirty: false, timer: 0 as ReturnType<typeof setTimeout> | 0 });
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async () => {
    const s = state.current;
    if (s.timer) clearTimeout(s.timer);
    s.timer = 0;
    if (!s.dirty) return;
    const next = s.draft;
    const previous = s.saved;
    s.dirty = false;
    drafts.markClean(key.current);
    if (next === previous) return;
    s.saved = next;
    try {
      await drafts.track(() => saveRef.current(next, previous));
    } catch {
      // Keep the text on screen and try again on the next edit or blur.
      s.saved = previous;
      s.dirty = true;
      drafts.markDirty(key.current, flush);
    }
  }, []);

  const setDraft = useCallback(
    (value: string) => {
      const s = state.current;
      s.draft = value;
      setDraftState(value);
      s.dirty = true;
      drafts.markDirty(key.current, flush);
      if (s.timer) clearTimeout(s.timer);
      s.timer = setTimeout(() => void flush(), DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const s = state.current;
    if (!s.dirty && saved !== s.saved) {
      s.saved = saved;
      s.draft = saved;
      setDraftState(saved);
    } else if (!s.dirty) {
      s.saved = saved;
    }
  }, [saved]);

  // A field that scrolls out of a virtual list or closes still saves what was typed.
  useEffect(() => () => void flush(), [flush]);

  return { draft, setDraft, flush };
}
