// Undo operations of structured analysis. A hypothesis or an evidence row comes back under its old id
// and position with the cells it had, so the matrix reads exactly as before; a cell whose row or
// hypothesis is gone meanwhile is skipped, and a passage deleted from the library cannot come back.
import type { Database } from 'better-sqlite3';
import type { AchCell, AchRating, AchRelevance, KeyAssumption } from './model';
import { setAssumptionClaims, setClaimCitesAnalysis, updateAnalysisRow } from './analysis';
import { notFound } from './errors';
import { sql } from './stmt';

export interface HypothesisRecord {
  id: number;
  analysisId: number;
  position: number;
  text: string;
}
export interface RowRecord {
  id: number;
  analysisId: number;
  position: number;
  quoteId: number | null;
  assumption: string | null;
  relevance: AchRelevance;
}
/** A key assumption as undo keeps it: the same shape the store reads back. */
export type KeyAssumptionRecord = KeyAssumption;

export type AnalysisOp =
  | { op: 'setAchCell'; analysisId: number; hypothesisId: number; rowId: number; rating: AchRating | null }
  | { op: 'putAchHypothesis'; hypothesis: HypothesisRecord; cells: AchCell[] }
  | { op: 'deleteAchHypothesis'; id: number }
  | { op: 'putAchRow'; row: RowRecord; cells: AchCell[] }
  | { op: 'deleteAchRow'; id: number }
  | { op: 'setAnalysisSettings'; analysisId: number; settings: AnalysisSettings }
  | { op: 'setRankingCitation'; analysisId: number; claimId: number; cites: boolean }
  | { op: 'putKeyAssumption'; assumption: KeyAssumptionRecord }
  | { op: 'deleteKeyAssumption'; id: number };

/** What the analyst sets on the analysis itself: its question and how the scores are weighted. */
export interface AnalysisSettings {
  question: string;
  weighByRelevance: boolean;
  weighByCredibility: boolean;
}

type R = Record<string, unknown>;

/** The analysis's question and weights as stored: what undoing a change of them needs. */
export function analysisSettings(db: Database, id: number): AnalysisSettings {
  const a = sql(db, 'SELECT question, weigh_relevance, weigh_credibility FROM analysis WHERE id = ?').get(id) as R | undefined;
  if (!a) throw notFound('Analysis', id);
  return { question: a.question as string, weighByRelevance: a.weigh_relevance === 1, weighByCredibility: a.weigh_credibility === 1 };
}

/** A hypothesis as stored, with its cells: what undoing its deletion needs. */
export function hypothesisRecord(db: Database, id: number): { hypothesis: HypothesisRecord; cells: AchCell[] } {
  const h = sql(db, 'SELECT id, analysis_id, position, text FROM ach_hypothesis WHERE id = ?').get(id) as R | undefined;
  if (!h) throw notFound('Hypothesis', id);
  return {
    hypothesis: { id, analysisId: h.analysis_id as number, position: h.position as number, text: h.text as string },
    cells: cellsWhere(db, 'hypothesis_id', id),
  };
}

/** An evidence row as stored, with its cells. */
export function rowRecord(db: Database, id: number): { row: RowRecord; cells: AchCell[] } {
  const r = sql(db, 'SELECT id, analysis_id, position, quote_id, assumption, relevance FROM ach_row WHERE id = ?').get(id) as R | undefined;
  if (!r) throw notFound('Evidence row', id);
  return {
    row: {
      id,
      analysisId: r.analysis_id as number,
      position: r.position as number,
      quoteId: r.quote_id as number | null,
      assumption: r.assumption as string | null,
      relevance: r.relevance as AchRelevance,
    },
    cells: cellsWhere(db, 'row_id', id),
  };
}

function cellsWhere(db: Database, column: 'hypothesis_id' | 'row_id', id: number): AchCell[] {
  return (sql(db, `SELECT hypothesis_id, row_id, rating FROM ach_cell WHERE ${column} = ?`).all(id) as R[]).map((c) => ({
    hypothesisId: c.hypothesis_id as number,
    rowId: c.row_id as number,
    rating: c.rating as AchRating,
  }));
}

