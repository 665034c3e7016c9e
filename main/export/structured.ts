// The brief's structured analysis as the exports read it: the scored ACH matrix and the Key
// Assumptions Check, and the export check's finding on claims resting on an unsupported assumption.
import type { Database } from 'better-sqlite3';
import { analysisIdOfBrief, claimsOnUnsupportedAssumptions, getAnalysisData, listKeyAssumptions } from '../../db/analysis';
import type { BriefFull, KeyAssumption } from '../../db/model';
import type { ExportCheck } from '../contract/export';
import { scored, type Analysis } from '../tradecraft/ach-score';

export interface StructuredAnalysis {
  ach: Analysis | null;
  assumptions: KeyAssumption[];
  /** Claims that cite the analysis's ranking: the export prints the ranking with them. */
  citingClaimIds: number[];
}

export const NO_ANALYSIS: StructuredAnalysis = { ach: null, assumptions: [], citingClaimIds: [] };

export function readStructured(db: Database, briefId: number): StructuredAnalysis {
  const id = analysisIdOfBrief(db, briefId);
  const ach = id === null ? null : scored(getAnalysisData(db, id));
  return { ach, assumptions: listKeyAssumptions(db, briefId), citingClaimIds: ach?.citedBy ?? [] };
}

/** An ACH worth printing: two hypotheses at least and some evidence. */
export const printableAch = (s: StructuredAnalysis): Analysis | null => (s.ach && s.ach.hypotheses.length >= 2 && s.ach.rows.length > 0 ? s.ach : null);

export function unsupportedAssumptionFindings(db: Database, brief: BriefFull): ExportCheck['assumptions'] {
  const numbers = new Map(brief.claims.map((c) => [c.id, c.number]));
  const positions = new Map(listKeyAssumptions(db, brief.id).map((k, i) => [k.id, i + 1]));
  return claimsOnUnsupportedAssumptions(db, brief.id)
    .filter((f) => numbers.has(f.claimId))
    .sort((x, y) => numbers.get(x.claimId)! - numbers.get(y.claimId)!)
    .map((f) => ({
      claimId: f.claimId,
      claimNumber: numbers.get(f.claimId)!,
      assumptionId: f.assumptionId,
      message: `rests on key assumption A${positions.get(f.assumptionId)}, marked unsupported: “${f.text}”.`,
    }));
}
