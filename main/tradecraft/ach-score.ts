// Scoring of an Analysis of Competing Hypotheses, after Heuer (Psychology of Intelligence Analysis,
// ch. 8): a hypothesis is judged by the evidence against it, so the score counts inconsistency only
// (I = 1, II = 2), optionally weighted by the row's relevance and credibility; the least inconsistent
// hypothesis leads. Pure and linear in rows × hypotheses, so a 9 × 200 matrix re-scores at each keystroke.
import {
  ACH_CONSISTENCY,
  ACH_CREDIBILITY_WEIGHT,
  ACH_INCONSISTENCY,
  ACH_RELEVANCE_WEIGHT,
  WEAK_CREDIBILITIES,
  WEAK_RELIABILITIES,
  type AchRating,
  type AchRelevance,
  type Credibility,
  type Reliability,
} from '../vocabulary';
import type { AnalysisData } from '../../db/model';

/** An analysis as stored, with its scores: what the screen and the exports show. */
export interface Analysis extends AnalysisData {
  scores: AchScores;
}

export interface ScoringRow {
  id: number;
  relevance: AchRelevance;
  /** The passage's credibility; null for an assumption row or an unjudged passage. */
  credibility: Credibility | null;
  /** The source's reliability; null for an assumption row or an unjudged source. */
  reliability: Reliability | null;
  /** Rating per hypothesis id; a missing entry is not yet rated. */
  ratings: ReadonlyMap<number, AchRating>;
}

export interface ScoringInput {
  hypotheses: readonly { id: number; text: string }[];
  rows: readonly ScoringRow[];
  weighByRelevance: boolean;
  weighByCredibility: boolean;
}

export interface HypothesisScore {
  hypothesisId: number;
  /** Weighted inconsistency; lower survives better. */
  score: number;
  /** 1 for the least inconsistent; tied hypotheses share a rank (1, 1, 3). */
  rank: number;
}

export interface RowAnalysis {
  rowId: number;
  /** Spread between the most and least consistent rating the row gives (0–4); 0 tells nothing apart. */
  diagnosticity: number;
  /** The row rests on a source rated D–F or information rated 4–6. */
  weak: boolean;
  /** The row's weight in the scores (1 unless the analysis weighs rows). */
  weight: number;
}

export interface Rerating {
  rowId: number;
  hypothesisId: number;
  from: AchRating;
  to: AchRating;
}

export interface AchScores {
  /** Hypotheses, least inconsistent first; ties keep the analyst's order. */
  ranking: HypothesisScore[];
  rows: RowAnalysis[];
  /** Rows whose removal alone would change which hypotheses lead: the linchpin evidence. */
  linchpins: number[];
  /** Rows whose removal alone would change the order of the hypotheses anywhere. */
  reorders: number[];
  /**
   * Rows where moving one rated cell a single step along CC–C–N–I–II (a different reading of the
   * same passage) would change which hypotheses lead: Heuer's "subject to a different interpretation".
   * One entry per row, the first such re-rating in the analyst's hypothesis order.
   */
  rerated: Rerating[];
  /** True when no hypothesis considers deception or denial (Heuer advises always including one). */
  suggestDeception: boolean;
  /** Cells still unrated (rows × hypotheses minus rated). */
  unrated: number;
}

const DECEPTION = /\b(decept|deceiv|denial|disinform|misinform|mislead|feint|ruse|cover[- ]?(story|up)|fabricat|false[- ]flag|hoax|staged|fake)/i;

function rowWeight(row: Pick<ScoringRow, 'relevance' | 'credibility'>, input: Pick<ScoringInput, 'weighByRelevance' | 'weighByCredibility'>): number {
  let w = 1;
  if (input.weighByRelevance) w *= ACH_RELEVANCE_WEIGHT[row.relevance];
  if (input.weighByCredibility && row.credibility !== null) w *= ACH_CREDIBILITY_WEIGHT[row.credibility];
  return w;
}

/** Rounds away binary noise (0.1 + 0.2) so that equal weighted scores compare as ties. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

function rank(ids: readonly number[], scores: readonly number[]): HypothesisScore[] {
  const order = ids.map((id, i) => ({ hypothesisId: id, score: tidy(scores[i]!), i }));
  order.sort((a, b) => a.score - b.score || a.i - b.i);
  let rankNow = 0;
  return order.map((h, k) => {
    if (k === 0 || h.score !== order[k - 1]!.score) rankNow = k + 1;
    return { hypothesisId: h.hypothesisId, score: h.score, rank: rankNow };
  });
}

/** The neighbours of a rating on the scale, the nearer reading first toward each side. */
const STEPS: Record<AchRating, AchRating[]> = { CC: ['C'], C: ['CC', 'N'], N: ['C', 'I'], I: ['N', 'II'], II: ['I'] };

