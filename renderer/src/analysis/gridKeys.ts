// What a key does in the ACH matrix, as a pure function of where focus is: the grid component applies
// the answer. Columns: 0 the evidence, 1 its relevance, 2 its diagnosticity, then one per hypothesis.
import type { AchRating, AchRelevance } from '../../../main/contract';

export const FIRST_RATING_COLUMN = 3;

export interface GridPlace {
  row: number;
  col: number;
}

export type GridAction =
  | { kind: 'move'; to: GridPlace }
  | { kind: 'rate'; rating: AchRating | null }
  | { kind: 'relevance'; relevance: AchRelevance }
  | { kind: 'open' }
  | { kind: 'removeRow' }
  | null;

export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
}

/**
 * C rates consistent and, pressed again (or with Shift), very consistent; I likewise inconsistent and
 * very inconsistent; N neutral; Delete clears. L, M, H set the row's relevance anywhere in the row.
 */
export function gridAction(e: KeyInput, at: GridPlace, size: { rows: number; cols: number }, current: AchRating | null): GridAction {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const move = (row: number, col: number): GridAction => ({ kind: 'move', to: { row: Math.max(0, Math.min(lastRow, row)), col: Math.max(0, Math.min(lastCol, col)) } });
  switch (e.key) {
    case 'ArrowUp':
      return move(at.row - 1, at.col);
    case 'ArrowDown':
      return move(at.row + 1, at.col);
    case 'ArrowLeft':
      return move(at.row, at.col - 1);
    case 'ArrowRight':
      return move(at.row, at.col + 1);
    case 'Home':
      return e.ctrlKey ? move(0, 0) : move(at.row, 0);
    case 'End':
      return e.ctrlKey ? move(lastRow, lastCol) : move(at.row, lastCol);
    case 'PageUp':
      return move(at.row - 10, at.col);
    case 'PageDown':
      return move(at.row + 10, at.col);
  }
  if (e.ctrlKey) return null;
  const key = e.key.toLowerCase();
  if (at.col >= FIRST_RATING_COLUMN) {
    if (key === 'c') return { kind: 'rate', rating: e.shiftKey || current === 'C' ? 'CC' : 'C' };
    if (key === 'i') return { kind: 'rate', rating: e.shiftKey || current === 'I' ? 'II' : 'I' };
    if (key === 'n') return { kind: 'rate', rating: 'N' };
    if (e.key === 'Delete' || e.key === 'Backspace') return { kind: 'rate', rating: null };
  }
  if (key === 'l') return { kind: 'relevance', relevance: 'low' };
  if (key === 'm') return { kind: 'relevance', relevance: 'medium' };
  if (key === 'h') return { kind: 'relevance', relevance: 'high' };
  if (at.col === 0 && (e.key === 'Enter' || e.key === ' ')) return { kind: 'open' };
  if (at.col === 0 && e.key === 'Delete') return { kind: 'removeRow' };
  return null;
}
