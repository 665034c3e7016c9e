// Choose any quoted passage in the library (to cite in a claim, or add to an analysis), narrowed by a search box. The box is a
// combobox over the list: ArrowUp/ArrowDown (Home/End) move through the passages, Enter cites the
// marked one, so a passage is cited without leaving the keyboard.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAllQuotes } from '../api/queries';
import { useWorkspace } from '../state/workspace';
import { Dialog } from '../ui/Dialog';
import { clip, sourceLabel } from '../ui/format';

interface Props {
  open: boolean;
  /** The dialog's title, e.g. "Cite a quote in claim 3". */
  title: string;
  /** What Enter does to the marked passage: "cites it", "adds it to the analysis". */
  action: string;
  onClose(): void;
  onPick(quoteId: number): void;
}

export function QuotePicker({ open, title, action, onClose, onPick }: Props) {
  const quotes = useAllQuotes(open);
  const openSourceId = useWorkspace().sourceId;
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const shown = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    // The passages of the source open in the reader first (that is what the analyst is working
    // from), then the most recently quoted; not the library's oldest (the demo) first.
    const all = [...(quotes.data ?? [])].sort(
      (a, b) => Number(b.sourceId === openSourceId) - Number(a.sourceId === openSourceId) || b.createdAt.localeCompare(a.createdAt) || b.id - a.id,
    );
    const hits = needle
      ? all.filter((q) => `${q.exact} ${q.note} ${q.source.title} ${q.source.outlet ?? ''}`.toLocaleLowerCase().includes(needle))
      : all;
    return hits.slice(0, 200);
  }, [quotes.data, text, openSourceId]);
  useEffect(() => setActive(0), [shown]);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const optionId = (i: number) => `${listId}-${i}`;
  const onKeyDown = (e: KeyboardEvent) => {
    const last = shown.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(last, active + 1), ArrowUp: Math.max(0, active - 1), PageDown: Math.min(last, active + 8), PageUp: Math.max(0, active - 8) };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key] as number);
    } else if ((e.key === 'Home' || e.key === 'End') && e.ctrlKey) {
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : Math.max(0, last));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const q = shown[active];
      if (q) onPick(q.id);
    }
  };

  return (
    <Dialog title={title} open={open} onClose={onClose} className="quote-picker">
      <input
        type="search"
        role="combobox"
        aria-label="Search quotes"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown[active] ? optionId(active) : undefined}
        aria-autocomplete="list"
        placeholder="Words from the passage, its note or its source"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <p className="search-state">
        {quotes.isPending ? 'Loading quotes…' : shown.length === 0 ? 'No quote matches.' : `Arrow keys choose a passage; Enter ${action}.`}
      </p>
      <ul ref={list} id={listId} role="listbox" aria-label="Quotes" className="picker-list">
        {shown.map((q, i) => (
          <li
            key={q.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => onPick(q.id)}
          >
            <span className="picker-exact" dir="auto">
              “{clip(q.exact, 160)}”
            </span>
            <span className="picker-source" dir="auto">
              {sourceLabel(q.source)}
            </span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
