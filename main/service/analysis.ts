// Structured analysis per brief: the ACH matrix (hypotheses × evidence rows, rated cells). Each change
// is one transaction, records its inverse in the brief's undo history, and answers with the freshly
// scored analysis.
import { quoted } from '../vocabulary';
import * as store from '../../db/analysis';
import { analysisSettings, hypothesisRecord, rowRecord, type AnalysisOp, type AnalysisSettings } from '../../db/analysis-history';
import { getBriefMeta, touchBrief } from '../../db/briefs';
import { citationsOfClaim } from '../../db/citations';
import { claimNumber, getClaim } from '../../db/claims';
import { AppError } from '../../db/errors';
import type { AnalysisUsingQuote } from '../../db/model';
import { getQuoteRow } from '../../db/quotes';
import { write } from '../../db/stmt';
import type { Database } from 'better-sqlite3';
import type { Service } from '../contract';
import { ACH_LIMITS, type Analysis } from '../contract/analysis';
import { scored } from '../tradecraft/ach-score';
import type { ServiceContext } from '../ports';
import { record } from './history';

type AnalysisMethodName =
  | 'getAnalysis'
  | 'createAnalysis'
  | 'updateAnalysis'
  | 'addHypothesis'
  | 'updateHypothesis'
  | 'removeHypothesis'
  | 'addEvidenceRow'
  | 'addEvidenceFromClaim'
  | 'updateEvidenceRow'
  | 'removeEvidenceRow'
  | 'rateCell'
  | 'citeAnalysis';

/** "the analysis of “Port closure”" (and the others), for a refusal to delete a passage. */
export function describeAnalysesUsing(using: readonly AnalysisUsingQuote[]): string {
  const titles = [...new Set(using.map((u) => `the analysis of competing hypotheses of "${u.briefTitle}"`))];
  return titles.length <= 3 ? titles.join('; ') : `${titles.slice(0, 3).join('; ')}; and ${titles.length - 3} more`;
}

/** Removes the evidence rows that use these passages (the analyst asked to delete them with their uses). */
export function removeRowsOfQuotes(d: Database, using: readonly AnalysisUsingQuote[]): void {
  for (const u of using) {
    store.deleteRow(d, u.rowId);
    store.touchAnalysis(d, u.analysisId);
  }
}

/** What changed in the question and weights, as an undo label; null when nothing did. */
export function settingsChange(before: AnalysisSettings, after: AnalysisSettings): string | null {
  const parts: string[] = [];
  if (after.question !== before.question) parts.push(`edit of the analysis question ${quoted(after.question || '(empty)')}`);
  if (after.weighByRelevance !== before.weighByRelevance) parts.push(`weighting by relevance turned ${after.weighByRelevance ? 'on' : 'off'}`);
  if (after.weighByCredibility !== before.weighByCredibility) parts.push(`weighting by credibility turned ${after.weighByCredibility ? 'on' : 'off'}`);
  return parts.length ? parts.join(', ') : null;
}


