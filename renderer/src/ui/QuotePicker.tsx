// Choose any quoted passage in the library (to cite in a claim, or add to an analysis), narrowed by a search box. The box is a
// combobox over the list: ArrowUp/ArrowDown (Home/End) move through the passages, Enter cites the
// marked one, so a passage is cited without leaving the keyboard.
import { useMemo, useState } from 'react';
import { useAllQuotes } from '../api/queries';
import { useWorkspace } from '../state/workspace';
import { Combobox } from './Combobox';
import { Dialog } from './Dialog';
import { clip, sourceLabel } from './format';

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

  return (
    <Dialog title={title} open={open} onClose={onClose} className="quote-picker">
      <Combobox
        type="search"
        label="Search quotes"
        placeholder="Words from the passage, its note or its source"
        value={text}
        onChange={setText}
        items={shown}
        keyOf={(q) => q.id}
        onChoose={(q) => onPick(q.id)}
        listLabel="Quotes"
        listClassName="picker-list"
        optionClassName={(active) => (active ? 'active' : undefined)}
        renderOption={(q) => (
          <>
            <span className="picker-exact" dir="auto">
              “{clip(q.exact, 160)}”
            </span>
            <span className="picker-source" dir="auto">
              {sourceLabel(q.source)}
            </span>
          </>
        )}
      >
        <p className="search-state">
          {quotes.isPending ? 'Loading quotes…' : shown.length === 0 ? 'No quote matches.' : `Arrow keys choose a passage; Enter ${action}.`}
        </p>
      </Combobox>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
