// The store of structured analysis: an ACH matrix per brief (hypotheses, evidence rows, cells) and
// the brief's key assumptions. One row mapping per object; the service decides what is allowed.
import type { Database } from 'better-sqlite3';
import { AppError, notFound } from './errors';
import type { AchCell, AchHypothesis, AchRating, AchRelevance, AchRow, AnalysisData, AnalysisUsingQuote, AssumptionStatus, KeyAssumption } from './model';
import { nextId } from './order';
import { list, now, sql } from './stmt';

type R = Record<string, unknown>;

export function analysisIdOfBrief(db: Database, briefId: number): number | null {
  const r = sql(db, 'SELECT id FROM analysis WHERE brief_id = ?').get(briefId) as { id: number } | undefined;
  return r?.id ?? null;
}

export function insertAnalysis(db: Database, briefId: number, question: string): number {
  const t = now();
  return Number(sql(db, 'INSERT INTO analysis (brief_id, question, created_at, updated_at) VALUES (?, ?, ?, ?)').run(briefId, question, t, t).lastInsertRowid);
}

export function updateAnalysisRow(db: Database, id: number, patch: { question?: string; weighByRelevance?: boolean; weighByCredibility?: boolean }): void {
  const a = sql(db, 'SELECT * FROM analysis WHERE id = ?').get(id) as R | undefined;
  if (!a) throw notFound('Analysis', id);
  sql(db, 'UPDATE analysis SET question = ?, weigh_relevance = ?, weigh_credibility = ?, updated_at = ? WHERE id = ?').run(
    patch.question ?? a.question,
    patch.weighByRelevance === undefined ? a.weigh_relevance : Number(patch.weighByRelevance),
    patch.weighByCredibility === undefined ? a.weigh_credibility : Number(patch.weighByCredibility),
    now(),
    id,
  );
}

export function touchAnalysis(db: Database, id: number): void {
  sql(db, 'UPDATE analysis SET updated_at = ? WHERE id = ?').run(now(), id);
}

export function getAnalysisData(db: Database, id: number): AnalysisData {
  const a = sql(db, 'SELECT * FROM analysis WHERE id = ?').get(id) as R | undefined;
  if (!a) throw notFound('Analysis', id);
  const hypotheses = (sql(db, 'SELECT id, position, text FROM ach_hypothesis WHERE analysis_id = ? ORDER BY position').all(id) as AchHypothesis[]).map((h) => ({ ...h }));
  const rows = (
    sql(
      db,
      `SELECT r.id, r.position, r.quote_id, r.assumption, r.relevance, q.exact, q.credibility, s.id AS source_id, s.title, s.reliability
         FROM ach_row r LEFT JOIN quote q ON q.id = r.quote_id LEFT JOIN source s ON s.id = q.source_id
        WHERE r.analysis_id = ? ORDER BY r.position`,
    ).all(id) as R[]
  ).map(
    (r): AchRow => ({
      id: r.id as number,
      position: r.position as number,
      kind: r.quote_id === null ? 'assumption' : 'passage',
      relevance: r.relevance as AchRelevance,
      quoteId: r.quote_id as number | null,
      text: (r.quote_id === null ? r.assumption : r.exact) as string,
      sourceId: (r.source_id as number | null) ?? null,
      sourceTitle: (r.title as string | null) ?? null,
      reliability: (r.reliability as AchRow['reliability']) ?? null,
      credibility: (r.credibility as AchRow['credibility']) ?? null,
    }),
  );
  const cells = (sql(db, 'SELECT hypothesis_id, row_id, rating FROM ach_cell WHERE analysis_id = ?').all(id) as R[]).map(
    (c): AchCell => ({ hypothesisId: c.hypothesis_id as number, rowId: c.row_id as number, rating: c.rating as AchRating }),
  );
  return {
    id,
    briefId: a.brief_id as number,
    question: a.question as string,
    weighByRelevance: a.weigh_relevance === 1,
    weighByCredibility: a.weigh_credibility === 1,
    hypotheses,
    rows,
    cells,
    citedBy: (sql(db, 'SELECT ac.claim_id FROM analysis_claim ac JOIN claim c ON c.id = ac.claim_id WHERE ac.analysis_id = ? ORDER BY c.position').all(id) as { claim_id: number }[]).map(
      (r) => r.claim_id,
    ),
    updatedAt: a.updated_at as string,
  };
}

const nextPosition = (db: Database, table: 'ach_hypothesis' | 'ach_row', analysisId: number) =>
  (sql(db, `SELECT coalesce(max(position), 0) + 1 AS p FROM ${table} WHERE analysis_id = ?`).get(analysisId) as { p: number }).p;

