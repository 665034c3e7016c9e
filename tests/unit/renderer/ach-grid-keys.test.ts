import { describe, expect, it } from 'vitest';
import { FIRST_RATING_COLUMN, gridAction } from '../../../renderer/src/analysis/gridKeys';

const size = { rows: 4, cols: FIRST_RATING_COLUMN + 3 };
const key = (k: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) => ({ key: k, shiftKey: false, ctrlKey: false, ...mods });
const cell = { row: 1, col: FIRST_RATING_COLUMN };

describe('keys of the ACH matrix', () => {
  it('rates C, then CC when C is pressed again or with Shift; I, then II; N; Delete clears', () => {
    expect(gridAction(key('c'), cell, size, null)).toEqual({ kind: 'rate', rating: 'C' });
    expect(gridAction(key('c'), cell, size, 'C')).toEqual({ kind: 'rate', rating: 'CC' });
    expect(gridAction(key('C', { shiftKey: true }), cell, size, 'N')).toEqual({ kind: 'rate', rating: 'CC' });
    expect(gridAction(key('c'), cell, size, 'CC')).toEqual({ kind: 'rate', rating: 'C' });
    expect(gridAction(key('i'), cell, size, 'N')).toEqual({ kind: 'rate', rating: 'I' });
    expect(gridAction(key('i'), cell, size, 'I')).toEqual({ kind: 'rate', rating: 'II' });
    expect(gridAction(key('n'), cell, size, 'II')).toEqual({ kind: 'rate', rating: 'N' });
    expect(gridAction(key('Delete'), cell, size, 'II')).toEqual({ kind: 'rate', rating: null });
  });

  it('moves with the arrows and stops at the edges', () => {
    expect(gridAction(key('ArrowRight'), cell, size, null)).toEqual({ kind: 'move', to: { row: 1, col: FIRST_RATING_COLUMN + 1 } });
    expect(gridAction(key('ArrowUp'), { row: 0, col: 0 }, size, null)).toEqual({ kind: 'move', to: { row: 0, col: 0 } });
    expect(gridAction(key('End', { ctrlKey: true }), cell, size, null)).toEqual({ kind: 'move', to: { row: 3, col: FIRST_RATING_COLUMN + 2 } });
  });

  it('opens the passage with Enter on the evidence, and rates nothing outside the hypotheses', () => {
    expect(gridAction(key('Enter'), { row: 2, col: 0 }, size, null)).toEqual({ kind: 'open' });
    expect(gridAction(key('c'), { row: 2, col: 0 }, size, null)).toBeNull();
    expect(gridAction(key('h'), { row: 2, col: 1 }, size, null)).toEqual({ kind: 'relevance', relevance: 'high' });
    expect(gridAction(key('c', { ctrlKey: true }), cell, size, null)).toBeNull();
  });
});
