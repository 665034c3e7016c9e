// The analyst's objects as the store hands them out. Plain data, no behaviour: these types cross the
// process boundary unchanged, so they hold only JSON-safe values (ISO strings for dates).

import type {
  AchRating,
  AchRelevance,
  AssumptionStatus,
  Confidence,
  Credibility,
  ExportRecordFormat,
  Likelihood,
  LikelihoodRow,
  Relation,
  Reliability,
  SourceFormat,
  SourceType,
} from '../main/vocabulary';

// The coded values live in the shared vocabulary, the one part of main/ the store may import.
export type { AchRating, AchRelevance, AssumptionStatus, Confidence, Credibility, ExportFormat, ExportRecordFormat, Likelihood, LikelihoodRow, Relation, Reliability, SourceFormat, SourceType } from '../main/vocabulary';
export type TagTarget = 'source' | 'quote' | 'claim';

export interface Tag {
  id: number;
  name: string;
  colour: string; // #rrggbb
}

export interface TagWithUse extends Tag {
  sources: number;
  quotes: number;
  claims: number;
}

/** A source without its body: what lists and citations need. */
export interface SourceMeta {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null; // YYYY-MM-DD or full ISO timestamp
  accessedAt: string | null;
  language: string | null; // BCP 47, e.g. "en", "ru", "zh"
  reliability: Reliability | null;
  /** ICD 206 source type, for the endnote. */
  sourceType: SourceType | null;
  format: SourceFormat;
  bodySha256: string;
  bodyLength: number; // UTF-16 code units, as JS counts
  createdAt: string;
  updatedAt: string;
}

export interface SourceSummary extends SourceMeta {
  tags: Tag[];
  quoteCount: number;
}

export interface Source extends SourceSummary {
  body: string;
}

/** A passage: a UTF-16 range of an immutable source body. */
/** The pages of a PDF source a passage lies on; null for other sources and PDFs imported before pages were kept. */
export interface PageRange {
  first: number;
  last: number;
}

export interface Quote {
  id: number;
  sourceId: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  credibility: Credibility | null;
  note: string;
  pages: PageRange | null;
  createdAt: string;
  updatedAt: string;
}

/** One claim that cites a quote, as seen from the quote (a backlink). */
export interface CitingClaim {
  citationId: number;
  relation: Relation;
  claimId: number;
  claimNumber: number; // 1-based position of the claim in its brief
  claimText: string;
  briefId: number;
  briefTitle: string;
}

export interface QuoteWithUse extends Quote {
  tags: Tag[];
  citedBy: CitingClaim[];
  source: Pick<SourceMeta, 'id' | 'title' | 'outlet'>;
}

export interface BriefMeta {
  id: number;
  title: string;
  marking: string;
  summary: string;
  author: string;
  /** The product template: who issues it, who may read it, and how current its information is. */
  organisation: string;
  dissemination: string;
  /** YYYY-MM-DD: information after this date is not reflected in the brief. */
  cutoffDate: string | null;
  /** Printed as "(U)" before each paragraph when set, e.g. "U"; empty = no portion marks. */
  portionMark: string;
  /** The ICD 203 row of likelihood words this brief uses throughout. */
  likelihoodRow: LikelihoodRow;
  /** The source summary statement: the analyst's assessment of the source base as a whole. */
  sourceSummary: string;
  createdAt: string;
  updatedAt: string;
}

export interface BriefSummary extends BriefMeta {
  claimCount: number;
  citationCount: number;
}

export interface Claim {
  id: number;
  briefId: number;
  position: string; // fractional index; sort by it as a plain string (byte order)
  text: string;
  /** ICD 203 likelihood of the judgment; worded with the brief's row. */
  likelihood: Likelihood | null;
  confidence: Confidence | null;
  createdAt: string;
  updatedAt: string;
}

export interface Citation {
  id: number;
  claimId: number;
  quoteId: number;
  relation: Relation;
  position: string;
  createdAt: string;
}

