// How a judgment is worded: ICD 203 confidence and likelihood, and how a cited passage bears on its
// claim. The tradecraft checks (main/tradecraft/) read these lists; the checking logic stays there.

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
/** The short name of a relation, as a menu offers it. */
export const RELATION_NAMES: Record<Relation, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context',
};
