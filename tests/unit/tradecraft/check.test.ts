// The tradecraft check, as a table of sentences: each rule in both rows of the scale, and sentences
// an analyst writes every day that must not be flagged.
import { describe, expect, it } from 'vitest';
import type { Confidence, Likelihood, LikelihoodRow } from '../../../db/model';
import { checkClaim, checkProse, createBriefChecker, type RuleId } from '../../../main/tradecraft/check';
import { tradecraftCheck } from '../../../main/export/tradecraft-check';
import { draftSourceSummary } from '../../../main/tradecraft/source-summary';
import type { Lexicon } from '../../../main/tradecraft/lexicon';
import { briefFull, sourceMeta } from '../export/brief-fixtures';

interface Row {
  text: string;
  row: LikelihoodRow;
  likelihood?: Likelihood | null;
  confidence?: Confidence | null;
  /** Each rule expected, with the words it points at ('' for the claim as a whole). */
  flags: [RuleId, string][];
}

const table: Row[] = [
  // Agreement: words and field say the same, confidence set apart.
  { text: 'The port will likely reopen in May.', row: 'likely', likelihood: 'likely', confidence: 'moderate', flags: [] },
  { text: 'Reopening is probable within the month.', row: 'probable', likelihood: 'likely', confidence: 'moderate', flags: [] },
  { text: 'A ceasefire is very unlikely before June.', row: 'likely', likelihood: 'very-unlikely', confidence: 'low', flags: [] },
  { text: 'A ceasefire is highly improbable before June.', row: 'probable', likelihood: 'very-unlikely', confidence: 'low', flags: [] },
  { text: 'There is almost no chance of a deal.', row: 'likely', likelihood: 'almost-no-chance', confidence: 'high', flags: [] },
  { text: 'There is only a remote chance of a deal.', row: 'probable', likelihood: 'almost-no-chance', confidence: 'high', flags: [] },
  { text: 'The minister will almost certainly resign.', row: 'likely', likelihood: 'almost-certain', confidence: 'high', flags: [] },
  { text: 'The minister is nearly certain to resign.', row: 'probable', likelihood: 'almost-certain', confidence: 'high', flags: [] },
  { text: 'There is a roughly even chance the talks resume.', row: 'likely', likelihood: 'even-chance', confidence: 'low', flags: [] },
  { text: 'The odds are roughly even odds that the talks resume.', row: 'probable', likelihood: 'even-chance', confidence: 'low', flags: [] },

  // Likelihood words that disagree with the field.
  { text: 'The port will likely reopen.', row: 'likely', likelihood: 'unlikely', confidence: 'low', flags: [['likelihood-mismatch', 'likely']] },
  { text: 'Reopening is improbable.', row: 'probable', likelihood: 'very-likely', confidence: 'low', flags: [['likelihood-mismatch', 'improbable']] },
  // Words but no field.
  { text: 'The port will very likely reopen.', row: 'likely', confidence: 'low', flags: [['likelihood-unset', 'very likely']] },
  { text: 'Reopening is highly probable.', row: 'probable', confidence: 'low', flags: [['likelihood-unset', 'highly probable']] },

  // The other row of the scale.
  { text: 'Reopening is probable.', row: 'likely', likelihood: 'likely', confidence: 'low', flags: [['mixed-rows', 'probable']] },
  { text: 'The port will likely reopen.', row: 'probable', likelihood: 'likely', confidence: 'low', flags: [['mixed-rows', 'likely']] },
  {
    text: 'A deal is unlikely; a strike is highly probable.',
    row: 'likely',
    likelihood: 'unlikely',
    confidence: 'low',
    flags: [
      ['mixed-rows', 'highly probable'],
      ['likelihood-mismatch', 'highly probable'],
    ],
  },

  // Likelihood and confidence in one sentence; apart is fine.
  { text: 'We assess with high confidence that the port will likely reopen.', row: 'likely', likelihood: 'likely', confidence: 'high', flags: [['likelihood-with-confidence', 'high confidence']] },
  { text: 'Reopening is probable, and we hold this with moderate confidence.', row: 'probable', likelihood: 'likely', confidence: 'moderate', flags: [['likelihood-with-confidence', 'moderate confidence']] },
  { text: 'The port will likely reopen. We have moderate confidence in this judgment.', row: 'likely', likelihood: 'likely', confidence: 'moderate', flags: [] },

  // A judgment with one of the two fields.
  { text: 'The port reopens in May.', row: 'likely', likelihood: 'likely', confidence: null, flags: [['likelihood-without-confidence', '']] },
  { text: 'The port reopens in May.', row: 'probable', likelihood: null, confidence: 'high', flags: [['confidence-without-likelihood', '']] },

  // Vague probability words, with the scale's suggestion.
  { text: 'The governor might resign.', row: 'likely', flags: [['vague-probability', 'might']] },
  { text: 'The attack could possibly resume.', row: 'probable', flags: [['vague-probability', 'could possibly']] },
  { text: 'Perhaps the talks will fail.', row: 'likely', flags: [['vague-probability', 'Perhaps']] },
  { text: 'The talks will probably not resume.', row: 'likely', flags: [['vague-probability', 'probably not']] },
  { text: 'The talks will probably not resume.', row: 'probable', flags: [['vague-probability', 'probably not']] },
  { text: 'A strike is highly likely.', row: 'likely', flags: [['vague-probability', 'highly likely']] },

  // Negatives: everyday sentences with no judgment words, or words that only look like them.
  { text: 'The port handled 3.5 million tonnes in 2025.', row: 'likely', flags: [] },
  { text: 'Unlikelihood is not a word the governor used.', row: 'likely', flags: [] },
  { text: 'The mine is in a remote region of the north.', row: 'probable', flags: [] },
  { text: 'Officials confirmed the closure in May.', row: 'likely', flags: [] },
  { text: 'The mighty river flooded the likelyhood district.', row: 'likely', flags: [] },
  { text: 'Her confidence in the minister was public.', row: 'likely', flags: [] },
  { text: '', row: 'probable', flags: [] },
];

