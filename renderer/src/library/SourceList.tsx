// The library's sources, virtualised: thousands of rows cost only what is on screen.
import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SourceSummary } from '../../../main/contract';
import { clip, shortDate } from '../ui/format';
import { EditIcon, TrashIcon } from '../ui/icons';

interface Props {
  sources: SourceSummary[];
  total: number;
  openId: number | null;
  onOpen(id: number): void;
  onDelete(source: SourceSummary): void;
  onEdit(sourceId: number): void;
  onNearEnd(): void;
}

const ROW_HEIGHT = 64;

export function SourceList({ sources, total, openId, onOpen, onDelete, onEdit, onNearEnd }: Props) {
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

  return (
    <div ref={scroller} className="source-scroller">
      <ul aria-label="Sources" className="virtual-inner" style={{ height: virtual.getTotalSize() }}>
        {items.map((row) => {
          const source = sources[row.index] as SourceSummary;
          return <SourceRow key={source.id} source={source} top={row.start} open={source.id === openId} onOpen={onOpen} onDelete={onDelete} onEdit={onEdit} />;
        })}
      </ul>
    </div>
  );
}

interface RowProps {
  source: SourceSummary;
  top: number;
  open: boolean;
  onOpen(id: number): void;
  onDelete(source: SourceSummary): void;
  onEdit(sourceId: number): void;
}

/**
 * A refetch of the list (every few seconds while files arrive) brings new objects for the same
 * sources; rows compare what they show, so only rows that changed are drawn again.
 */
const sameRow = (a: RowProps, b: RowProps) =>
  a.top === b.top &&
  a.open === b.open &&
  a.onOpen === b.onOpen &&
  a.onDelete === b.onDelete &&
  a.onEdit === b.onEdit &&
  (a.source === b.source ||
    (a.source.id === b.source.id &&
      a.source.title === b.source.title &&
      a.source.outlet === b.source.outlet &&
      a.source.publishedAt === b.source.publishedAt &&
      a.source.quoteCount === b.source.quoteCount));

const SourceRow = memo(function SourceRow({ source, top, open, onOpen, onDelete, onEdit }: RowProps) {
  const meta = [source.outlet, dateOf(source.publishedAt)].filter(Boolean).join(' · ');
  return (
    <li className={open ? 'source-row open' : 'source-row'} style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}>
      <button type="button" className="source-open" title={source.title} aria-current={open ? 'true' : undefined} onClick={() => onOpen(source.id)}>
        <span className="source-title" dir="auto">{clip(source.title, 120)}</span>
        <span className="source-meta" dir="auto">
          {meta || 'No outlet or date'}
          {source.quoteCount > 0 && ` · ${source.quoteCount} ${source.quoteCount === 1 ? 'quote' : 'quotes'}`}
        </span>
      </button>
      <button type="button" className="icon-button" aria-label={`Edit details of ${source.title}`} title="Edit details" onClick={() => onEdit(source.id)}>
        <EditIcon />
      </button>
      <button type="button" className="icon-button" aria-label={`Delete source ${source.title}`} onClick={() => onDelete(source)}>
        <TrashIcon />
      </button>
    </li>
  );
}, sameRow);

/** Locale date formatting builds a formatter per call (about a millisecond); a list shows the same dates again and again. */
const dates = new Map<string, string>();
function dateOf(iso: string | null): string {
  if (!iso) return '';
  let shown = dates.get(iso);
  if (shown === undefined) {
    if (dates.size > 5_000) dates.clear();
    shown = shortDate(iso);
    dates.set(iso, shown);
  }
  return shown;
}
