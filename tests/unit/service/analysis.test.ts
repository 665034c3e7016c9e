import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type TestLibrary } from './helpers';

// A short wire report about a port closure, as an analyst would paste it.
const REPORT = [
  'The harbour authority of Port Veyra closed the northern terminal on Tuesday, citing "urgent crane maintenance".',
  'Satellite images taken the same morning show two coast-guard cutters anchored across the channel mouth.',
  'A shipping agent told reporters that no maintenance notice had been filed with the port registry.',
].join(' ');

let lib: TestLibrary;
let briefId: number;
let quotes: number[];
const quote = async (sourceId: number, words: string) => {
  const start = REPORT.indexOf(words);
  return (await lib.call('createQuote', { sourceId, start, end: start + words.length })).id;
};

beforeEach(async () => {
  lib = await openLibrary();
  const sourceId = (await lib.call('addSource', { title: 'Port Veyra terminal closed', outlet: 'Wire', body: REPORT, reliability: 'B' })).source.id;
  briefId = (await lib.call('createBrief', { title: 'Port Veyra closure' })).id;
  quotes = [await quote(sourceId, 'citing "urgent crane maintenance"'), await quote(sourceId, 'two coast-guard cutters anchored across the channel mouth'), await quote(sourceId, 'no maintenance notice had been filed')];
});
afterEach(async () => {
  await lib.close();
});

async function matrix() {
  let a = await lib.call('createAnalysis', { briefId, question: 'Why was the terminal closed?' });
  a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Crane maintenance' });
  a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Security blockade' });
  for (const q of quotes) a = await lib.call('addEvidenceRow', { analysisId: a.id, quoteId: q });
  a = await lib.call('addEvidenceRow', { analysisId: a.id, assumption: 'The registry records every maintenance notice.', relevance: 'low' });
  return a;
}

