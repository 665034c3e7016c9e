import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type TestLibrary } from './helpers';

// Undo and redo of an analysis: a rating, a hypothesis with its cells, a row, a key assumption, the
// question and weights, and a claim citing the ranking.
const BODY = 'The terminal closed on Tuesday for crane maintenance. Two cutters anchored across the channel mouth. No notice was filed.';

let lib: TestLibrary;
let briefId: number;
let quoteIds: number[];
beforeEach(async () => {
  lib = await openLibrary();
  const sourceId = (await lib.call('addSource', { title: 'Port Veyra', outlet: 'Wire', body: BODY })).source.id;
  briefId = (await lib.call('createBrief', { title: 'Port closure' })).id;
  quoteIds = [];
  for (const words of ['crane maintenance', 'Two cutters anchored', 'No notice was filed']) {
    const start = BODY.indexOf(words);
    quoteIds.push((await lib.call('createQuote', { sourceId, start, end: start + words.length })).id);
  }
});
afterEach(async () => {
  await lib.close();
});

const undo = () => lib.call('undo', { briefId });
const redo = () => lib.call('redo', { briefId });
const now = async () => (await lib.call('getAnalysis', { briefId })).analysis!;
const ratings = async () => (await now()).cells.map((c) => `${c.hypothesisId}/${c.rowId}=${c.rating}`).sort();

