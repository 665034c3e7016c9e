// The structured analysis leaves Sourcemark with the brief: the Key Assumptions Check after the source
// summary statement and the ACH matrix as an annex (PDF, Word, Markdown), the matrix as CSV, the
// ranking under a claim that cites it, and the export check naming claims on an unsupported assumption.
import fs from 'node:fs';
import mammoth from 'mammoth';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openExportLibrary, pdfPages, sharedRenderer, type ExportLibrary } from './export-helpers';

const renderer = sharedRenderer();
let lib: ExportLibrary;
afterEach(async () => {
  await lib?.close();
});
afterAll(() => renderer.shutdown());

const BODY =
  'The harbour authority closed the terminal, citing "urgent crane maintenance". Two coast-guard cutters anchored across the channel mouth. No maintenance notice had been filed, an agent said.';

async function analysedBrief() {
  const { source } = await lib.call('addSource', { title: 'Port Veyra terminal closed', outlet: 'Wire', body: BODY, reliability: 'B', sourceType: 'news-article' });
  const quote = async (words: string, credibility?: 1 | 2 | 3 | 4 | 5 | 6) => {
    const start = BODY.indexOf(words);
    return (await lib.call('createQuote', { sourceId: source.id, start, end: start + words.length, ...(credibility ? { credibility } : {}) })).id;
  };
  const q = [await quote('citing "urgent crane maintenance"', 2), await quote('Two coast-guard cutters anchored across the channel mouth', 2), await quote('No maintenance notice had been filed', 5)];
  const brief = await lib.call('createBrief', { title: 'Port Veyra closure', summary: 'The closure is more likely a blockade than maintenance.' });
  const c1 = await lib.call('addClaim', { briefId: brief.id, text: 'The terminal was closed by a blockade.' });
  await lib.call('addCitation', { claimId: c1.id, quoteId: q[1]! });
  const c2 = await lib.call('addClaim', { briefId: brief.id, text: 'The maintenance reason does not hold.' });
  let a = await lib.call('createAnalysis', { briefId: brief.id, question: 'Why was the terminal closed?' });
  a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Crane maintenance' });
  a = await lib.call('addHypothesis', { analysisId: a.id, text: 'Security blockade' });
  for (const id of q) a = await lib.call('addEvidenceRow', { analysisId: a.id, quoteId: id });
  a = await lib.call('addEvidenceRow', { analysisId: a.id, assumption: 'Cutters anchor across the mouth only on orders.' });
  const [m, b] = a.hypotheses.map((h) => h.id) as [number, number];
  const [r1, r2, r3, r4] = a.rows.map((r) => r.id) as [number, number, number, number];
  const rate = [
    [r1, m, 'CC'],
    [r1, b, 'C'],
    [r2, m, 'I'],
    [r2, b, 'CC'],
    [r3, m, 'II'],
    [r3, b, 'N'],
    [r4, m, 'I'],
    [r4, b, 'C'],
  ] as const;
  for (const [rowId, hypothesisId, rating] of rate) a = await lib.call('rateCell', { rowId, hypothesisId, rating });
  a = await lib.call('citeAnalysis', { analysisId: a.id, claimId: c2.id, cites: true });
  const k = await lib.call('addKeyAssumption', { briefId: brief.id, text: 'The agent saw the registry himself.', status: 'unsupported', note: 'The registry lists a notice after all.', claimIds: [c2.id] });
  await lib.call('addKeyAssumption', { briefId: brief.id, text: 'Coast-guard movements are ordered centrally.', status: 'caveats', claimIds: [c1.id] });
  return { brief, a, c2, k };
}