const exists = (db: Database, table: 'analysis' | 'ach_hypothesis' | 'ach_row' | 'key_assumption' | 'brief', id: number) =>
  sql(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;

/** The old position if still free, else the next one: a row added since may hold it. */
function freePosition(db: Database, table: 'ach_hypothesis' | 'ach_row', analysisId: number, wanted: number): number {
  if (!sql(db, `SELECT 1 FROM ${table} WHERE analysis_id = ? AND position = ?`).get(analysisId, wanted)) return wanted;
  return (sql(db, `SELECT coalesce(max(position), 0) + 1 AS p FROM ${table} WHERE analysis_id = ?`).get(analysisId) as { p: number }).p;
}

function putCells(db: Database, analysisId: number, cells: readonly AchCell[]): void {
  for (const c of cells) {
    if (!exists(db, 'ach_hypothesis', c.hypothesisId) || !exists(db, 'ach_row', c.rowId)) continue;
    sql(db, 'INSERT OR REPLACE INTO ach_cell (analysis_id, hypothesis_id, row_id, rating) VALUES (?, ?, ?, ?)').run(analysisId, c.hypothesisId, c.rowId, c.rating);
  }
}

/** Applies one analysis operation; returns a sentence when something could not come back. */
export function applyAnalysisOp(db: Database, o: AnalysisOp): string | null {
  switch (o.op) {
    case 'setAchCell':
      if (!exists(db, 'ach_hypothesis', o.hypothesisId) || !exists(db, 'ach_row', o.rowId)) return null;
      if (o.rating === null) sql(db, 'DELETE FROM ach_cell WHERE row_id = ? AND hypothesis_id = ?').run(o.rowId, o.hypothesisId);
      else putCells(db, o.analysisId, [{ hypothesisId: o.hypothesisId, rowId: o.rowId, rating: o.rating }]);
      return null;
    case 'putAchHypothesis': {
      const h = o.hypothesis;
      if (!exists(db, 'analysis', h.analysisId)) return null;
      if (exists(db, 'ach_hypothesis', h.id)) sql(db, 'UPDATE ach_hypothesis SET text = ? WHERE id = ?').run(h.text, h.id);
      else {
        const position = freePosition(db, 'ach_hypothesis', h.analysisId, h.position);
        sql(db, 'INSERT INTO ach_hypothesis (id, analysis_id, position, text) VALUES (?, ?, ?, ?)').run(h.id, h.analysisId, position, h.text);
      }
      putCells(db, h.analysisId, o.cells);
      return null;
    }
    case 'deleteAchHypothesis':
      sql(db, 'DELETE FROM ach_hypothesis WHERE id = ?').run(o.id);
      return null;
    case 'putAchRow': {
      const r = o.row;
      if (!exists(db, 'analysis', r.analysisId)) return null;
      if (exists(db, 'ach_row', r.id)) {
        sql(db, 'UPDATE ach_row SET relevance = ?, assumption = ? WHERE id = ?').run(r.relevance, r.assumption, r.id);
      } else {
        if (r.quoteId !== null && !sql(db, 'SELECT 1 FROM quote WHERE id = ?').get(r.quoteId)) {
          return 'an evidence row could not come back because its passage has been deleted from the library';
        }
        if (r.quoteId !== null && sql(db, 'SELECT 1 FROM ach_row WHERE analysis_id = ? AND quote_id = ?').get(r.analysisId, r.quoteId)) return null;
        const position = freePosition(db, 'ach_row', r.analysisId, r.position);
        sql(db, 'INSERT INTO ach_row (id, analysis_id, position, quote_id, assumption, relevance) VALUES (?, ?, ?, ?, ?, ?)').run(
          r.id,
          r.analysisId,
          position,
          r.quoteId,
          r.assumption,
          r.relevance,
        );
      }
      putCells(db, r.analysisId, o.cells);
      return null;
    }
    case 'deleteAchRow':
      sql(db, 'DELETE FROM ach_row WHERE id = ?').run(o.id);
      return null;
    case 'setAnalysisSettings':
      if (!exists(db, 'analysis', o.analysisId)) return null;
      updateAnalysisRow(db, o.analysisId, o.settings);
      return null;
    case 'setRankingCitation':
      // The claim may have been deleted since; its citation went with it.
      if (!exists(db, 'analysis', o.analysisId) || !sql(db, 'SELECT 1 FROM claim WHERE id = ?').get(o.claimId)) return null;
      setClaimCitesAnalysis(db, o.analysisId, o.claimId, o.cites);
      return null;
    case 'putKeyAssumption': {
      const k = o.assumption;
      if (!exists(db, 'brief', k.briefId)) return null;
      if (exists(db, 'key_assumption', k.id)) {
        sql(db, 'UPDATE key_assumption SET text = ?, status = ?, note = ? WHERE id = ?').run(k.text, k.status, k.note, k.id);
      } else {
        const taken = sql(db, 'SELECT 1 FROM key_assumption WHERE brief_id = ? AND position = ?').get(k.briefId, k.position);
        const position = taken ? (sql(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM key_assumption WHERE brief_id = ?').get(k.briefId) as { p: number }).p : k.position;
        sql(db, 'INSERT INTO key_assumption (id, brief_id, position, text, status, note) VALUES (?, ?, ?, ?, ?, ?)').run(k.id, k.briefId, position, k.text, k.status, k.note);
      }
      // A claim deleted since no longer rests on anything.
      setAssumptionClaims(db, k.id, k.claimIds.filter((c) => sql(db, 'SELECT 1 FROM claim WHERE id = ?').get(c)));
      return null;
    }
    case 'deleteKeyAssumption':
      sql(db, 'DELETE FROM key_assumption WHERE id = ?').run(o.id);
      return null;
  }
}