describe('undo of an analysis of competing hypotheses', () => {
  it('takes back a rating, then a hypothesis deletion with all its cells, under the same ids', async () => {
    let a = await lib.call('createAnalysis', { briefId });
    a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Maintenance' });
    a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Blockade' });
    a = await lib.call('addEvidenceRow', { analysisId: a.id, quoteId: quoteIds[0]! });
    a = await lib.call('addEvidenceRow', { analysisId: a.id, quoteId: quoteIds[1]! });
    const [h1, h2] = a.hypotheses.map((h) => h.id) as [number, number];
    const [r1, r2] = a.rows.map((r) => r.id) as [number, number];
    await lib.call('rateCell', { hypothesisId: h1, rowId: r1, rating: 'C' });
    await lib.call('rateCell', { hypothesisId: h2, rowId: r1, rating: 'I' });
    await lib.call('rateCell', { hypothesisId: h2, rowId: r2, rating: 'C' });
    await lib.call('rateCell', { hypothesisId: h2, rowId: r2, rating: 'II' });

    const back = await undo();
    expect(back.label).toBe('rating of evidence row “Two cutters anchored” against hypothesis “Blockade”');
    expect(await ratings()).toEqual([`${h1}/${r1}=C`, `${h2}/${r1}=I`, `${h2}/${r2}=C`]);
    await redo();
    expect(await ratings()).toContain(`${h2}/${r2}=II`);

    await lib.call('removeHypothesis', { hypothesisId: h2 });
    expect(await ratings()).toEqual([`${h1}/${r1}=C`]);
    expect((await undo()).label).toBe('deletion of hypothesis “Blockade”');
    a = await now();
    expect(a.hypotheses.map((h) => [h.id, h.text])).toEqual([
      [h1, 'Maintenance'],
      [h2, 'Blockade'],
    ]);
    expect(await ratings()).toEqual([`${h1}/${r1}=C`, `${h2}/${r1}=I`, `${h2}/${r2}=II`]);
    expect(a.scores.ranking[0]!.hypothesisId).toBe(h1);
  });

  it('undoes adding and deleting rows, and a new hypothesis never takes a deleted one’s id', async () => {
    let a = await lib.call('createAnalysis', { briefId });
    a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Maintenance' });
    a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Blockade' });
    const gone = a.hypotheses[1]!.id;
    a = await lib.call('removeHypothesis', { hypothesisId: gone });
    a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Staged closure to mislead' });
    expect(a.hypotheses[1]!.id).toBeGreaterThan(gone);

    a = await lib.call('addEvidenceRow', { analysisId: a.id, assumption: 'The registry records every notice.' });
    const row = a.rows[0]!.id;
    await lib.call('rateCell', { hypothesisId: a.hypotheses[0]!.id, rowId: row, rating: 'I' });
    await lib.call('removeEvidenceRow', { rowId: row });
    expect((await now()).rows).toEqual([]);
    expect((await undo()).label).toBe('deletion of assumption row “The registry records every notice.”');
    a = await now();
    expect(a.rows.map((r) => [r.id, r.kind, r.text])).toEqual([[row, 'assumption', 'The registry records every notice.']]);
    expect(a.cells).toEqual([{ hypothesisId: a.hypotheses[0]!.id, rowId: row, rating: 'I' }]);
    await undo(); // the rating
    await undo(); // the row itself
    expect((await now()).rows).toEqual([]);
    await redo();
    expect((await now()).rows.map((r) => r.id)).toEqual([row]);
  });

  it('tells the analyst when a row cannot come back because its passage was deleted meanwhile', async () => {
    let a = await lib.call('createAnalysis', { briefId });
    a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Maintenance' });
    a = await lib.call('addEvidenceRow', { analysisId: a.id, quoteId: quoteIds[2]! });
    await lib.call('removeEvidenceRow', { rowId: a.rows[0]!.id });
    await lib.call('deleteQuote', { id: quoteIds[2]! });
    const out = await undo();
    expect(out.notes).toEqual(['an evidence row could not come back because its passage has been deleted from the library']);
    expect((await now()).rows).toEqual([]);
  });

  it('undoes key assumptions: added, edited (status and claims), deleted', async () => {
    const claim = await lib.call('addClaim', { briefId, text: 'The closure is a cover for a blockade.' });
    const k = await lib.call('addKeyAssumption', { briefId, text: 'Cutters only anchor there on orders.' });
    await lib.call('updateKeyAssumption', { id: k.id, status: 'unsupported', claimIds: [claim.id] });
    expect((await undo()).label).toBe('edit of key assumption “Cutters only anchor there on orders.”');
    expect(await lib.call('listKeyAssumptions', { briefId })).toMatchObject([{ id: k.id, status: 'solid', claimIds: [] }]);
    await redo();
    await lib.call('removeKeyAssumption', { id: k.id });
    expect(await lib.call('listKeyAssumptions', { briefId })).toEqual([]);
    await undo();
    expect(await lib.call('listKeyAssumptions', { briefId })).toMatchObject([{ id: k.id, status: 'unsupported', claimIds: [claim.id] }]);
  });

  it('undoes the question and the weights, one step per change, and scores follow the weights back', async () => {
    let a = await lib.call('createAnalysis', { briefId, question: 'Why did the port close?' });
    a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Maintenance' });
    a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Blockade' });
    a = await lib.call('addEvidenceRow', { analysisId: a.id, quoteId: quoteIds[0]!, relevance: 'high' });
    const [h1] = a.hypotheses.map((h) => h.id) as [number];
    await lib.call('rateCell', { hypothesisId: h1, rowId: a.rows[0]!.id, rating: 'I' });

    await lib.call('updateAnalysis', { analysisId: a.id, question: '  Who closed the port?  ' });
    // The same values again record nothing.
    await lib.call('updateAnalysis', { analysisId: a.id, question: 'Who closed the port?', weighByRelevance: false });
    a = await lib.call('updateAnalysis', { analysisId: a.id, weighByRelevance: true });
    const weighted = a.scores.ranking.find((s) => s.hypothesisId === h1)!.score;

    expect((await undo()).label).toBe('weighting by relevance turned on');
    a = await now();
    expect(a.weighByRelevance).toBe(false);
    expect(a.scores.ranking.find((s) => s.hypothesisId === h1)!.score).toBe(1);
    expect((await undo()).label).toBe('edit of the analysis question “Who closed the port?”');
    expect((await now()).question).toBe('Why did the port close?');
    expect((await lib.call('undoState', { briefId })).redo).toBe('edit of the analysis question “Who closed the port?”');
    await redo();
    await redo();
    a = await now();
    expect([a.question, a.weighByRelevance]).toEqual(['Who closed the port?', true]);
    expect(a.scores.ranking.find((s) => s.hypothesisId === h1)!.score).toBe(weighted);

    a = await lib.call('updateAnalysis', { analysisId: a.id, weighByCredibility: true, weighByRelevance: false });
    expect((await undo()).label).toBe('weighting by relevance turned off, weighting by credibility turned on');
    expect([(await now()).weighByRelevance, (await now()).weighByCredibility]).toEqual([true, false]);
  });

  it('undoes a claim citing the ranking, and its removal, also after the claim was deleted and restored', async () => {
    const claim = await lib.call('addClaim', { briefId, text: 'The closure covers a blockade.' });
    const other = await lib.call('addClaim', { briefId, text: 'No notice was filed.' });
    const a = await lib.call('createAnalysis', { briefId });
    await lib.call('citeAnalysis', { analysisId: a.id, claimId: claim.id, cites: true });
    expect((await lib.call('citeAnalysis', { analysisId: a.id, claimId: claim.id, cites: true })).citedBy).toEqual([claim.id]);
    expect((await undo()).label).toBe('citation of the ranking in claim 1');
    expect((await now()).citedBy).toEqual([]);
    await redo();
    expect((await now()).citedBy).toEqual([claim.id]);
    await lib.call('citeAnalysis', { analysisId: a.id, claimId: claim.id, cites: false });
    expect((await undo()).label).toBe("removal of the ranking's citation from claim 1");
    expect((await now()).citedBy).toEqual([claim.id]);

    await lib.call('citeAnalysis', { analysisId: a.id, claimId: other.id, cites: true });
    await lib.call('citeAnalysis', { analysisId: a.id, claimId: other.id, cites: false });
    await lib.call('deleteClaim', { id: other.id });
    await undo(); // the deletion: the claim is back
    await undo(); // the removal of its citation
    expect((await now()).citedBy).toEqual([claim.id, other.id]);
  });
});