/**
 * A citation as a brief holds it: its claim is the one it sits in; its passage is named by id in the
 * brief's quotes[], and the passage's source in sources[], each given once however often it is cited
 * (a 2,000-claim brief read 3.9 MB of JSON when every citation carried both).
 */
export interface CitationInBrief {
  id: number;
  quoteId: number;
  relation: Relation;
  number: number; // 1-based citation number, in reading order across the brief
}

export interface ClaimInBrief extends Omit<Claim, 'createdAt' | 'updatedAt'> {
  number: number; // 1-based
  tags: Tag[];
  citations: CitationInBrief[];
}

/** A brief with its claims, their citations and the quoted passages, in one read. */
export interface BriefFull extends BriefMeta {
  claims: ClaimInBrief[];
  /** Each cited passage once, in order of first citation. */
  quotes: Quote[];
  /** Each cited source once, in order of first citation. */
  sources: SourceMeta[];
}

/** A claim found by its tag, with where it sits. */
export interface TaggedClaim {
  id: number;
  briefId: number;
  briefTitle: string;
  number: number; // 1-based, in its brief
  text: string;
  citations: number;
}

export interface SearchHit {
  kind: 'source' | 'quote' | 'claim';
  id: number;
  title: string; // source title; for a quote its source's title; for a claim its brief's title
  /** Text around the match. The matched parts are wrapped in SNIPPET_OPEN / SNIPPET_CLOSE. */
  snippet: string;
  sourceId: number | null; // for sources and quotes
  briefId: number | null; // for claims
  rank: number; // lower is better, comparable within one kind
  /** Found through other forms of the query's words (stems), not as typed; ranked after those that are. */
  wordForm: boolean;
}

/** Private-use characters mark matches inside snippets, so no HTML ever travels in search results. */
export const SNIPPET_OPEN = '\uE000';
export const SNIPPET_CLOSE = '\uE001';

export interface SearchResult {
  query: string;
  sources: SearchHit[];
  quotes: SearchHit[];
  claims: SearchHit[];
  /** Tags whose names contain the query, with how much each is used. */
  tags: TagWithUse[];
  /** Said to the analyst when the query looks like search syntax that is matched as typed, else null. */
  notice: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface ExportRecord {
  id: number;
  briefId: number | null;
  briefTitle: string;
  format: ExportRecordFormat;
  path: string;
  sha256: string;
  bytes: number;
  createdAt: string;
}

/** One competing hypothesis of an analysis, in the analyst's order. */
export interface AchHypothesis {
  id: number;
  position: number;
  text: string;
}

/** One evidence row: a passage of the library, or an assumption written as text. */
export interface AchRow {
  id: number;
  position: number;
  kind: 'passage' | 'assumption';
  relevance: AchRelevance;
  /** The passage (null for an assumption row). */
  quoteId: number | null;
  /** The assumption's text, or the passage's exact text. */
  text: string;
  sourceId: number | null;
  sourceTitle: string | null;
  reliability: Reliability | null;
  credibility: Credibility | null;
}

export interface AchCell {
  hypothesisId: number;
  rowId: number;
  rating: AchRating;
}

/** The stored analysis of a brief, before scoring. */
export interface AnalysisData {
  id: number;
  briefId: number;
  question: string;
  weighByRelevance: boolean;
  weighByCredibility: boolean;
  hypotheses: AchHypothesis[];
  rows: AchRow[];
  cells: AchCell[];
  /** Claims of the brief that cite the analysis's ranking, in the brief's order. */
  citedBy: number[];
  updatedAt: string;
}

/** An analysis that uses a passage, as seen from the passage (deletion refuses while it does). */
export interface AnalysisUsingQuote {
  analysisId: number;
  briefId: number;
  briefTitle: string;
  quoteId: number;
  rowId: number;
}

export interface KeyAssumption {
  id: number;
  briefId: number;
  position: number;
  text: string;
  status: AssumptionStatus;
  note: string;
  /** The claims whose judgment rests on this assumption. */
  claimIds: number[];
}
