// The files of a batch, one row each, virtualised: a batch of a thousand files renders only the rows
// on screen, so progress updates never cost a long frame. Rows differ in height (errors and warnings
// wrap), so each is measured as it renders.
import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ImportOutcome } from '../../../main/contract/import';
import type { Row } from './useImportQueue';

interface Props {
  rows: Row[];
  onOpen(sourceId: number): void;
  onReview(outcome: ImportOutcome): void;
}

export function ImportRows({ rows, onOpen, onReview }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 26,
    overscan: 12,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  return (
    <div ref={scroller} className="import-rows-scroller">
      <ul className="import-rows" aria-label="Files" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <li key={row.key} data-index={item.index} ref={virtual.measureElement} className={`import-row import-${row.state.step}`} style={{ transform: `translateY(${item.start}px)` }}>
              <RowContent row={row} onOpen={onOpen} onReview={onReview} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const RowContent = memo(function RowContent({ row, onOpen, onReview }: { row: Row; onOpen(id: number): void; onReview(o: ImportOutcome): void }) {
  const { state } = row;
  return (
    <>
      <bdi className="import-name">{row.name}</bdi>
      {state.step === 'waiting' && <span className="import-state">Waiting</span>}
      {state.step === 'reading' && <span className="import-state">Reading…</span>}
      {state.step === 'cancelled' && <span className="import-state">Cancelled</span>}
      {state.step === 'failed' && (
        // The row names the file already; the message starts with it for the error banner's sake.
        <span className="import-error">{state.message.startsWith(`${row.name}: `) ? state.message.slice(row.name.length + 2) : state.message}</span>
      )}
      {state.step === 'done' && state.outcome.status === 'created' && (
        <span className="import-state">
          Imported as “<bdi>{state.outcome.source.title}</bdi>”{' '}
          <button type="button" className="link-button" onClick={() => onReview(state.outcome)} aria-label={`Review details of ${state.outcome.source.title}`}>
            Review details
          </button>
        </span>
      )}
      {state.step === 'done' && state.outcome.status === 'duplicate' && (
        <span className="import-state">
          Already in the library:{' '}
          <button type="button" className="link-button" onClick={() => onOpen(state.outcome.source.id)}>
            <bdi>{state.outcome.source.title}</bdi>
          </button>
        </span>
      )}
      {state.step === 'done' && state.outcome.warnings.length > 0 && (
        <ul className="import-warnings" aria-label={`Warnings for ${row.name}`}>
          {state.outcome.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
});
