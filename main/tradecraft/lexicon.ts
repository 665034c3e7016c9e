// The words the tradecraft check looks for, per language. Data only: another language is a new
// Lexicon object, and the checker needs no change. Phrases are lower case and matched as whole words.
import type { Likelihood, LikelihoodRow } from '../vocabulary';

export interface VaguePhrase {
  phrase: string;
  /** The level of the ICD 203 scale the phrase most often means; null when it says nothing of how likely. */
  suggest: Likelihood | null;
}

export interface Lexicon {
  /** BCP 47 language of the phrases. */
  language: string;
  /** Each level of the scale in each row, with the spellings that mean it (adverbs too). */
  likelihood: Record<LikelihoodRow, Record<Likelihood, readonly string[]>>;
  /** Phrases that state analytic confidence. */
  confidence: readonly string[];
  /** Probability words outside the scale. */
  vague: readonly VaguePhrase[];
}

export const ENGLISH: Lexicon = {
  language: 'en',
  likelihood: {
    likely: {
      'almost-no-chance': ['almost no chance'],
      'very-unlikely': ['very unlikely'],
      unlikely: ['unlikely'],
      'even-chance': ['roughly even chance', 'roughly an even chance', 'even chance'],
      likely: ['likely'],
      'very-likely': ['very likely'],
      'almost-certain': ['almost certain', 'almost certainly'],
    },
    probable: {
      // "remote" alone is far more often a place than a probability.
      'almost-no-chance': ['remote chance', 'remote possibility', 'remote likelihood', 'remote prospect'],
      'very-unlikely': ['highly improbable', 'highly improbably'],
      unlikely: ['improbable', 'improbably'],
      'even-chance': ['roughly even odds', 'even odds'],
      likely: ['probable', 'probably'],
      'very-likely': ['highly probable', 'highly probably'],
      'almost-certain': ['nearly certain', 'nearly certainly'],
    },
  },
  confidence: [
    'high confidence',
    'moderate confidence',
    'medium confidence',
    'low confidence',
    'high-confidence',
    'moderate-confidence',
    'low-confidence',
    'highly confident',
    'moderately confident',
    'confidence is high',
    'confidence is moderate',
    'confidence is low',
    'confidence level',
    'we are confident',
  ],
  vague: [
    { phrase: 'might', suggest: 'even-chance' },
    { phrase: 'might not', suggest: 'unlikely' },
    { phrase: 'may well', suggest: 'likely' },
    { phrase: 'could possibly', suggest: 'unlikely' },
    { phrase: 'could well', suggest: 'likely' },
    { phrase: 'possibly', suggest: 'even-chance' },
    { phrase: 'it is possible that', suggest: 'even-chance' },
    { phrase: 'a real possibility', suggest: 'even-chance' },
    { phrase: 'perhaps', suggest: 'even-chance' },
    { phrase: 'maybe', suggest: 'even-chance' },
    { phrase: 'conceivably', suggest: 'unlikely' },
    { phrase: 'probably not', suggest: 'unlikely' },
    { phrase: 'not likely', suggest: 'unlikely' },
    { phrase: 'not unlikely', suggest: 'even-chance' },
    { phrase: 'not probable', suggest: 'unlikely' },
    { phrase: 'highly likely', suggest: 'very-likely' },
    { phrase: 'highly unlikely', suggest: 'very-unlikely' },
    { phrase: 'very probable', suggest: 'very-likely' },
    { phrase: 'very probably', suggest: 'very-likely' },
    { phrase: 'more likely than not', suggest: 'likely' },
    { phrase: 'in all likelihood', suggest: 'very-likely' },
    { phrase: 'presumably', suggest: 'likely' },
    { phrase: 'chances are', suggest: 'likely' },
    { phrase: 'cannot be ruled out', suggest: 'unlikely' },
    { phrase: 'cannot rule out', suggest: 'unlikely' },
    { phrase: 'there is a chance', suggest: null },
  ],
};