describe('tradecraft check, sentence by sentence', () => {
  it.each(table.map((r) => [r.row, r.text, r] as const))('%s row: %s', (_row, _text, r) => {
    const findings = checkClaim({ text: r.text, likelihood: r.likelihood ?? null, confidence: r.confidence ?? null }, r.row);
    const got = findings.map((f) => [f.rule, f.range ? r.text.slice(f.range.start, f.range.end) : ''] as [RuleId, string]);
    expect(got).toEqual(r.flags);
    for (const f of findings) expect(f.message.length).toBeGreaterThan(20);
  });

  it('suggests the term of the brief’s own row for a vague word', () => {
    const [likely] = checkClaim({ text: 'It will probably not happen.', likelihood: null, confidence: null }, 'likely');
    const [probable] = checkClaim({ text: 'It will probably not happen.', likelihood: null, confidence: null }, 'probable');
    expect(likely?.message).toContain('“unlikely” (20–45%)');
    expect(probable?.message).toContain('“improbable” (20–45%)');
  });

  it('says which row the brief uses and the word to write instead', () => {
    const [f] = checkClaim({ text: 'Reopening is highly probable.', likelihood: 'very-likely', confidence: 'low' }, 'likely');
    expect(f?.message).toMatch(/this brief uses almost no chance … likely … almost certain: write “very likely”/);
  });

  it('runs on another language’s lexicon without code changes', () => {
    const french: Lexicon = {
      language: 'fr',
      likelihood: {
        likely: { 'almost-no-chance': ['presque aucune chance'], 'very-unlikely': ['très peu probable'], unlikely: ['peu probable'], 'even-chance': ['chances égales'], likely: ['probable'], 'very-likely': ['très probable'], 'almost-certain': ['presque certain'] },
        probable: { 'almost-no-chance': ['infime'], 'very-unlikely': ['hautement improbable'], unlikely: ['improbable'], 'even-chance': ['à parts égales'], likely: ['vraisemblable'], 'very-likely': ['hautement vraisemblable'], 'almost-certain': ['quasi certain'] },
      },
      confidence: ['confiance élevée'],
      vague: [{ phrase: 'peut-être', suggest: 'even-chance' }],
    };
    const findings = checkClaim({ text: 'Le port rouvrira peut-être. Une grève est très peu probable.', likelihood: 'likely', confidence: 'low' }, 'likely', french);
    expect(findings.map((f) => f.rule)).toEqual(['vague-probability', 'likelihood-mismatch']);
  });
});