describe('export of a brief with its structured analysis', () => {
  it('prints the key assumptions after the source summary and the matrix as an annex in the PDF', async () => {
    lib = await openExportLibrary(renderer);
    const { brief } = await analysedBrief();
    const check = await lib.call('checkExport', { briefId: brief.id });
    // Claim 2 cites no passage but the ranking: it is not "uncited"; it rests on an unsupported assumption.
    expect(check.uncitedClaims).toEqual([]);
    expect(check.assumptions).toEqual([
      { claimId: expect.any(Number), claimNumber: 2, assumptionId: expect.any(Number), message: 'rests on key assumption A1, marked unsupported: “The agent saw the registry himself.”.' },
    ]);
    const { record } = await lib.call('exportBrief', { briefId: brief.id, format: 'pdf' });
    const text = pdfPages(record.path).join('\n').replace(/[ \t]+/g, ' ');
    const order = ['Bottom line', 'Source summary statement', 'Key assumptions check', 'Claims', 'Evidence annex', 'Annex: analysis of competing hypotheses', 'Source reference citations'];
    const at = order.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(text).toContain('The agent saw the registry himself.');
    expect(text).toContain('Unsupported');
    expect(text).toMatch(/Correct with\s+caveats/);
    // By hand: maintenance I + II + I = 4, blockade 0; so H2 first.
    expect(text).toMatch(/1\. H2 Security blockade — inconsistency 0/);
    expect(text).toMatch(/2\. H1 Crane maintenance — inconsistency 4/);
    expect(text).toMatch(/Inconsistency score 4 0/);
    expect(text).toContain('Rests on the analysis of competing hypotheses (annex)');
    expect(text).toContain('Sensitivity:');
  });

  it('writes the same sections to Markdown and Word, and the matrix alone to CSV', async () => {
    lib = await openExportLibrary(renderer);
    const { brief } = await analysedBrief();
    const md = fs.readFileSync((await lib.call('exportBrief', { briefId: brief.id, format: 'markdown' })).record.path, 'utf8');
    expect(md).toContain('## Key assumptions check');
    expect(md).toContain('| A1 | The agent saw the registry himself. | Unsupported | Claim 2 | The registry lists a notice after all. |');
    expect(md).toContain('## Annex: analysis of competing hypotheses');
    // E3: II for maintenance, N for blockade: a spread of 2 (−2 to 0); its credibility 5 makes it weak.
    expect(md).toContain('| E3 | “No maintenance notice had been filed” *(weak source)* | Port Veyra terminal closed | B5 | Medium | 2 | II | N |');
    expect(md).toContain('*Rests on the analysis of competing hypotheses (2 hypotheses, 4 items of evidence): 1. H2 Security blockade (0); 2. H1 Crane maintenance (4).*');
    expect(md.indexOf('## Key assumptions check')).toBeLessThan(md.indexOf('## Claims'));

    const docx = (await lib.call('exportBrief', { briefId: brief.id, format: 'docx' })).record.path;
    const words = (await mammoth.extractRawText({ path: docx })).value;
    expect(words).toContain('Key assumptions check');
    expect(words).toContain('Annex: analysis of competing hypotheses');
    expect(words).toContain('Inconsistency score');

    const csv = fs.readFileSync((await lib.call('exportBrief', { briefId: brief.id, format: 'csv' })).record.path, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Row,Kind,Evidence,Source,Grade,Relevance,Diagnosticity,Flags,H1: Crane maintenance,H2: Security blockade');
    expect(lines[1]).toBe('E1,passage,"citing ""urgent crane maintenance""",Port Veyra terminal closed,B2,Medium,1,,CC,C');
    expect(lines.at(-2)).toBe(',,Inconsistency score,,,,,,4,0');
    expect(lines.at(-1)).toBe(',,Rank,,,,,,2,1');
  });

  it('refuses a CSV of a brief without a matrix, saying why', async () => {
    lib = await openExportLibrary(renderer);
    const brief = await lib.call('createBrief', { title: 'No analysis here', summary: 'Nothing structured.' });
    const refusal = await lib.refuse('exportBrief', { briefId: brief.id, format: 'csv', allowUncited: true });
    expect(refusal).toEqual({ code: 'EXPORT_EMPTY', message: '“No analysis here” has no analysis of competing hypotheses with two hypotheses and some evidence; there is no matrix to export as CSV.' });
  });
});