describe('an analysis of competing hypotheses of a brief', () => {
  it('stores hypotheses, passage and assumption rows, and answers every rating with fresh scores', async () => {
    let a = await matrix();
    const [maint, block] = a.hypotheses.map((h) => h.id) as [number, number];
    const [r1, r2, r3] = a.rows.map((r) => r.id) as [number, number, number];
    expect(a.rows.map((r) => [r.kind, r.sourceTitle, r.reliability])).toEqual([
      ['passage', 'Port Veyra terminal closed', 'B'],
      ['passage', 'Port Veyra terminal closed', 'B'],
      ['passage', 'Port Veyra terminal closed', 'B'],
      ['assumption', null, null],
    ]);
    a = await lib.call('rateCell', { hypothesisId: maint, rowId: r1, rating: 'C' });
    a = await lib.call('rateCell', { hypothesisId: block, rowId: r1, rating: 'C' });
    a = await lib.call('rateCell', { hypothesisId: maint, rowId: r2, rating: 'I' });
    a = await lib.call('rateCell', { hypothesisId: block, rowId: r2, rating: 'CC' });
    a = await lib.call('rateCell', { hypothesisId: maint, rowId: r3, rating: 'II' });
    expect(a.scores.ranking).toEqual([
      { hypothesisId: block, score: 0, rank: 1 },
      { hypothesisId: maint, score: 3, rank: 2 },
    ]);
    expect(a.scores.rows.find((r) => r.rowId === r1)!.diagnosticity).toBe(0);
    expect(a.scores.suggestDeception).toBe(true);
    a = await lib.call('rateCell', { hypothesisId: maint, rowId: r3, rating: null });
    expect(a.scores.ranking[1]).toMatchObject({ hypothesisId: maint, score: 1 });
    expect((await lib.call('getAnalysis', { briefId })).analysis).toEqual(a);
  });

  it('refuses a cell joining a hypothesis of one analysis to a row of another, and the store refuses it too', async () => {
    const a = await matrix();
    const otherBrief = (await lib.call('createBrief', { title: 'Other' })).id;
    let b = await lib.call('createAnalysis', { briefId: otherBrief });
    b = await lib.call('addHypothesis', { analysisId: b.id, text: 'Other idea' });
    const before = lib.snapshot();
    const refusal = await lib.refuse('rateCell', { hypothesisId: b.hypotheses[0]!.id, rowId: a.rows[0]!.id, rating: 'I' });
    expect(refusal).toMatchObject({ code: 'INVALID_INPUT' });
    expect(refusal.message).toMatch(/belong to different analyses/);
    expect(lib.snapshot()).toBe(before);
    const db = lib.running.ctx.store.db;
    expect(() =>
      db.prepare('INSERT INTO ach_cell (analysis_id, hypothesis_id, row_id, rating) VALUES (?, ?, ?, ?)').run(a.id, b.hypotheses[0]!.id, a.rows[0]!.id, 'I'),
    ).toThrow(/FOREIGN KEY/);
  });

  it('answers NOT_FOUND, changing nothing, for an analysis, hypothesis or row that does not exist', async () => {
    const a = await matrix();
    const before = lib.snapshot();
    for (const [name, input, what] of [
      ['updateAnalysis', { analysisId: a.id + 1000, question: 'Who closed it?' }, `Analysis ${a.id + 1000}`],
      ['updateAnalysis', { analysisId: a.id + 1000, weighByRelevance: true }, `Analysis ${a.id + 1000}`],
      ['updateHypothesis', { hypothesisId: 9999, text: 'Strike' }, 'Hypothesis 9999'],
      ['removeHypothesis', { hypothesisId: 9999 }, 'Hypothesis 9999'],
      ['updateEvidenceRow', { rowId: 9999, relevance: 'high' }, 'Evidence row 9999'],
      ['removeEvidenceRow', { rowId: 9999 }, 'Evidence row 9999'],
    ] as const) {
      const error = await lib.refuse(name, input);
      expect(error, name).toMatchObject({ code: 'NOT_FOUND' });
      expect(error.message, name).toContain(`${what} does not exist`);
    }
    expect(lib.snapshot()).toBe(before);
  });

  it('refuses a tenth hypothesis, a duplicate one, a duplicate passage row and a bad rating in plain words', async () => {
    const a = await matrix();
    expect((await lib.refuse('addHypothesis', { analysisId: a.id, text: 'crane maintenance' })).message).toMatch(/already has the hypothesis/);
    for (let i = 3; i <= 9; i += 1) await lib.call('addHypothesis', { analysisId: a.id, text: `Hypothesis ${i}` });
    expect((await lib.refuse('addHypothesis', { analysisId: a.id, text: 'Tenth' })).message).toMatch(/already has 9 hypotheses/);
    expect((await lib.refuse('addEvidenceRow', { analysisId: a.id, quoteId: quotes[0] })).message).toMatch(/already a row/);
    const bad = await lib.refuse('rateCell', { hypothesisId: a.hypotheses[0]!.id, rowId: a.rows[0]!.id, rating: 'X' });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bad.message).toMatch(/CC \(very consistent\), C, N \(neutral\), I or II/);
    expect((await lib.refuse('createAnalysis', { briefId })).message).toMatch(/already has an analysis/);
  });

  it('refuses to delete a passage used as evidence, naming the analysis, and removes the row when asked', async () => {
    const a = await matrix();
    const before = lib.snapshot();
    const refusal = await lib.refuse('deleteQuote', { id: quotes[1] });
    expect(refusal.code).toBe('QUOTE_IS_CITED');
    expect(refusal.message).toContain('evidence in the analysis of competing hypotheses of "Port Veyra closure"');
    expect(lib.snapshot()).toBe(before);
    await lib.call('deleteQuote', { id: quotes[1]!, removeCitations: true });
    const after = (await lib.call('getAnalysis', { briefId })).analysis!;
    expect(after.rows.map((r) => r.quoteId)).toEqual([quotes[0], quotes[2], null]);
    expect(after.rows.length).toBe(a.rows.length - 1);

    const sourceRefusal = await lib.refuse('deleteSource', { id: after.rows[0]!.sourceId });
    expect(sourceRefusal.message).toMatch(/cannot be deleted: passages from it are evidence in the analysis/);
  });
});

describe('a key assumptions check', () => {
  it('keeps assumptions with their dependent claims, status and note, and refuses claims of another brief', async () => {
    const c1 = await lib.call('addClaim', { briefId, text: 'The closure is a security measure.' });
    const other = await lib.call('createBrief', { title: 'Other' });
    const foreign = await lib.call('addClaim', { briefId: other.id, text: 'Elsewhere.' });
    const k = await lib.call('addKeyAssumption', { briefId, text: 'The port registry is complete.', status: 'unsupported', note: 'Wrong if agents file late.', claimIds: [c1.id] });
    expect(k).toMatchObject({ text: 'The port registry is complete.', status: 'unsupported', note: 'Wrong if agents file late.', claimIds: [c1.id] });
    expect((await lib.refuse('updateKeyAssumption', { id: k.id, claimIds: [foreign.id] })).message).toMatch(/belongs to another brief/);
    expect((await lib.refuse('addKeyAssumption', { briefId, text: 'x', status: 'maybe' })).message).toMatch(/solid, correct with caveats, or unsupported/);
    const solid = await lib.call('updateKeyAssumption', { id: k.id, status: 'caveats' });
    expect(solid.status).toBe('caveats');
    await lib.call('deleteClaim', { id: c1.id });
    expect((await lib.call('listKeyAssumptions', { briefId }))[0]!.claimIds).toEqual([]);
  });
});
