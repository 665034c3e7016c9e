// One row of the ACH matrix: the evidence with its source, grade and badges, its relevance, its
// diagnosticity and a cell per hypothesis. Memoised by value, so rating one cell repaints one row.
import { memo } from 'react';
import type { AchRelevance } from '../../../main/contract';
import { ACH_RATING_WORDS, ACH_RELEVANCES, evidenceLabel as rowLabel, hypothesisLabel } from '../../../main/vocabulary';
import { FIRST_RATING_COLUMN } from './gridKeys';
import type { RowView } from './rows';

export interface RowProps {
  /** The virtualiser's measuring ref: rows differ in height with their text and badges. */
  measure(el: HTMLTableRowElement | null): void;
  view: RowView;
  index: number;
  activeCol: number;
  hypothesisCount: number;
  /** The ratings as one string, so that memo compares them by value. */
  ratingsKey: string;
  onOpen(v: RowView): void;
  onRelevance(rowId: number, relevance: AchRelevance): void;
}

const sameRow = (a: RowProps, b: RowProps) =>
  a.measure === b.measure &&
  a.activeCol === b.activeCol &&
  a.index === b.index &&
  a.ratingsKey === b.ratingsKey &&
  a.hypothesisCount === b.hypothesisCount &&
  a.view.row === b.view.row &&
  a.view.diagnosticity === b.view.diagnosticity &&
  a.view.weak === b.view.weak &&
  a.view.linchpin === b.view.linchpin &&
  a.view.sensitive === b.view.sensitive &&
  a.view.number === b.view.number;

export const MatrixRow = memo(function MatrixRow({ measure, view: v, index, activeCol, onOpen, onRelevance }: RowProps) {
  const { row } = v;
  const tab = (col: number) => (activeCol === col ? 0 : -1);
  const cell = (col: number) => ({ 'data-cell': `${index}:${col}`, tabIndex: tab(col), role: 'gridcell' as const });
  const grade = [row.reliability, row.credibility].filter((x) => x !== null).join('');
  return (
    <tr ref={measure} data-index={index} role="row" aria-rowindex={index + 2} className={`${v.flat ? 'flat' : ''}${v.linchpin || v.sensitive ? ' linchpin' : ''}`}>
      <td
        {...cell(0)}
        className="ev-cell"
        // Named by its content (axe: the visible words are in the name); the text is cut to three lines on
        // screen, so the whole of it is the tooltip.
        title={row.sourceTitle ? `${row.text}\n— ${row.sourceTitle}` : row.text}
        onClick={() => onOpen(v)}
      >
        <span className="ev-number">
          {rowLabel(v.number)}
          <span className="visually-hidden">:</span>
        </span>
        <span className="ev-text" dir="auto">
          {row.kind === 'assumption' || /^["“«„]/.test(row.text) ? row.text : `“${row.text}”`}
        </span>
        <span className="ev-meta">
          {row.kind === 'assumption' ? (
            <span className="badge assumption">Assumption</span>
          ) : (
            <>
              <bdi title={row.sourceTitle ?? undefined}>{row.sourceTitle}</bdi>
              <span className="badge grade" title="Source reliability (A–F) and information credibility (1–6)">
                {grade || 'not graded'}
              </span>
            </>
          )}
          {v.weak && <span className="badge weak">Weak source</span>}
          {v.flat && <span className="badge flat">Not diagnostic</span>}
          {v.linchpin && (
            <span className="badge linchpin" title="Removing this row alone changes which hypothesis leads">
              Linchpin
            </span>
          )}
          {v.sensitive && (
            <span className="badge sensitive" title="Reading one of its ratings one step differently changes which hypothesis leads">
              Re-rating moves the lead
            </span>
          )}
        </span>
      </td>
      <td {...cell(1)} className="rel-cell">
        <select
          aria-label={`Relevance of ${rowLabel(v.number)}`}
          tabIndex={-1}
          value={row.relevance}
          onChange={(e) => onRelevance(row.id, e.target.value as AchRelevance)}
        >
          {ACH_RELEVANCES.map((r) => (
            <option key={r} value={r}>
              {r[0]!.toUpperCase() + r.slice(1)}
            </option>
          ))}
        </select>
      </td>
      <td {...cell(2)} className="diag-cell" aria-label={`Diagnosticity of ${rowLabel(v.number)}: ${v.diagnosticity}`}>
        {v.diagnosticity}
      </td>
      {v.ratings.map((rating, k) => (
        <td
          key={k}
          {...cell(FIRST_RATING_COLUMN + k)}
          className={`rate-cell r-${rating ?? 'none'}`}
          aria-label={`${rowLabel(v.number)} against ${hypothesisLabel(k)}: ${rating ? `${rating}, ${ACH_RATING_WORDS[rating]}` : 'not rated'}`}
        >
          {rating ?? '·'}
        </td>
      ))}
    </tr>
  );
}, sameRow);
