// Choose any quoted passage in the library to cite in a claim, narrowed by a search box.
import { useMemo, useState } from 'react';
import { useAllQuotes } from '../api/queries';
import { Dialog } from '../ui/Dialog';
import { clip, sourceLabel } from '../ui/format';

interface Props {
  open: boolean;
  claimNumber: number;
  onClose(): void;
  onPick(quoteId: number): void;
}

export function QuotePicker({ open, claimNumber, onClose, onPick }: Props) {
  const quotes = useAllQuotes(open);
  const [text, setText] = useState('');
  const shown = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    const all = quotes.data ?? [];
    const hits = needle
      ? all.filter((q) => `${q.exact} ${q.note} ${q.source.title} ${q.source.outlet ?? ''}`.toLocaleLowerCase().includes(needle))
      : all;
    return hits.slice(0, 200);
  }, [quotes.data, text]);

  return (
    <Dialog title={`Cite a quote in claim ${claimNumber}`} open={open} onClose={onClose} className="quote-picker">
      <input type="search" aria-label="Search quotes" placeholder="Words from the passage, its note or its source" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
      {quotes.isPending ? (
        <p className="empty-note">Loading quotes…</p>
      ) : shown.length === 0 ? (
        <p className="empty-note">No quote matches.</p>
      ) : (
        <ul aria-label="Quotes" className="picker-list">
          {shown.map((q) => (
            <li key={q.id}>
              <button type="button" onClick={() => onPick(q.id)}>
                <span className="picker-exact">“{clip(q.exact, 160)}”</span>
                <span className="picker-source">{sourceLabel(q.source)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
