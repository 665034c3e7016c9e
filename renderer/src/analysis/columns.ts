// The matrix's column widths for the width of its pane. The evidence gets a clamped share (enough to
// read a passage over three lines, never so much that it crowds out the hypotheses); the hypotheses
// share the rest, each at least HYPOTHESIS_MIN wide. When they do not fit, the table grows wider than
// the pane and scrolls sideways, with the evidence column sticky (analysis.css).
export const EVIDENCE_MIN = 220;
export const EVIDENCE_MAX = 440;
export const EVIDENCE_SHARE = 0.38;
export const RELEVANCE_WIDTH = 84;
export const DIAGNOSTICITY_WIDTH = 50;
export const HYPOTHESIS_MIN = 84;
/** Beyond this a hypothesis column only adds empty colour; the evidence takes the room instead. */
export const HYPOTHESIS_MAX = 180;

export interface MatrixColumns {
  evidence: number;
  relevance: number;
  diagnosticity: number;
  hypothesis: number;
  /** The table's width: the pane's, or more when the grid must scroll sideways. */
  table: number;
}

export function matrixColumns(paneWidth: number, hypotheses: number): MatrixColumns {
  const fixed = RELEVANCE_WIDTH + DIAGNOSTICITY_WIDTH;
  const pane = Math.max(0, Math.floor(paneWidth));
  let evidence = Math.min(EVIDENCE_MAX, Math.max(EVIDENCE_MIN, Math.round(pane * EVIDENCE_SHARE)));
  const n = Math.max(1, hypotheses);
  let hypothesis = Math.floor((pane - evidence - fixed) / n);
  if (hypothesis < HYPOTHESIS_MIN) {
    // Too many to fit: the evidence shrinks to its narrowest before the grid scrolls.
    evidence = EVIDENCE_MIN;
    hypothesis = Math.max(HYPOTHESIS_MIN, Math.floor((pane - evidence - fixed) / n));
  } else if (hypothesis > HYPOTHESIS_MAX) {
    hypothesis = HYPOTHESIS_MAX;
    evidence = Math.max(evidence, pane - fixed - n * hypothesis);
  }
  return { evidence, relevance: RELEVANCE_WIDTH, diagnosticity: DIAGNOSTICITY_WIDTH, hypothesis, table: evidence + fixed + n * hypothesis };
}