export function countHypotheses(db: Database, analysisId: number): number {
  return (sql(db, 'SELECT count(*) AS n FROM ach_hypothesis WHERE analysis_id = ?').get(analysisId) as { n: number }).n;
}

export function insertHypothesis(db: Database, analysisId: number, text: string): number {
  return Number(sql(db, `INSERT INTO ach_hypothesis (id, analysis_id, position, text) VALUES (${nextId('ach_hypothesis')}, ?, ?, ?)`).run(analysisId, nextPosition(db, 'ach_hypothesis', analysisId), text).lastInsertRowid);
}

/** The analysis a hypothesis belongs to; NOT_FOUND when there is no such hypothesis. */
export function analysisOfHypothesis(db: Database, id: number): number {
  const r = sql(db, 'SELECT analysis_id FROM ach_hypothesis WHERE id = ?').get(id) as { analysis_id: number } | undefined;
  if (!r) throw notFound('Hypothesis', id);
  return r.analysis_id;
}

export function analysisOfRow(db: Database, id: number): number {
  const r = sql(db, 'SELECT analysis_id FROM ach_row WHERE id = ?').get(id) as { analysis_id: number } | undefined;
  if (!r) throw notFound('Evidence row', id);
  return r.analysis_id;
}

export function updateHypothesisText(db: Database, id: number, text: string): void {
  sql(db, 'UPDATE ach_hypothesis SET text = ? WHERE id = ?').run(text, id);
}

export function deleteHypothesis(db: Database, id: number): void {
  sql(db, 'DELETE FROM ach_hypothesis WHERE id = ?').run(id);
}

export function rowOfQuote(db: Database, analysisId: number, quoteId: number): number | null {
  const r = sql(db, 'SELECT id FROM ach_row WHERE analysis_id = ? AND quote_id = ?').get(analysisId, quoteId) as { id: number } | undefined;
  return r?.id ?? null;
}

export function insertRow(db: Database, analysisId: number, row: { quoteId: number | null; assumption: string | null; relevance: AchRelevance }): number {
  return Number(
    sql(db, `INSERT INTO ach_row (id, analysis_id, position, quote_id, assumption, relevance) VALUES (${nextId('ach_row')}, ?, ?, ?, ?, ?)`).run(
      analysisId,
      nextPosition(db, 'ach_row', analysisId),
      row.quoteId,
      row.assumption,
      row.relevance,
    ).lastInsertRowid,
  );
}

export function updateRowFields(db: Database, id: number, patch: { relevance?: AchRelevance; assumption?: string }): void {
  const r = sql(db, 'SELECT quote_id, relevance, assumption FROM ach_row WHERE id = ?').get(id) as R | undefined;
  if (!r) throw notFound('Evidence row', id);
  if (patch.assumption !== undefined && r.quote_id !== null) {
    throw new AppError('INVALID_INPUT', 'This row is a passage from the library; its text is the passage itself and cannot be rewritten here.');
  }
  sql(db, 'UPDATE ach_row SET relevance = ?, assumption = ? WHERE id = ?').run(patch.relevance ?? r.relevance, patch.assumption ?? r.assumption, id);
}

export function deleteRow(db: Database, id: number): void {
  sql(db, 'DELETE FROM ach_row WHERE id = ?').run(id);
}

export function setCell(db: Database, analysisId: number, hypothesisId: number, rowId: number, rating: AchRating | null): void {
  if (rating === null) {
    sql(db, 'DELETE FROM ach_cell WHERE row_id = ? AND hypothesis_id = ?').run(rowId, hypothesisId);
    return;
  }
  sql(db, 'INSERT INTO ach_cell (analysis_id, hypothesis_id, row_id, rating) VALUES (?, ?, ?, ?) ON CONFLICT (row_id, hypothesis_id) DO UPDATE SET rating = excluded.rating').run(
    analysisId,
    hypothesisId,
    rowId,
    rating,
  );
}

/** The analyses whose evidence rows use any of these passages. */
export function analysesUsingQuotes(db: Database, quoteIds: readonly number[]): AnalysisUsingQuote[] {
  if (quoteIds.length === 0) return [];
  return (
    sql(
      db,
      `SELECT a.id AS analysis_id, b.id AS brief_id, b.title, r.quote_id, r.id AS row_id
         FROM ach_row r JOIN analysis a ON a.id = r.analysis_id JOIN brief b ON b.id = a.brief_id
        WHERE r.quote_id IN (SELECT value FROM json_each(?)) ORDER BY b.title, r.position`,
    ).all(list(quoteIds)) as R[]
  ).map((r) => ({ analysisId: r.analysis_id as number, briefId: r.brief_id as number, briefTitle: r.title as string, quoteId: r.quote_id as number, rowId: r.row_id as number }));
}

