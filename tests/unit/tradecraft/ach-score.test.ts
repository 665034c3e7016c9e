import { describe, expect, it } from 'vitest';
import { scoreAnalysis, type ScoringRow } from '../../../main/tradecraft/ach-score';
import type { AchRating } from '../../../main/vocabulary';

// Three hypotheses about a port closure: H1 maintenance, H2 blockade, H3 deception (staged closure).
const H = [
  { id: 1, text: 'Scheduled maintenance' },
  { id: 2, text: 'Naval blockade' },
  { id: 3, text: 'Staged closure to mislead observers' },
];
function row(id: number, ratings: (AchRating | null)[], extra: Partial<ScoringRow> = {}): ScoringRow {
  const m = new Map<number, AchRating>();
  ratings.forEach((r, i) => r && m.set(H[i]!.id, r));
  return { id, relevance: 'medium', credibility: null, reliability: null, ratings: m, ...extra };
}
const plain = { weighByRelevance: false, weighByCredibility: false };

describe('Heuer inconsistency scoring', () => {
  it('counts I as 1 and II as 2, ignores consistency, and ranks the least inconsistent first', () => {
    // By hand: H1 = I + II + 0 = 3; H2 = 0 + I + 0 = 1; H3 = II + 0 + I = 3.
    const s = scoreAnalysis({
      hypotheses: H,
      rows: [row(10, ['I', 'CC', 'II']), row(11, ['II', 'I', 'C']), row(12, ['C', 'C', 'I'])],
      ...plain,
    });
    expect(s.ranking).toEqual([
      { hypothesisId: 2, score: 1, rank: 1 },
      { hypothesisId: 1, score: 3, rank: 2 },
      { hypothesisId: 3, score: 3, rank: 2 },
    ]);
    expect(s.unrated).toBe(0);
  });

  it('gives tied hypotheses one rank and keeps the analyst order among them', () => {
    const s = scoreAnalysis({ hypotheses: H, rows: [row(10, ['I', 'I', 'C'])], ...plain });
    expect(s.ranking.map((h) => [h.hypothesisId, h.rank])).toEqual([
      [3, 1],
      [1, 2],
      [2, 2],
    ]);
  });

  it('weighs by relevance (low ½, medium 1, high 2) and by credibility when asked', () => {
    const rows = [
      row(10, ['II', 'C', 'C'], { relevance: 'low' }), // H1 +2×0.5 = 1
      row(11, ['C', 'I', 'C'], { relevance: 'high', credibility: 4 }), // H2 +1×2 = 2, ×0.5 credibility = 1
      row(12, ['C', 'C', 'I'], { relevance: 'medium', credibility: 3 }), // H3 +1, ×0.75 = 0.75
    ];
    const byRelevance = scoreAnalysis({ hypotheses: H, rows, weighByRelevance: true, weighByCredibility: false });
    expect(byRelevance.ranking.map((h) => [h.hypothesisId, h.score, h.rank])).toEqual([
      [1, 1, 1],
      [3, 1, 1],
      [2, 2, 3],
    ]);
    const both = scoreAnalysis({ hypotheses: H, rows, weighByRelevance: true, weighByCredibility: true });
    expect(both.ranking.map((h) => [h.hypothesisId, h.score, h.rank])).toEqual([
      [3, 0.75, 1],
      [1, 1, 2],
      [2, 1, 2],
    ]);
    const none = scoreAnalysis({ hypotheses: H, rows, ...plain });
    expect(none.ranking.map((h) => h.score)).toEqual([1, 1, 2]);
  });

  it('treats weighted sums that differ only by float noise as ties', () => {
    // H1: I × 0.75 + I × 0.75 = 1.5; H2: I × ½ + II × ½ = 1.5.
    const rows = [
      row(10, ['I', null, null], { credibility: 3 }),
      row(11, ['I', null, null], { credibility: 3 }),
      row(12, [null, 'I', null], { relevance: 'low' }),
      row(13, [null, 'II', null], { relevance: 'low' }),
    ];
    const s = scoreAnalysis({ hypotheses: H, rows, weighByRelevance: true, weighByCredibility: true });
    expect(s.ranking.find((h) => h.hypothesisId === 1)!.score).toBe(1.5);
    expect(s.ranking.find((h) => h.hypothesisId === 2)!.score).toBe(1.5);
    expect(s.ranking.find((h) => h.hypothesisId === 1)!.rank).toBe(s.ranking.find((h) => h.hypothesisId === 2)!.rank);
  });

  it('measures diagnosticity as the spread of ratings: a row rated alike everywhere scores 0', () => {
    const s = scoreAnalysis({ hypotheses: H, rows: [row(10, ['C', 'C', 'C']), row(11, ['CC', 'N', 'II']), row(12, ['I', null, null])], ...plain });
    expect(s.rows.map((r) => [r.rowId, r.diagnosticity])).toEqual([
      [10, 0],
      [11, 4],
      [12, 0],
    ]);
    expect(s.unrated).toBe(2);
  });

  it('names the linchpin rows: those whose removal alone changes the leading hypothesis', () => {
    // By hand: H1 = 1 (row 10); H2 = 2 (row 11); H3 = 1 + 1 + 2 = 4 (rows 11, 12, 13).
    // Without 11: H1 1, H2 0, H3 3 → H2 leads, so 11 is the linchpin. Without 10: H1 0, still first.
    // Without 13: H3 2 ties H2 → the order below the leader changes; without 12: H3 3, no change.
    const s = scoreAnalysis({
      hypotheses: H,
      rows: [row(10, ['I', 'C', 'C']), row(11, ['C', 'II', 'I']), row(12, ['C', 'C', 'I']), row(13, ['C', 'C', 'II'])],
      ...plain,
    });
    expect(s.ranking.map((h) => [h.hypothesisId, h.score])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
    expect(s.linchpins).toEqual([11]);
    expect(s.reorders).toEqual([11, 13]);
    // Re-rating one cell one step: row 10's I for H1 read as II makes H1 2, tying H2 for the lead;
    // row 11's II for H2 read as I makes H2 1, tying H1. Rows 12 and 13 move only H3, far behind.
    expect(s.rerated).toEqual([
      { rowId: 10, hypothesisId: 1, from: 'I', to: 'II' },
      { rowId: 11, hypothesisId: 2, from: 'II', to: 'I' },
    ]);
  });

  it('finds re-ratings that change the leader under weights, and ignores steps that move no score', () => {
    // Weighted by relevance: H1 = 1 × 2 (row 30, high) = 2; H2 = 1 × ½ + 1 × ½ = 1, so H2 leads.
    // Row 30 read as N for H1: H1 0 → H1 leads. Rows 31 and 32 moved a step: H2 0.5 or 1.5, still
    // below 2; their C cells for H1 can become CC or N, neither of which counts.
    const two = H.slice(0, 2);
    const s = scoreAnalysis({
      hypotheses: two,
      rows: [
        { ...row(30, ['I', 'C']), relevance: 'high' },
        { ...row(31, ['C', 'I']), relevance: 'low' },
        { ...row(32, ['C', 'I']), relevance: 'low' },
      ],
      weighByRelevance: true,
      weighByCredibility: false,
    });
    expect(s.ranking.map((h) => [h.hypothesisId, h.score])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(s.linchpins).toEqual([30]);
    expect(s.rerated).toEqual([{ rowId: 30, hypothesisId: 1, from: 'I', to: 'N' }]);
    // A tie broken by reading N as I: H1 = H2 = 1 with rows 40 and 41; H1's N in row 40 read as I
    // puts H2 alone in front; row 41's I for H1 read as N puts H1 alone in front.
    const tie = scoreAnalysis({ hypotheses: two, rows: [row(40, ['N', 'C']), row(41, ['I', 'I'])], ...plain });
    expect(tie.rerated).toEqual([
      { rowId: 40, hypothesisId: 1, from: 'N', to: 'I' },
      { rowId: 41, hypothesisId: 1, from: 'I', to: 'N' },
    ]);
  });

  it('flags rows on unreliable sources (D–F) or doubtful information (4–6)', () => {
    const s = scoreAnalysis({
      hypotheses: H,
      rows: [row(10, [], { reliability: 'B', credibility: 2 }), row(11, [], { reliability: 'E' }), row(12, [], { credibility: 5 }), row(13, [])],
      ...plain,
    });
    expect(s.rows.map((r) => r.weak)).toEqual([false, true, true, false]);
  });

  it('suggests a deception hypothesis only when none exists', () => {
    expect(scoreAnalysis({ hypotheses: H, rows: [], ...plain }).suggestDeception).toBe(false);
    expect(scoreAnalysis({ hypotheses: H.slice(0, 2), rows: [], ...plain }).suggestDeception).toBe(true);
    expect(scoreAnalysis({ hypotheses: [{ id: 1, text: 'Denial and deception by the operator' }], rows: [], ...plain }).suggestDeception).toBe(false);
  });
});
