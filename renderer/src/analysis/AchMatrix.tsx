// The ACH matrix as an ARIA grid: one row per piece of evidence, one column per hypothesis. Each cell
// shows its rating as text (CC, C, N, I, II) on a colour, so colour is never the only sign. One cell
// is in the tab order; the arrow keys move, C / I / N rate (C twice or Shift+C for CC, I twice or
// Shift+I for II), Delete clears, L / M / H set relevance, Enter on the evidence opens its passage.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AchRating, AchRelevance, Analysis } from '../../../main/contract';
import { ACH_RATING_WORDS, ACH_RATINGS, evidenceLabel as rowLabel, hypothesisLabel } from '../../../main/vocabulary';
import { client } from '../api/client';
import { useGuarded } from '../state/errors';
import { useWorkspaceActions } from '../state/workspace';
import { clip } from '../ui/format';
import { changeAnalysis, rateCell } from '../mutations/analysis';
import { useWidth } from '../ui/useWidth';
import { matrixColumns } from './columns';
import { FIRST_RATING_COLUMN, gridAction, type GridPlace } from './gridKeys';
import { MatrixRow } from './MatrixRow';
import { orderedRows, type RowOrder, type RowView } from './rows';

export function AchMatrix({ analysis, order }: { analysis: Analysis; order: RowOrder }) {
  const qc = useQueryClient();
  const run = useGuarded();
  const { openQuote } = useWorkspaceActions();
  const rows = useMemo(() => orderedRows(analysis, order), [analysis, order]);
  const cols = FIRST_RATING_COLUMN + analysis.hypotheses.length;
  const [at, setAt] = useState<GridPlace>({ row: 0, col: FIRST_RATING_COLUMN });
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const place = { row: Math.min(at.row, Math.max(0, rows.length - 1)), col: Math.min(at.col, cols - 1) };
  const scroller = useRef<HTMLDivElement>(null);
  const paneWidth = useWidth(scroller, rows.length > 0);
  const widths = matrixColumns(paneWidth, analysis.hypotheses.length);
  // Only the rows near the view are in the DOM (a 200-row matrix otherwise costs every rating a
  // layout and paint of 2,400 cells); the analysis pane is what scrolls. aria-rowcount and each row's
  // aria-rowindex keep the whole grid's size known to assistive technology.
  const body = useRef<HTMLTableSectionElement>(null);
  const [bodyOffset, setBodyOffset] = useState(0);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current?.closest<HTMLElement>('.analysis-view') ?? null,
    estimateSize: () => 92,
    overscan: 6,
    scrollMargin: bodyOffset,
    getItemKey: (i) => rows[i]!.row.id,
  });
  useLayoutEffect(() => {
    const pane = scroller.current?.closest<HTMLElement>('.analysis-view');
    if (!pane || !body.current) return;
    // Where the first row starts in the pane's scrolled content: what sits above (summary,
    // hypotheses, the rate bar) changes height as the analyst works.
    const offset = Math.round(body.current.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop);
    if (Math.abs(offset - bodyOffset) > 1) setBodyOffset(offset);
  });
  const items = virtual.getVirtualItems();
  const padTop = items.length ? items[0]!.start - bodyOffset : 0;
  const padBottom = items.length ? virtual.getTotalSize() - (items[items.length - 1]!.end - bodyOffset) : 0;
  const scoreOf = new Map(analysis.scores.ranking.map((h) => [h.hypothesisId, h]));

  useEffect(() => {
    if (!moved.current) return;
    const target = grid.current?.querySelector<HTMLElement>(`[data-cell="${place.row}:${place.col}"]`);
    // A row outside the rendered window is scrolled to first; the next render focuses it.
    if (!target) return void virtual.scrollToIndex(place.row, { align: 'auto' });
    moved.current = false;
    target.focus();
  });

  const openRow = (v: RowView) => {
    if (v.row.quoteId !== null && v.row.sourceId !== null) openQuote(v.row.sourceId, v.row.quoteId, true);
  };
  const setRelevance = (rowId: number, relevance: AchRelevance) => void run(() => changeAnalysis(qc, analysis.briefId, () => client.updateEvidenceRow({ rowId, relevance })));

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys typed into the relevance list or a button are theirs.
    if ((e.target as HTMLElement).closest('select, button, input, textarea')) return;
    const v = rows[place.row];
    if (!v) return;
    const h = analysis.hypotheses[place.col - FIRST_RATING_COLUMN];
    const action = gridAction(e, place, { rows: rows.length, cols }, h ? v.ratings[place.col - FIRST_RATING_COLUMN]! : null);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'move') {
      moved.current = true;
      setAt(action.to);
    } else if (action.kind === 'rate' && h) void run(() => rateCell(qc, analysis, h.id, v.row.id, action.rating));
    else if (action.kind === 'relevance') setRelevance(v.row.id, action.relevance);
    else if (action.kind === 'open') openRow(v);
    else if (action.kind === 'removeRow') void run(() => changeAnalysis(qc, analysis.briefId, () => client.removeEvidenceRow({ rowId: v.row.id })));
  };

  if (rows.length === 0) return <p className="empty-note">No evidence yet. Add passages from the quote bank, the reader or a claim’s citations, or write an assumption.</p>;
  const focusedRow = rows[place.row];
  const focusedHyp = analysis.hypotheses[place.col - FIRST_RATING_COLUMN];
  const rateFocused = (rating: AchRating | null) => {
    if (!focusedRow || !focusedHyp) return;
    moved.current = true;
    void run(() => rateCell(qc, analysis, focusedHyp.id, focusedRow.row.id, rating));
  };
  return (
    <div className="matrix-scroller" ref={scroller}>
      <table
        ref={grid}
        role="grid"
        aria-label="Evidence against hypotheses"
        aria-rowcount={rows.length + 1}
        aria-colcount={cols}
        className="ach-matrix"
        style={{ width: widths.table }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const c = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]')?.dataset.cell;
          if (!c) return;
          const [row, col] = c.split(':').map(Number) as [number, number];
          if (row !== place.row || col !== place.col) setAt({ row, col });
        }}
      >
        <colgroup>
          <col style={{ width: widths.evidence }} />
          <col style={{ width: widths.relevance }} />
          <col style={{ width: widths.diagnosticity }} />
          {analysis.hypotheses.map((h) => (
            <col key={h.id} style={{ width: widths.hypothesis }} />
          ))}
        </colgroup>
        <thead>
          <tr role="row">
            <th role="columnheader" scope="col" className="ev-head">
              Evidence
            </th>
            <th role="columnheader" scope="col" className="rel-head">
              Relevance
            </th>
            <th role="columnheader" scope="col" className="diag-head" title="Spread between the most and least consistent rating of the row (0–4); 0 tells the hypotheses nothing apart">
              Diag.
            </th>
            {analysis.hypotheses.map((h, i) => {
              const s = scoreOf.get(h.id);
              return (
                <th key={h.id} role="columnheader" scope="col" className={`hyp-head${s?.rank === 1 ? ' leads' : ''}`} title={h.text}>
                  <span className="hyp-name">{hypothesisLabel(i)}</span>
                  <span className="hyp-text" dir="auto">
                    {clip(h.text, 40)}
                  </span>
                  <span className="hyp-score">
                    {s ? `score ${s.score} · #${s.rank}` : ''}
                    <span className="visually-hidden">{s ? ` (inconsistency ${s.score}, rank ${s.rank})` : ''}</span>
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={body}>
          {padTop > 0 && (
            <tr aria-hidden="true" className="matrix-pad">
              <td colSpan={cols} style={{ height: padTop }} />
            </tr>
          )}
          {items.map(({ index: r, key }) => (
            <MatrixRow
              key={key}
              measure={virtual.measureElement}
              view={rows[r]!}
              index={r}
              activeCol={place.row === r ? place.col : -1}
              hypothesisCount={analysis.hypotheses.length}
              ratingsKey={rows[r]!.ratings.join(',')}
              onOpen={openRow}
              onRelevance={setRelevance}
            />
          ))}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="matrix-pad">
              <td colSpan={cols} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {/* After the grid in the tab order (pick a cell, then rate it), drawn above it. */}
      <div className="rate-bar" role="toolbar" aria-label="Rate the selected cell">
        <span className="rate-where">
          {focusedRow && focusedHyp ? `${rowLabel(focusedRow.number)} × ${hypothesisLabel(place.col - FIRST_RATING_COLUMN)}:` : 'Select a cell to rate:'}
        </span>
        {ACH_RATINGS.map((r) => (
          <button key={r} type="button" className={`small rate-button r-${r}`} disabled={!focusedHyp} title={ACH_RATING_WORDS[r]} aria-label={`Rate ${r}, ${ACH_RATING_WORDS[r]}`} onClick={() => rateFocused(r)}>
            {r}
          </button>
        ))}
        <button type="button" className="small" disabled={!focusedHyp} onClick={() => rateFocused(null)}>
          Clear
        </button>
        <span className="rate-keys">
          Keys: arrows move · <kbd>C</kbd> consistent, again or <kbd>Shift C</kbd> very · <kbd>I</kbd> inconsistent, again or <kbd>Shift I</kbd> very · <kbd>N</kbd> neutral · <kbd>Del</kbd> clear ·{' '}
          <kbd>L</kbd>/<kbd>M</kbd>/<kbd>H</kbd> relevance · <kbd>Enter</kbd> on evidence opens the passage
        </span>
      </div>
    </div>
  );
}