// ---- key assumptions ---------------------------------------------------------------------------

export function listKeyAssumptions(db: Database, briefId: number): KeyAssumption[] {
  const rows = sql(db, 'SELECT * FROM key_assumption WHERE brief_id = ? ORDER BY position').all(briefId) as R[];
  const links = sql(
    db,
    `SELECT kc.assumption_id, kc.claim_id FROM key_assumption_claim kc JOIN key_assumption k ON k.id = kc.assumption_id
       JOIN claim c ON c.id = kc.claim_id WHERE k.brief_id = ? ORDER BY c.position`,
  ).all(briefId) as { assumption_id: number; claim_id: number }[];
  return rows.map((r) => ({
    id: r.id as number,
    briefId,
    position: r.position as number,
    text: r.text as string,
    status: r.status as AssumptionStatus,
    note: r.note as string,
    claimIds: links.filter((l) => l.assumption_id === r.id).map((l) => l.claim_id),
  }));
}

export function getKeyAssumption(db: Database, id: number): KeyAssumption {
  const r = sql(db, 'SELECT brief_id FROM key_assumption WHERE id = ?').get(id) as { brief_id: number } | undefined;
  if (!r) throw notFound('Key assumption', id);
  return listKeyAssumptions(db, r.brief_id).find((k) => k.id === id)!;
}

export function insertKeyAssumption(db: Database, briefId: number, f: { text: string; status: AssumptionStatus; note: string }): number {
  const p = (sql(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM key_assumption WHERE brief_id = ?').get(briefId) as { p: number }).p;
  return Number(sql(db, `INSERT INTO key_assumption (id, brief_id, position, text, status, note) VALUES (${nextId('key_assumption')}, ?, ?, ?, ?, ?)`).run(briefId, p, f.text, f.status, f.note).lastInsertRowid);
}

export function updateKeyAssumptionRow(db: Database, id: number, f: { text: string; status: AssumptionStatus; note: string }): void {
  sql(db, 'UPDATE key_assumption SET text = ?, status = ?, note = ? WHERE id = ?').run(f.text, f.status, f.note, id);
}

/** Replaces the claims resting on an assumption; the caller has checked they belong to its brief. */
export function setAssumptionClaims(db: Database, id: number, claimIds: readonly number[]): void {
  sql(db, 'DELETE FROM key_assumption_claim WHERE assumption_id = ?').run(id);
  for (const c of claimIds) sql(db, 'INSERT INTO key_assumption_claim (assumption_id, claim_id) VALUES (?, ?)').run(id, c);
}

export function deleteKeyAssumption(db: Database, id: number): void {
  sql(db, 'DELETE FROM key_assumption WHERE id = ?').run(id);
}

/** Claims of a brief that rest on an assumption marked unsupported, with that assumption. */
export function claimsOnUnsupportedAssumptions(db: Database, briefId: number): { claimId: number; assumptionId: number; text: string }[] {
  return sql(
    db,
    `SELECT kc.claim_id AS claimId, k.id AS assumptionId, k.text FROM key_assumption k JOIN key_assumption_claim kc ON kc.assumption_id = k.id
      WHERE k.brief_id = ? AND k.status = 'unsupported' ORDER BY k.position`,
  ).all(briefId) as { claimId: number; assumptionId: number; text: string }[];
}

export function briefOfAnalysis(db: Database, id: number): number {
  const r = sql(db, 'SELECT brief_id FROM analysis WHERE id = ?').get(id) as { brief_id: number } | undefined;
  if (!r) throw notFound('Analysis', id);
  return r.brief_id;
}

/** A claim cites the analysis (its ranking), or stops citing it. */
export function setClaimCitesAnalysis(db: Database, analysisId: number, claimId: number, cites: boolean): void {
  if (cites) sql(db, 'INSERT OR REPLACE INTO analysis_claim (claim_id, analysis_id) VALUES (?, ?)').run(claimId, analysisId);
  else sql(db, 'DELETE FROM analysis_claim WHERE claim_id = ?').run(claimId);
}

/** What an evidence row says (the passage or the assumption), for an undo step's label. */
export function rowText(db: Database, id: number): { kind: 'passage' | 'assumption'; text: string } {
  const r = sql(db, 'SELECT r.quote_id, r.assumption, q.exact FROM ach_row r LEFT JOIN quote q ON q.id = r.quote_id WHERE r.id = ?').get(id) as R | undefined;
  if (!r) throw notFound('Evidence row', id);
  return r.quote_id === null ? { kind: 'assumption', text: r.assumption as string } : { kind: 'passage', text: r.exact as string };
}
