// The tradecraft check (ICD 203): likelihood words against the claim's likelihood field, the brief's
// one row of the scale, likelihood and confidence kept in separate sentences, judgments that state one
// without the other, probability words outside the scale, and high confidence on a single source.
// It runs on every keystroke in the claim being typed and over the whole brief in the export check,
// so the phrase matcher is built once per lexicon and a brief's results are kept per claim object.
import type { ClaimInBrief, Confidence, Likelihood, LikelihoodRow } from '../../db/model';
import { LIKELIHOOD_PERCENT, LIKELIHOOD_ROW_WORDS, LIKELIHOOD_ROWS, LIKELIHOOD_TERMS, likelihoodText } from '../vocabulary';
import { evidenceOf, type CitedEvidence } from './evidence';
import { ENGLISH, type Lexicon } from './lexicon';

export type RuleId =
  | 'likelihood-mismatch'
  | 'likelihood-unset'
  | 'mixed-rows'
  | 'likelihood-with-confidence'
  | 'likelihood-without-confidence'
  | 'confidence-without-likelihood'
  | 'vague-probability'
  | 'high-confidence-single-source';

export interface Finding {
  rule: RuleId;
  /** What is wrong and what to do, for the analyst. */
  message: string;
  /** The words concerned, as UTF-16 offsets into the claim's text; null when about the claim as a whole. */
  range: { start: number; end: number } | null;
}

export interface ClaimFacts {
  text: string;
  likelihood: Likelihood | null;
  confidence: Confidence | null;
}

type Meaning = { kind: 'likelihood'; row: LikelihoodRow; level: Likelihood } | { kind: 'vague'; suggest: Likelihood | null } | { kind: 'confidence' };

interface Matcher {
  pattern: RegExp;
  meanings: Map<string, Meaning>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const matchers = new WeakMap<Lexicon, Matcher>();

/** One regular expression for every phrase of the lexicon, longest first, so "very unlikely" wins over "unlikely". */
function matcherFor(lexicon: Lexicon): Matcher {
  let m = matchers.get(lexicon);
  if (m) return m;
  const meanings = new Map<string, Meaning>();
  for (const row of LIKELIHOOD_ROWS) {
    for (const [level, phrases] of Object.entries(lexicon.likelihood[row]) as [Likelihood, readonly string[]][]) {
      for (const p of phrases) meanings.set(p, { kind: 'likelihood', row, level });
    }
  }
  for (const v of lexicon.vague) meanings.set(v.phrase, { kind: 'vague', suggest: v.suggest });
  for (const p of lexicon.confidence) meanings.set(p, { kind: 'confidence' });
  const alternatives = [...meanings.keys()].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/ /g, '\\s+'));
  // Letters and digits of any script bound a phrase: \b knows only ASCII.
  m = { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), meanings };
  matchers.set(lexicon, m);
  return m;
}

/** Offsets where each sentence ends: after . ! ? … followed by a space or the end, and at line breaks. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(/[.!?…]+(?=\s|$)|\n/g)) ends.push(m.index + m[0].length);
  ends.push(text.length + 1);
  return ends;
}

const sentenceOf = (ends: number[], offset: number) => ends.findIndex((e) => offset < e);

const term = (row: LikelihoodRow, level: Likelihood) => `“${LIKELIHOOD_TERMS[row][level]}”`;

interface Scan {
  /** Vague probability words and words from the other row: findings whatever the text belongs to. */
  findings: Finding[];
  /** Every likelihood term said, with the scale level it names. */
  likelihoods: { said: string; level: Likelihood; range: { start: number; end: number } }[];
  likelihoodSentences: Set<number>;
  confidenceSentences: { sentence: number; start: number; end: number }[];
}

/** One pass of the lexicon's phrases over a text, sorted into what each rule needs. */
function scan(text: string, row: LikelihoodRow, lexicon: Lexicon): Scan {
  const out: Scan = { findings: [], likelihoods: [], likelihoodSentences: new Set(), confidenceSentences: [] };
  const { pattern, meanings } = matcherFor(lexicon);
  let ends: number[] | null = null;
  for (const m of text.matchAll(pattern)) {
    const said = m[0];
    const meaning = meanings.get(said.toLowerCase().replace(/\s+/g, ' '));
    if (!meaning) continue;
    const range = { start: m.index, end: m.index + said.length };
    ends ??= sentenceEnds(text);
    const sentence = sentenceOf(ends, m.index);
    if (meaning.kind === 'confidence') {
      out.confidenceSentences.push({ sentence, ...range });
      continue;
    }
    if (meaning.kind === 'vague') {
      const advice = meaning.suggest
        ? `say how likely with the brief's scale, e.g. ${term(row, meaning.suggest)} (${LIKELIHOOD_PERCENT[meaning.suggest]})`
        : `say how likely with a term of the brief's scale (${LIKELIHOOD_ROW_WORDS[row]})`;
      out.findings.push({ rule: 'vague-probability', range, message: `“${said}” is not on the ICD 203 likelihood scale: ${advice}.` });
      continue;
    }
    out.likelihoodSentences.add(sentence);
    out.likelihoods.push({ said, level: meaning.level, range });
    if (meaning.row !== row) {
      out.findings.push({
        rule: 'mixed-rows',
        range,
        message: `“${said}” is from the other row of the scale (${LIKELIHOOD_ROW_WORDS[meaning.row]}); this brief uses ${LIKELIHOOD_ROW_WORDS[row]}: write ${term(row, meaning.level)}.`,
      });
    }
  }
  return out;
}