describe('tradecraft check over a brief', () => {
  const one = sourceMeta(1);
  const two = sourceMeta(2);

  it('flags high confidence on a single source, however many passages of it are cited', () => {
    const brief = briefFull('Port', [
      { text: 'The port will likely reopen.', likelihood: 'likely', confidence: 'high', cites: [{ source: one, exact: 'a' }, { source: one, exact: 'b' }] },
      { text: 'The port will likely reopen.', likelihood: 'likely', confidence: 'high', cites: [{ source: one, exact: 'a' }, { source: two, exact: 'c' }] },
      { text: 'The port will likely reopen.', likelihood: 'likely', confidence: 'moderate', cites: [{ source: one, exact: 'a' }] },
    ]);
    const result = createBriefChecker()(brief);
    expect(result.map((r) => [r.claimNumber, r.findings.map((f) => f.rule)])).toEqual([[1, ['high-confidence-single-source']]]);
  });

  it('checks again only the claims that changed, and all of them when the row changes', () => {
    const brief = briefFull('Port', [
      { text: 'Reopening is probable.', likelihood: 'likely', confidence: 'low' },
      { text: 'The port will likely reopen.', likelihood: 'likely', confidence: 'low' },
    ]);
    const check = createBriefChecker();
    expect(check(brief).map((r) => r.claimNumber)).toEqual([1]);
    const edited = { ...brief, claims: [{ ...brief.claims[0]!, text: 'Reopening is likely.' }, brief.claims[1]!] };
    expect(check(edited)).toEqual([]);
    expect(check({ ...edited, likelihoodRow: 'probable' }).map((r) => r.claimNumber)).toEqual([1, 2]);
  });
});

describe('tradecraft check of the bottom line and the source summary statement', () => {
  const prose: { text: string; row: LikelihoodRow; flags: [RuleId, string][] }[] = [
    { text: 'The port will likely reopen in May. We have moderate confidence in this judgment.', row: 'likely', flags: [] },
    { text: 'The port might reopen in May, and a strike could possibly follow.', row: 'likely', flags: [['vague-probability', 'might'], ['vague-probability', 'could possibly']] },
    { text: 'Perhaps the port reopens; a strike is probably not coming.', row: 'probable', flags: [['vague-probability', 'Perhaps'], ['vague-probability', 'probably not']] },
    { text: 'Reopening is probable.', row: 'likely', flags: [['mixed-rows', 'probable']] },
    { text: 'Reopening is highly probable.', row: 'probable', flags: [] },
    { text: 'We assess with high confidence that the port will likely reopen.', row: 'likely', flags: [['likelihood-with-confidence', 'high confidence']] },
    // Sources described in words that are not probability words stay unflagged.
    { text: 'Three news articles and one official statement, 2026-03-01 to 2026-03-09; two claims rest on a single source.', row: 'likely', flags: [] },
    { text: '', row: 'likely', flags: [] },
  ];
  for (const r of prose) {
    it(`${r.flags.length ? 'flags' : 'passes'}: ${r.text || '(empty)'}`, () => {
      const findings = checkProse(r.text, r.row);
      expect(findings.map((f) => [f.rule, f.range ? r.text.slice(f.range.start, f.range.end) : ''])).toEqual(r.flags);
      // No field rules: the bottom line has no likelihood or confidence field to disagree with.
      expect(findings.some((f) => /likelihood-unset|likelihood-mismatch|without/.test(f.rule))).toBe(false);
    });
  }

  it('is part of the export check, named by the part of the brief it is in', () => {
    const one = sourceMeta(1);
    const brief = briefFull('Port', [{ text: 'The port will likely reopen.', likelihood: 'likely', confidence: 'moderate', cites: [{ source: one, exact: 'a' }] }], {
      summary: 'The port might reopen in May.',
      sourceSummary: 'One news article; the reporting is probably reliable with high confidence.',
    });
    const check = tradecraftCheck(brief);
    expect(check.tradecraft).toEqual([]);
    expect(check.proseTradecraft.map((t) => [t.part, t.rule])).toEqual([
      ['bottom-line', 'vague-probability'],
      ['source-summary', 'mixed-rows'],
      ['source-summary', 'likelihood-with-confidence'],
    ]);
    expect(check.proseTradecraft[0]!.message).toContain('“might” is not on the ICD 203 likelihood scale');
  });

  it('finds nothing to say about the statement Sourcemark drafts from the evidence', () => {
    const one = sourceMeta(1);
    const two = sourceMeta(2);
    const brief = briefFull('Port', [
      { text: 'The port will likely reopen.', likelihood: 'likely', confidence: 'moderate', cites: [{ source: one, exact: 'a' }, { source: two, exact: 'b', relation: 'contradicts' }] },
      { text: 'A strike is unlikely.', likelihood: 'unlikely', confidence: 'low', cites: [{ source: one, exact: 'c' }] },
    ]);
    expect(checkProse(draftSourceSummary(brief), 'likely')).toEqual([]);
    expect(checkProse(draftSourceSummary(brief), 'probable')).toEqual([]);
  });
});