export function analysisMethods(ctx: ServiceContext): Pick<Service, AnalysisMethodName> {
  const d = ctx.store.db;
  const answer = (analysisId: number) => scored(store.getAnalysisData(d, analysisId));
  /** Marks the analysis and its brief changed, then answers with the new scores. */
  const changed = (analysisId: number) => {
    store.touchAnalysis(d, analysisId);
    const a = answer(analysisId);
    touchBrief(d, a.briefId);
    return a;
  };
  /** Records one undo step in the brief the analysis belongs to. */
  const step = (analysisId: number, label: string, undo: AnalysisOp[], redo: AnalysisOp[]) =>
    record(d, store.briefOfAnalysis(d, analysisId), label, undo, redo);
  const hypothesisName = (id: number) => {
    const h = hypothesisRecord(d, id).hypothesis;
    return `hypothesis ${quoted(h.text)}`;
  };
  const rowName = (id: number) => {
    const r = store.rowText(d, id);
    return `${r.kind === 'assumption' ? 'assumption row' : 'evidence row'} ${quoted(r.text)}`;
  };
  const insertRows = (analysisId: number, rows: { quoteId: number | null; assumption: string | null; relevance: Analysis['rows'][number]['relevance'] }[], label: (n: number) => string) => {
    const ids = rows.map((r) => store.insertRow(d, analysisId, r));
    if (ids.length === 0) return;
    step(
      analysisId,
      label(ids.length),
      ids.map((id) => ({ op: 'deleteAchRow', id })),
      ids.map((id) => ({ op: 'putAchRow', ...rowRecord(d, id) })),
    );
  };
  return {
    getAnalysis: ({ briefId }) => {
      getBriefMeta(d, briefId);
      const id = store.analysisIdOfBrief(d, briefId);
      return { analysis: id === null ? null : answer(id) };
    },

    createAnalysis: ({ briefId, question }) =>
      write(d, () => {
        const brief = getBriefMeta(d, briefId);
        if (store.analysisIdOfBrief(d, briefId) !== null) {
          throw new AppError('INVALID_INPUT', `"${brief.title}" already has an analysis of competing hypotheses; open it instead of starting another.`);
        }
        return changed(store.insertAnalysis(d, briefId, question.trim()));
      }),

    updateAnalysis: ({ analysisId, ...patch }) =>
      write(d, () => {
        const before = analysisSettings(d, analysisId);
        const after: AnalysisSettings = {
          question: patch.question?.trim() ?? before.question,
          weighByRelevance: patch.weighByRelevance ?? before.weighByRelevance,
          weighByCredibility: patch.weighByCredibility ?? before.weighByCredibility,
        };
        const label = settingsChange(before, after);
        if (label === null) return answer(analysisId);
        store.updateAnalysisRow(d, analysisId, after);
        step(analysisId, label, [{ op: 'setAnalysisSettings', analysisId, settings: before }], [{ op: 'setAnalysisSettings', analysisId, settings: after }]);
        return changed(analysisId);
      }),

    addHypothesis: ({ analysisId, text }) =>
      write(d, () => {
        const a = store.getAnalysisData(d, analysisId);
        if (a.hypotheses.length >= ACH_LIMITS.maxHypotheses) {
          throw new AppError(
            'INVALID_INPUT',
            `The analysis already has ${ACH_LIMITS.maxHypotheses} hypotheses, the most it can compare; merge two or remove one before adding another.`,
          );
        }
        if (a.hypotheses.some((h) => h.text.toLowerCase() === text.toLowerCase())) {
          throw new AppError('INVALID_INPUT', `The analysis already has the hypothesis "${text}".`);
        }
        const id = store.insertHypothesis(d, analysisId, text);
        step(analysisId, `new ${hypothesisName(id)}`, [{ op: 'deleteAchHypothesis', id }], [{ op: 'putAchHypothesis', ...hypothesisRecord(d, id) }]);
        return changed(analysisId);
      }),

    updateHypothesis: ({ hypothesisId, text }) =>
      write(d, () => {
        const analysisId = store.analysisOfHypothesis(d, hypothesisId);
        const before = hypothesisRecord(d, hypothesisId).hypothesis;
        if (before.text === text) return answer(analysisId);
        const clash = store.getAnalysisData(d, analysisId).hypotheses.find((h) => h.id !== hypothesisId && h.text.toLowerCase() === text.toLowerCase());
        if (clash) throw new AppError('INVALID_INPUT', `The analysis already has the hypothesis "${clash.text}".`);
        store.updateHypothesisText(d, hypothesisId, text);
        step(
          analysisId,
          `edit of hypothesis ${quoted(before.text)}`,
          [{ op: 'putAchHypothesis', hypothesis: before, cells: [] }],
          [{ op: 'putAchHypothesis', hypothesis: { ...before, text }, cells: [] }],
        );
        return changed(analysisId);
      }),

    removeHypothesis: ({ hypothesisId }) =>
      write(d, () => {
        const analysisId = store.analysisOfHypothesis(d, hypothesisId);
        const before = hypothesisRecord(d, hypothesisId);
        store.deleteHypothesis(d, hypothesisId);
        step(analysisId, `deletion of hypothesis ${quoted(before.hypothesis.text)}`, [{ op: 'putAchHypothesis', ...before }], [{ op: 'deleteAchHypothesis', id: hypothesisId }]);
        return changed(analysisId);
      }),

    addEvidenceRow: (input) =>
      write(d, () => {
        const a = store.getAnalysisData(d, input.analysisId);
        if (a.rows.length >= ACH_LIMITS.maxRows) {
          throw new AppError('INVALID_INPUT', `The analysis already has ${ACH_LIMITS.maxRows} evidence rows, the most it holds.`);
        }
        if ('quoteId' in input) {
          getQuoteRow(d, input.quoteId);
          if (store.rowOfQuote(d, input.analysisId, input.quoteId) !== null) {
            throw new AppError('INVALID_INPUT', 'This passage is already a row of the analysis; rate it there.');
          }
          insertRows(input.analysisId, [{ quoteId: input.quoteId, assumption: null, relevance: input.relevance }], () => 'new evidence row');
        } else {
          insertRows(input.analysisId, [{ quoteId: null, assumption: input.assumption, relevance: input.relevance }], () => `new assumption row ${quoted(input.assumption)}`);
        }
        return changed(input.analysisId);
      }),

    addEvidenceFromClaim: ({ analysisId, claimId }) =>
      write(d, () => {
        const a = store.getAnalysisData(d, analysisId);
        const claim = getClaim(d, claimId);
        if (claim.briefId !== a.briefId) throw new AppError('INVALID_INPUT', `Claim ${claimId} belongs to another brief than this analysis.`);
        const fresh = citationsOfClaim(d, claimId).filter((c) => store.rowOfQuote(d, analysisId, c.quoteId) === null);
        if (a.rows.length + fresh.length > ACH_LIMITS.maxRows) {
          throw new AppError('INVALID_INPUT', `Adding ${fresh.length} passages would take the analysis past ${ACH_LIMITS.maxRows} evidence rows.`);
        }
        insertRows(
          analysisId,
          fresh.map((c) => ({ quoteId: c.quoteId, assumption: null, relevance: 'medium' as const })),
          (n) => `${n === 1 ? 'new evidence row' : `${n} new evidence rows`} from a claim's citations`,
        );
        return changed(analysisId);
      }),

    updateEvidenceRow: ({ rowId, relevance, assumption }) =>
      write(d, () => {
        const analysisId = store.analysisOfRow(d, rowId);
        const before = rowRecord(d, rowId).row;
        store.updateRowFields(d, rowId, { relevance, assumption });
        const after = rowRecord(d, rowId).row;
        if (after.relevance !== before.relevance || after.assumption !== before.assumption) {
          const what = after.relevance !== before.relevance ? 'relevance' : 'text';
          step(analysisId, `${what} of ${rowName(rowId)}`, [{ op: 'putAchRow', row: before, cells: [] }], [{ op: 'putAchRow', row: after, cells: [] }]);
        }
        return changed(analysisId);
      }),

    removeEvidenceRow: ({ rowId }) =>
      write(d, () => {
        const analysisId = store.analysisOfRow(d, rowId);
        const label = `deletion of ${rowName(rowId)}`;
        const before = rowRecord(d, rowId);
        store.deleteRow(d, rowId);
        step(analysisId, label, [{ op: 'putAchRow', ...before }], [{ op: 'deleteAchRow', id: rowId }]);
        return changed(analysisId);
      }),

    citeAnalysis: ({ analysisId, claimId, cites }) =>
      write(d, () => {
        const briefId = store.briefOfAnalysis(d, analysisId);
        if (getClaim(d, claimId).briefId !== briefId) throw new AppError('INVALID_INPUT', `Claim ${claimId} belongs to another brief; a claim can cite only its own brief's analysis.`);
        const before = store.getAnalysisData(d, analysisId).citedBy.includes(claimId);
        if (before === cites) return answer(analysisId);
        store.setClaimCitesAnalysis(d, analysisId, claimId, cites);
        const n = claimNumber(d, getClaim(d, claimId));
        const op = { op: 'setRankingCitation' as const, analysisId, claimId };
        step(analysisId, cites ? `citation of the ranking in claim ${n}` : `removal of the ranking's citation from claim ${n}`, [{ ...op, cites: before }], [{ ...op, cites }]);
        return changed(analysisId);
      }),

    rateCell: ({ hypothesisId, rowId, rating }) =>
      write(d, () => {
        const analysisId = store.analysisOfHypothesis(d, hypothesisId);
        if (store.analysisOfRow(d, rowId) !== analysisId) {
          throw new AppError('INVALID_INPUT', `Evidence row ${rowId} and hypothesis ${hypothesisId} belong to different analyses; a cell joins a row and a hypothesis of the same one.`);
        }
        const before = rowRecord(d, rowId).cells.find((c) => c.hypothesisId === hypothesisId)?.rating ?? null;
        if (before === rating) return answer(analysisId);
        store.setCell(d, analysisId, hypothesisId, rowId, rating);
        const cell = { op: 'setAchCell' as const, analysisId, hypothesisId, rowId };
        step(analysisId, `rating of ${rowName(rowId)} against ${hypothesisName(hypothesisId)}`, [{ ...cell, rating: before }], [{ ...cell, rating }]);
        return changed(analysisId);
      }),
  };
}
