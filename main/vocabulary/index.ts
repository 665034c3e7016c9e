// The coded values of the analyst's trade and their human words, in one place: Admiralty scales,
// ICD 203 likelihood and confidence, citation relations, ICD 206 source types. Pure data (no Node,
// no DOM): the store's types, the contract's zod enums, the exports and the renderer's forms all
// read these lists, so a label changes here and nowhere else.

/** Admiralty (NATO) source reliability. */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
export const RELIABILITY_WORDS: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
/** Reliabilities that do not carry a judgment on their own. */
export const WEAK_RELIABILITIES: readonly Reliability[] = ['D', 'E', 'F'];

/** Admiralty (NATO) information credibility. */
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITIES)[number];
export const CREDIBILITY_WORDS: Record<Credibility, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};
export const WEAK_CREDIBILITIES: readonly Credibility[] = [4, 5, 6];

/** ICD 203 analytic confidence: how good the basis of a judgment is. */
export const CONFIDENCES = ['low', 'moderate', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_WORDS: Record<Confidence, string> = {
  low: 'Low confidence',
  moderate: 'Moderate confidence',
  high: 'High confidence',
};

/** ICD 203 likelihood: seven levels, each with a word in two parallel rows and a probability range. */
export const LIKELIHOODS = ['almost-no-chance', 'very-unlikely', 'unlikely', 'even-chance', 'likely', 'very-likely', 'almost-certain'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

/** A brief uses one row of the scale throughout. */
export const LIKELIHOOD_ROWS = ['likely', 'probable'] as const;
export type LikelihoodRow = (typeof LIKELIHOOD_ROWS)[number];
export const LIKELIHOOD_ROW_WORDS: Record<LikelihoodRow, string> = {
  likely: 'almost no chance … likely … almost certain',
  probable: 'remote … probable … nearly certain',
};

export const LIKELIHOOD_TERMS: Record<LikelihoodRow, Record<Likelihood, string>> = {
  likely: {
    'almost-no-chance': 'almost no chance',
    'very-unlikely': 'very unlikely',
    unlikely: 'unlikely',
    'even-chance': 'roughly even chance',
    likely: 'likely',
    'very-likely': 'very likely',
    'almost-certain': 'almost certain',
  },
  probable: {
    'almost-no-chance': 'remote',
    'very-unlikely': 'highly improbable',
    unlikely: 'improbable',
    'even-chance': 'roughly even odds',
    likely: 'probable',
    'very-likely': 'highly probable',
    'almost-certain': 'nearly certain',
  },
};

export const LIKELIHOOD_PERCENT: Record<Likelihood, string> = {
  'almost-no-chance': '01–05%',
  'very-unlikely': '05–20%',
  unlikely: '20–45%',
  'even-chance': '45–55%',
  likely: '55–80%',
  'very-likely': '80–95%',
  'almost-certain': '95–99%',
};

/** "likely (55–80%)": the term of the brief's row with its range, as exports print it. */
export function likelihoodText(level: Likelihood, row: LikelihoodRow): string {
  return `${LIKELIHOOD_TERMS[row][level]} (${LIKELIHOOD_PERCENT[level]})`;
}

/** How a cited passage bears on its claim. */
export const RELATIONS = ['supports', 'contradicts', 'context'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_WORDS: Record<Relation, string> = {
  supports: 'Supports the claim',
  contradicts: 'CONTRADICTS the claim',
  context: 'Context for the claim',
};

/** ICD 206 source types, as an endnote names them. */
export const SOURCE_TYPES = [
  'news-article',
  'official-statement',
  'government-document',
  'think-tank-report',
  'academic-paper',
  'social-media-post',
  'dataset',
  'interview-other',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const SOURCE_TYPE_WORDS: Record<SourceType, string> = {
  'news-article': 'News article',
  'official-statement': 'Official statement',
  'government-document': 'Government document',
  'think-tank-report': 'Think-tank report',
  'academic-paper': 'Academic paper',
  'social-media-post': 'Social media post',
  dataset: 'Dataset',
  'interview-other': 'Interview or other',
};

/** What an ICD 206 endnote of a published source carries, in the order it prints them. */
export const ENDNOTE_FIELDS = ['author', 'title', 'outlet', 'publishedAt', 'sourceType', 'url', 'accessedAt'] as const;
export type EndnoteField = (typeof ENDNOTE_FIELDS)[number];
export const ENDNOTE_FIELD_WORDS: Record<EndnoteField, string> = {
  author: 'author or originator',
  title: 'title',
  outlet: 'publisher or outlet',
  publishedAt: 'publication date',
  sourceType: 'source type',
  url: 'URL',
  accessedAt: 'access date',
};

/** Formats a source can be imported from. */
export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** File extensions and the format each is imported as: the back end's detection and the file picker both read this. */
export const IMPORT_EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

/** ".txt, .md, .html, .htm, .pdf and .docx": the extensions an error message lists. */
export const IMPORT_EXTENSIONS_WORDS = '.txt, .md, .html, .htm, .pdf and .docx';

/**
 * Analysis of Competing Hypotheses (Heuer, Psychology of Intelligence Analysis, ch. 8): how one
 * piece of evidence bears on one hypothesis. Only inconsistency counts against a hypothesis.
 */
export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II'] as const;
export type AchRating = (typeof ACH_RATINGS)[number];
export const ACH_RATING_WORDS: Record<AchRating, string> = {
  CC: 'very consistent',
  C: 'consistent',
  N: 'neutral or not applicable',
  I: 'inconsistent',
  II: 'very inconsistent',
};
/** Heuer's inconsistency score: I counts 1, II counts 2, everything else nothing. */
export const ACH_INCONSISTENCY: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2 };
/** Where a rating sits from very consistent (+2) to very inconsistent (−2); diagnosticity is its spread. */
export const ACH_CONSISTENCY: Record<AchRating, number> = { CC: 2, C: 1, N: 0, I: -1, II: -2 };

/** How much one evidence row matters to the question, when the analysis weighs by relevance. */
export const ACH_RELEVANCES = ['low', 'medium', 'high'] as const;
export type AchRelevance = (typeof ACH_RELEVANCES)[number];
export const ACH_RELEVANCE_WEIGHT: Record<AchRelevance, number> = { low: 0.5, medium: 1, high: 2 };

/**
 * When the analysis weighs by credibility: confirmed or probable information counts fully, doubtful
 * or improbable information less; "cannot be judged" (6) and a row with no credibility count half
 * and fully respectively, since no judgment is not a judgment of doubt.
 */
export const ACH_CREDIBILITY_WEIGHT: Record<Credibility, number> = { 1: 1, 2: 1, 3: 0.75, 4: 0.5, 5: 0.25, 6: 0.5 };

/** Key Assumptions Check: where each assumption a judgment rests on stands. */
export const ASSUMPTION_STATUSES = ['solid', 'caveats', 'unsupported'] as const;
export type AssumptionStatus = (typeof ASSUMPTION_STATUSES)[number];
export const ASSUMPTION_STATUS_WORDS: Record<AssumptionStatus, string> = {
  solid: 'Solid',
  caveats: 'Correct with caveats',
  unsupported: 'Unsupported',
};

/** How an analysis names its parts on screen and in exports: hypotheses H1…H9, evidence rows E1… */
export const hypothesisLabel = (index: number): string => `H${index + 1}`;
export const evidenceLabel = (number: number): string => `E${number}`;
