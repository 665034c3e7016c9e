// Find in source (Ctrl+F in the reader): the reader draws only the paragraphs on screen, so the
// browser's own find cannot see the rest; this asks the back end for every match in the whole text,
// counts them, and steps through them with Enter / Shift+Enter or the buttons.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { FindState } from './useFind';
import { CloseIcon, NextIcon, PreviousIcon } from '../ui/icons';
import './find.css';

interface Props {
  find: FindState;
}

export function FindBar({ find }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const { open, focusRequest } = find;
  useEffect(() => {
    if (open && focusRequest > 0) {
      input.current?.focus();
      input.current?.select();
    }
  }, [open, focusRequest]);
  if (!open) return null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      find.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      find.close();
    }
  };
  const total = find.matches.length;
  const status = !find.query.trim()
    ? 'Type to find in this source'
    : find.error
      ? find.error
      : find.pending && total === 0
        ? 'Finding…'
        : total === 0
          ? 'No matches'
          : `${find.current + 1} of ${total}${find.truncated ? '+' : ''}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in source">
      <input
        ref={input}
        type="search"
        aria-label="Find in source"
        aria-keyshortcuts="Control+F"
        placeholder="Find in source (any form of a word)"
        value={find.query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="small" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={total === 0} onClick={() => find.step(-1)}>
        <PreviousIcon />
      </button>
      <button type="button" className="small" aria-label="Next match" title="Next match (Enter)" disabled={total === 0} onClick={() => find.step(1)}>
        <NextIcon />
      </button>
      <button type="button" className="small" aria-label="Close find" title="Close (Escape)" onClick={find.close}>
        <CloseIcon />
      </button>
    </div>
  );
}
