// The matrix's rows as the grid shows them: numbered in the analyst's order, with what the scores
// say of each, sorted by the analyst's order or by diagnosticity.
import type { AchRating, AchRow, Analysis } from '../../../main/contract';

export type RowOrder = 'analyst' | 'diagnosticity';

export interface RowView {
  row: AchRow;
  /** E1, E2… in the analyst's order, whatever the sort. */
  number: number;
  ratings: (AchRating | null)[];
  diagnosticity: number;
  weak: boolean;
  /** Rated alike for every rated hypothesis (two at least): it tells nothing apart. */
  flat: boolean;
  /** Removing the row alone changes which hypothesis leads. */
  linchpin: boolean;
  /** Reading one of its cells one step differently changes which hypothesis leads. */
  sensitive: boolean;
}

export function orderedRows(a: Analysis, order: RowOrder): RowView[] {
  const cells = new Map(a.cells.map((c) => [`${c.rowId}:${c.hypothesisId}`, c.rating]));
  const analysed = new Map(a.scores.rows.map((r) => [r.rowId, r]));
  const linchpins = new Set(a.scores.linchpins);
  const rerated = new Set(a.scores.rerated.map((r) => r.rowId));
  const views = a.rows.map((row, i): RowView => {
    const ratings = a.hypotheses.map((h) => cells.get(`${row.id}:${h.id}`) ?? null);
    const info = analysed.get(row.id);
    const diagnosticity = info?.diagnosticity ?? 0;
    return {
      row,
      number: i + 1,
      ratings,
      diagnosticity,
      weak: info?.weak ?? false,
      flat: diagnosticity === 0 && ratings.filter((r) => r !== null).length >= 2,
      linchpin: linchpins.has(row.id),
      sensitive: rerated.has(row.id),
    };
  });
  if (order === 'diagnosticity') views.sort((x, y) => y.diagnosticity - x.diagnosticity || x.number - y.number);
  return views;
}