const leaders = (r: HypothesisScore[]) => r.filter((h) => h.rank === 1).map((h) => h.hypothesisId).sort((a, b) => a - b).join(',');
const order = (r: HypothesisScore[]) => r.map((h) => `${h.hypothesisId}:${h.rank}`).join(',');

export function scoreAnalysis(input: ScoringInput): AchScores {
  const ids = input.hypotheses.map((h) => h.id);
  const totals = new Array<number>(ids.length).fill(0);
  // Each row's contribution per hypothesis, kept so that removing a row is one subtraction.
  const contributions: number[][] = [];
  const rows: RowAnalysis[] = [];
  let unrated = 0;
  for (const row of input.rows) {
    const weight = rowWeight(row, input);
    const c = ids.map((id, i) => {
      const rating = row.ratings.get(id);
      if (rating === undefined) {
        unrated += 1;
        return 0;
      }
      const v = ACH_INCONSISTENCY[rating] * weight;
      totals[i]! += v;
      return v;
    });
    contributions.push(c);
    let hi = -Infinity;
    let lo = Infinity;
    for (const id of ids) {
      const rating = row.ratings.get(id);
      if (rating === undefined) continue;
      hi = Math.max(hi, ACH_CONSISTENCY[rating]);
      lo = Math.min(lo, ACH_CONSISTENCY[rating]);
    }
    rows.push({
      rowId: row.id,
      diagnosticity: hi === -Infinity ? 0 : hi - lo,
      weak: (row.reliability !== null && WEAK_RELIABILITIES.includes(row.reliability)) || (row.credibility !== null && WEAK_CREDIBILITIES.includes(row.credibility)),
      weight,
    });
  }
  const ranking = rank(ids, totals);
  const leadNow = leaders(ranking);
  const orderNow = order(ranking);
  const linchpins: number[] = [];
  const reorders: number[] = [];
  const rerated: Rerating[] = [];
  if (ids.length > 1) {
    input.rows.forEach((row, r) => {
      const c = contributions[r]!;
      if (c.every((v) => v === 0)) return;
      const without = rank(ids, totals.map((t, i) => t - c[i]!));
      if (leaders(without) !== leadNow) linchpins.push(row.id);
      if (order(without) !== orderNow) reorders.push(row.id);
    });
    // One cell moved one step changes one total: whether the leaders change follows from the lowest
    // total, how many share it and the next one up, with no re-ranking (3,600 cells in a 9 × 200 matrix).
    const t = totals.map(tidy);
    const low = Math.min(...t);
    const atLow = t.filter((v) => v === low).length;
    const next = Math.min(...t.filter((v) => v !== low), Infinity);
    const leadMoves = (i: number, moved: number): boolean => {
      const lowOthers = t[i] === low && atLow === 1 ? next : low;
      const wasLeader = t[i] === low;
      if (moved < lowOthers) return !(wasLeader && atLow === 1);
      if (moved === lowOthers) return !(wasLeader && lowOthers === low);
      return wasLeader;
    };
    input.rows.forEach((row, r) => {
      const weight = rows[r]!.weight;
      // Only a step that moves the inconsistency count (N↔I, I↔II) can move a score.
      for (let i = 0; i < ids.length; i++) {
        const from = row.ratings.get(ids[i]!);
        if (from === undefined) continue;
        const to = STEPS[from].find((step) => {
          const delta = (ACH_INCONSISTENCY[step] - ACH_INCONSISTENCY[from]) * weight;
          return delta !== 0 && leadMoves(i, tidy(totals[i]! + delta));
        });
        if (to !== undefined) {
          rerated.push({ rowId: row.id, hypothesisId: ids[i]!, from, to });
          return;
        }
      }
    });
  }
  return {
    ranking,
    rows,
    linchpins,
    reorders,
    rerated,
    suggestDeception: input.hypotheses.length > 0 && !input.hypotheses.some((h) => DECEPTION.test(h.text)),
    unrated,
  };
}

/** Scores stored data: the cells become one rating map per row, as scoreAnalysis reads them. */
export function scored(data: AnalysisData): Analysis {
  const byRow = new Map<number, Map<number, AchRating>>(data.rows.map((r) => [r.id, new Map()]));
  for (const c of data.cells) byRow.get(c.rowId)?.set(c.hypothesisId, c.rating);
  const scores = scoreAnalysis({
    hypotheses: data.hypotheses,
    rows: data.rows.map((r) => ({ id: r.id, relevance: r.relevance, credibility: r.credibility, reliability: r.reliability, ratings: byRow.get(r.id)! })),
    weighByRelevance: data.weighByRelevance,
    weighByCredibility: data.weighByCredibility,
  });
  return { ...data, scores };
}
