import { describe, expect, it } from 'vitest';
import { EVIDENCE_MAX, EVIDENCE_MIN, HYPOTHESIS_MAX, HYPOTHESIS_MIN, matrixColumns } from '../../../renderer/src/analysis/columns';

// The matrix's columns for the brief pane's width at 1280, 1440 and 1920 pixels wide windows (the
// pane is about half of the window while the analysis is open).
describe('the ACH matrix columns', () => {
  it('fits three hypotheses in a 700 px pane, each wider than its minimum, the evidence a clamped share', () => {
    const c = matrixColumns(700, 3);
    expect(c.evidence).toBe(266);
    expect(c.hypothesis).toBeGreaterThan(HYPOTHESIS_MIN);
    expect(c.table).toBeLessThanOrEqual(700);
  });

  it('narrows the evidence to its minimum, then scrolls, when nine hypotheses do not fit', () => {
    const c = matrixColumns(610, 9);
    expect(c.evidence).toBe(EVIDENCE_MIN);
    expect(c.hypothesis).toBe(HYPOTHESIS_MIN);
    expect(c.table).toBe(EVIDENCE_MIN + 84 + 50 + 9 * HYPOTHESIS_MIN);
  });

  it('gives a wide pane to the evidence once the hypotheses reach their widest', () => {
    const c = matrixColumns(1400, 2);
    expect(c.hypothesis).toBe(HYPOTHESIS_MAX);
    expect(c.evidence).toBe(1400 - 134 - 2 * HYPOTHESIS_MAX);
    expect(c.table).toBe(1400);
    expect(matrixColumns(1000, 9).evidence).toBeLessThanOrEqual(EVIDENCE_MAX);
  });

  it('never fills a pane of width 0 (before layout) with negative widths', () => {
    const c = matrixColumns(0, 3);
    expect(c.evidence).toBe(EVIDENCE_MIN);
    expect(c.hypothesis).toBe(HYPOTHESIS_MIN);
  });
});
