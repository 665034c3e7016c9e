// The library's sources, virtualised: thousands of rows cost only what is on screen.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SourceSummary } from '../../../main/contract';
import { clip, shortDate } from '../ui/format';

interface Props {
  sources: SourceSummary[];
  total: number;
  openId: number | null;
  onOpen(id: number): void;
  onDelete(source: SourceSummary): void;
  onNearEnd(): void;
}

const ROW_HEIGHT = 64;

export function SourceList({ sources, total, openId, onOpen, onDelete, onNearEnd }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: sources.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtual.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (last >= sources.length - 10 && sources.length < total) onNearEnd();
  }, [last, sources.length, total, onNearEnd]);

  if (sources.length === 0) return <p className="empty-note">No sources here yet. Add one with “Add source”.</p>;
  return (
    <div ref={scroller} className="source-scroller">
      <ul aria-label="Sources" className="virtual-inner" style={{ height: virtual.getTotalSize() }}>
        {items.map((row) => {
          const source = sources[row.index] as SourceSummary;
          const meta = [source.outlet, shortDate(source.publishedAt)].filter(Boolean).join(' · ');
          return (
            <li
              key={source.id}
              className={source.id === openId ? 'source-row open' : 'source-row'}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              <button type="button" className="source-open" title={source.title} aria-current={source.id === openId ? 'true' : undefined} onClick={() => onOpen(source.id)}>
                <span className="source-title">{clip(source.title, 120)}</span>
                <span className="source-meta">
                  {meta || 'No outlet or date'}
                  {source.quoteCount > 0 && ` · ${source.quoteCount} ${source.quoteCount === 1 ? 'quote' : 'quotes'}`}
                </span>
              </button>
              <button type="button" className="icon-button" aria-label={`Delete source ${source.title}`} onClick={() => onDelete(source)}>
                🗑
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