/** ICD 203 keeps a likelihood term and a confidence statement in separate sentences. */
function sameSentenceFindings(text: string, scanned: Scan, fieldAdvice: string): Finding[] {
  return scanned.confidenceSentences
    .filter((c) => scanned.likelihoodSentences.has(c.sentence))
    .map((c) => ({
      rule: 'likelihood-with-confidence' as const,
      range: { start: c.start, end: c.end },
      message: `A likelihood term and a confidence statement are in the same sentence: ICD 203 keeps them apart. Move “${text.slice(c.start, c.end)}” to its own sentence${fieldAdvice}.`,
    }));
}

const byPosition = (a: Finding, b: Finding) => (a.range?.start ?? Infinity) - (b.range?.start ?? Infinity);

/** The findings for one claim's text and fields; `row` is the brief's row of likelihood words. */
export function checkClaim(claim: ClaimFacts, row: LikelihoodRow, lexicon: Lexicon = ENGLISH): Finding[] {
  const scanned = scan(claim.text, row, lexicon);
  const findings = [...scanned.findings];
  for (const { said, level, range } of scanned.likelihoods) {
    if (claim.likelihood === null) {
      findings.push({
        rule: 'likelihood-unset',
        range,
        message: `The text says “${said}” but the claim's likelihood is not set: set it to ${likelihoodText(level, row)} so the brief states it.`,
      });
    } else if (level !== claim.likelihood) {
      findings.push({
        rule: 'likelihood-mismatch',
        range,
        message: `The text says “${said}” (${LIKELIHOOD_PERCENT[level]}) but the claim's likelihood is ${likelihoodText(claim.likelihood, row)}: change the words or the likelihood.`,
      });
    }
  }
  findings.push(...sameSentenceFindings(claim.text, scanned, ", or state it with the claim's confidence field"));
  if (claim.likelihood !== null && claim.confidence === null) {
    findings.push({ rule: 'likelihood-without-confidence', range: null, message: 'This judgment states a likelihood but no confidence: set its confidence (high, moderate or low).' });
  } else if (claim.confidence !== null && claim.likelihood === null && scanned.likelihoodSentences.size === 0) {
    findings.push({ rule: 'confidence-without-likelihood', range: null, message: 'This judgment states a confidence but no likelihood: set how likely it is on the ICD 203 scale.' });
  }
  return findings.sort(byPosition);
}

/** The brief's prose that is not a claim, checked for its words as claims are. */
export type ProsePart = 'bottom-line' | 'source-summary';

/**
 * The findings for the bottom line or the source summary statement: they have no likelihood or
 * confidence fields, so what is checked is their words: vague probability words, the other row of
 * the scale, and a likelihood term in the same sentence as a confidence statement.
 */
export function checkProse(text: string, row: LikelihoodRow, lexicon: Lexicon = ENGLISH): Finding[] {
  const scanned = scan(text, row, lexicon);
  return [...scanned.findings, ...sameSentenceFindings(text, scanned, '')].sort(byPosition);
}

/** The findings that depend on the claim's evidence rather than its words. */
export function checkEvidence(claim: Pick<ClaimInBrief, 'citations' | 'confidence'>, cited: CitedEvidence): Finding[] {
  if (claim.confidence !== 'high') return [];
  const e = evidenceOf(claim, cited);
  if (!e.singleSource) return [];
  return [
    {
      rule: 'high-confidence-single-source',
      range: null,
      message: 'High confidence rests on a single source: cite an independent source that corroborates it, or lower the confidence.',
    },
  ];
}

export interface ClaimFindings {
  claimId: number;
  claimNumber: number;
  findings: Finding[];
}

export interface BriefForCheck extends CitedEvidence {
  likelihoodRow: LikelihoodRow;
  claims: readonly ClaimInBrief[];
}

/**
 * A checker that remembers each claim object's findings: after a keystroke only the edited claim is
 * a new object (the renderer's cache replaces just that one), so the brief is checked in one pass of
 * lookups plus one claim. Claims with no findings are left out of the result.
 */
export function createBriefChecker(lexicon: Lexicon = ENGLISH): (brief: BriefForCheck) => ClaimFindings[] {
  const cache = new WeakMap<ClaimInBrief, { row: LikelihoodRow; findings: Finding[] }>();
  return (brief) => {
    const out: ClaimFindings[] = [];
    for (const claim of brief.claims) {
      let hit = cache.get(claim);
      if (!hit || hit.row !== brief.likelihoodRow) {
        hit = { row: brief.likelihoodRow, findings: [...checkClaim(claim, brief.likelihoodRow, lexicon), ...checkEvidence(claim, brief)] };
        cache.set(claim, hit);
      }
      if (hit.findings.length) out.push({ claimId: claim.id, claimNumber: claim.number, findings: hit.findings });
    }
    return out;
  };
}
