// Structured analysis per brief: the ACH matrix (hypotheses × evidence rows, rated cells) and the Key
// Assumptions Check. Each change is one transaction and answers with the freshly scored analysis.
import * as store from '../../db/analysis';
import { getBriefMeta, touchBrief } from '../../db/briefs';
import { citationsOfClaim } from '../../db/citations';
import { getClaim } from '../../db/claims';
import { AppError } from '../../db/errors';
import type { AchRating, AnalysisData, AnalysisUsingQuote } from '../../db/model';
import { getQuoteRow } from '../../db/quotes';
import { write } from '../../db/stmt';
import type { Database } from 'better-sqlite3';
import type { Service } from '../contract';
import { ACH_LIMITS, type Analysis } from '../contract/analysis';
import { scoreAnalysis } from '../tradecraft/ach-score';
import type { ServiceContext } from '../ports';

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
  | 'listKeyAssumptions'
  | 'addKeyAssumption'
  | 'updateKeyAssumption'
  | 'removeKeyAssumption';

/** Scores stored data: the cells become one rating map per row, as the scoring module reads them. */
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
  const claimsOfBrief = (briefId: number, claimIds: readonly number[]) => {
    for (const c of claimIds) {
      const claim = getClaim(d, c);
      if (claim.briefId !== briefId) throw new AppError('INVALID_INPUT', `Claim ${c} belongs to another brief; an assumption can only support claims of its own brief.`);
    }
    return [...new Set(claimIds)];
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
        store.updateAnalysisRow(d, analysisId, { ...patch, question: patch.question?.trim() });
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
        store.insertHypothesis(d, analysisId, text);
        return changed(analysisId);
      }),

    updateHypothesis: ({ hypothesisId, text }) =>
      write(d, () => {
        const analysisId = store.analysisOfHypothesis(d, hypothesisId);
        store.updateHypothesisText(d, hypothesisId, text);
        return changed(analysisId);
      }),

    removeHypothesis: ({ hypothesisId }) =>
      write(d, () => {
        const analysisId = store.analysisOfHypothesis(d, hypothesisId);
        store.deleteHypothesis(d, hypothesisId);
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
          store.insertRow(d, input.analysisId, { quoteId: input.quoteId, assumption: null, relevance: input.relevance });
        } else {
          store.insertRow(d, input.analysisId, { quoteId: null, assumption: input.assumption, relevance: input.relevance });
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
        for (const c of fresh) store.insertRow(d, analysisId, { quoteId: c.quoteId, assumption: null, relevance: 'medium' });
        return changed(analysisId);
      }),

    updateEvidenceRow: ({ rowId, relevance, assumption }) =>
      write(d, () => {
        const analysisId = store.analysisOfRow(d, rowId);
        store.updateRowFields(d, rowId, { relevance, assumption });
        return changed(analysisId);
      }),

    removeEvidenceRow: ({ rowId }) =>
      write(d, () => {
        const analysisId = store.analysisOfRow(d, rowId);
        store.deleteRow(d, rowId);
        return changed(analysisId);
      }),

    rateCell: ({ hypothesisId, rowId, rating }) =>
      write(d, () => {
        const analysisId = store.analysisOfHypothesis(d, hypothesisId);
        if (store.analysisOfRow(d, rowId) !== analysisId) {
          throw new AppError('INVALID_INPUT', `Evidence row ${rowId} and hypothesis ${hypothesisId} belong to different analyses; a cell joins a row and a hypothesis of the same one.`);
        }
        store.setCell(d, analysisId, hypothesisId, rowId, rating);
        return changed(analysisId);
      }),

    listKeyAssumptions: ({ briefId }) => {
      getBriefMeta(d, briefId);
      return store.listKeyAssumptions(d, briefId);
    },

    addKeyAssumption: ({ briefId, text, status, note, claimIds }) =>
      write(d, () => {
        getBriefMeta(d, briefId);
        const id = store.insertKeyAssumption(d, briefId, { text, status, note: note.trim() });
        store.setAssumptionClaims(d, id, claimsOfBrief(briefId, claimIds));
        touchBrief(d, briefId);
        return store.getKeyAssumption(d, id);
      }),

    updateKeyAssumption: ({ id, claimIds, ...patch }) =>
      write(d, () => {
        const k = store.getKeyAssumption(d, id);
        store.updateKeyAssumptionRow(d, id, { text: patch.text ?? k.text, status: patch.status ?? k.status, note: patch.note?.trim() ?? k.note });
        if (claimIds) store.setAssumptionClaims(d, id, claimsOfBrief(k.briefId, claimIds));
        touchBrief(d, k.briefId);
        return store.getKeyAssumption(d, id);
      }),

    removeKeyAssumption: ({ id }) =>
      write(d, () => {
        const k = store.getKeyAssumption(d, id);
        store.deleteKeyAssumption(d, id);
        touchBrief(d, k.briefId);
        return k;
      }),
  };
}
