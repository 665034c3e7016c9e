// The ACH matrix in words, the same on screen and in every export: labels, the ranking and the
// sensitivity line (which single piece of evidence the lead rests on).
import { ACH_RELEVANCES, evidenceLabel, hypothesisLabel, type AchRating } from '../vocabulary';
import type { Analysis } from './ach-score';

export function sensitivityText(a: Analysis): string {
  const rowNo = new Map(a.rows.map((r, i) => [r.id, evidenceLabel(i + 1)]));
  const hypNo = new Map(a.hypotheses.map((h, i) => [h.id, hypothesisLabel(i)]));
  if (a.hypotheses.length < 2 || a.cells.length === 0) return 'Sensitivity: rate the evidence to see which rows the ranking rests on.';
  const parts = [
    ...a.scores.linchpins.map((id) => `removing ${rowNo.get(id)}`),
    ...a.scores.rerated.map((r) => `reading ${rowNo.get(r.rowId)} as ${r.to} instead of ${r.from} for ${hypNo.get(r.hypothesisId)}`),
  ];
  if (parts.length === 0) return 'Sensitivity: no single row, removed or re-rated one step, changes which hypothesis leads.';
  return `Sensitivity: the lead changes on ${parts.join('; ')}.`;
}

export interface MatrixText {
  question: string;
  weighting: string;
  hypotheses: { label: string; text: string; score: number; rank: number }[];
  /** Hypotheses least inconsistent first. */
  ranking: { label: string; text: string; score: number; rank: number }[];
  rows: {
    label: string;
    kind: 'passage' | 'assumption';
    text: string;
    source: string;
    /** "B3", "B", "3", or "" when ungraded. */
    grade: string;
    relevance: string;
    diagnosticity: number;
    ratings: (AchRating | null)[];
    flags: string[];
  }[];
  sensitivity: string;
  unrated: number;
}

const RELEVANCE_WORDS = Object.fromEntries(ACH_RELEVANCES.map((r) => [r, r[0]!.toUpperCase() + r.slice(1)]));

/** Everything an export prints of the matrix, in the analyst's order. */
export function matrixText(a: Analysis): MatrixText {
  const scoreOf = new Map(a.scores.ranking.map((s) => [s.hypothesisId, s]));
  const hypotheses = a.hypotheses.map((h, i) => ({ label: hypothesisLabel(i), text: h.text, score: scoreOf.get(h.id)?.score ?? 0, rank: scoreOf.get(h.id)?.rank ?? 1 }));
  const byId = new Map(a.hypotheses.map((h, i) => [h.id, hypotheses[i]!]));
  const cells = new Map(a.cells.map((c) => [`${c.rowId}:${c.hypothesisId}`, c.rating]));
  const info = new Map(a.scores.rows.map((r) => [r.rowId, r]));
  const linchpins = new Set(a.scores.linchpins);
  const rerated = new Set(a.scores.rerated.map((r) => r.rowId));
  const rows = a.rows.map((r, i) => {
    const ratings = a.hypotheses.map((h) => cells.get(`${r.id}:${h.id}`) ?? null);
    const d = info.get(r.id);
    const flags = [
      d?.weak ? 'weak source' : '',
      d && d.diagnosticity === 0 && ratings.filter((x) => x !== null).length >= 2 ? 'not diagnostic' : '',
      linchpins.has(r.id) ? 'linchpin' : '',
      rerated.has(r.id) ? 're-rating moves the lead' : '',
    ].filter(Boolean);
    return {
      label: evidenceLabel(i + 1),
      kind: r.kind,
      text: r.text,
      source: r.kind === 'assumption' ? 'Assumption' : (r.sourceTitle ?? ''),
      grade: `${r.reliability ?? ''}${r.credibility ?? ''}`,
      relevance: RELEVANCE_WORDS[r.relevance]!,
      diagnosticity: d?.diagnosticity ?? 0,
      ratings,
      flags,
    };
  });
  const weights = [a.weighByRelevance && 'relevance', a.weighByCredibility && 'credibility'].filter(Boolean).join(' and ');
  return {
    question: a.question,
    weighting: weights ? `Scores weighted by ${weights}.` : 'Scores unweighted: I counts 1, II counts 2.',
    hypotheses,
    ranking: a.scores.ranking.map((s) => byId.get(s.hypothesisId)!),
    rows,
    sensitivity: sensitivityText(a),
    unrated: a.scores.unrated,
  };
}

/** The ranking as one sentence, printed under a claim that cites the analysis. */
export function rankingSentence(a: Analysis): string {
  const m = matrixText(a);
  return `Analysis of competing hypotheses (${m.hypotheses.length} hypotheses, ${m.rows.length} items of evidence): ${m.ranking
    .map((h) => `${h.rank}. ${h.label} ${h.text} (${h.score})`)
    .join('; ')}.`;
}
