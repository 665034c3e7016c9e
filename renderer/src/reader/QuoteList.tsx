// Every passage quoted from the open source. Each can be opened, or dragged onto a claim to cite it.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { QuoteWithUse } from '../../../main/contract';
import { clip } from '../ui/format';
import { pageLabel } from '../../../main/vocabulary';

export const QUOTE_DRAG_TYPE = 'application/x-sourcemark-quote';

interface Props {
  quotes: QuoteWithUse[];
  activeQuoteId: number | null;
  onOpen(quoteId: number): void;
}

export function QuoteList({ quotes, activeQuoteId, onOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: quotes.length, getScrollElement: () => scroller.current, estimateSize: () => 44, overscan: 6 });
  if (quotes.length === 0) return <p className="empty-note">No quotes yet: select text above and press “Quote”.</p>;
  return (
    <div ref={scroller} className="quote-list-scroller">
      <ul aria-label="Quotes in this source" className="virtual-inner" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((row) => {
          const q = quotes[row.index] as QuoteWithUse;
          return (
            <li
              key={q.id}
              className="quote-row"
              style={{ transform: `translateY(${row.start}px)`, height: 44 }}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(QUOTE_DRAG_TYPE, String(q.id));
                e.dataTransfer.setData('text/plain', q.exact);
                e.dataTransfer.effectAllowed = 'link';
              }}
            >
              <button type="button" className="quote-open" dir="auto" aria-current={q.id === activeQuoteId ? 'true' : undefined} onClick={() => onOpen(q.id)}>
                “{clip(q.exact, 110)}”{q.pages && <span className="quote-pages"> · {pageLabel(q.pages)}</span>}
              </button>
              <span className="quote-uses">{q.citedBy.length > 0 ? `cited ${q.citedBy.length}×` : 'not cited'}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
