// Column lists and row mappers: the one place where snake_case rows become the model's objects.
import { QUOTE_PAGE_COLS } from './pages';
import type { BriefMeta, Citation, CitingClaim, Claim, Quote, QuoteWithUse, SourceMeta, Tag, TaggedClaim } from './model';

type Row = Record<string, unknown>;

export const SOURCE_META_COLS = `s.id, s.title, s.outlet, s.author, s.url, s.published_at, s.accessed_at, s.language,
  s.reliability, s.source_type, s.format, s.body_sha256, s.body_length, s.created_at, s.updated_at`;

export function toSourceMeta(r: Row): SourceMeta {
  return {
    id: r.id as number,
    title: r.title as string,
    outlet: r.outlet as string | null,
    author: r.author as string | null,
    url: r.url as string | null,
    publishedAt: r.published_at as string | null,
    accessedAt: r.accessed_at as string | null,
    language: r.language as string | null,
    reliability: r.reliability as SourceMeta['reliability'],
    sourceType: (r.source_type ?? null) as SourceMeta['sourceType'],
    format: r.format as SourceMeta['format'],
    bodySha256: r.body_sha256 as string,
    bodyLength: r.body_length as number,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

export const QUOTE_COLS = `q.id, q.source_id, q.start, q."end", q.exact, q.prefix, q.suffix, q.credibility, q.note,
  q.created_at, q.updated_at, ${QUOTE_PAGE_COLS}`;

export function toQuote(r: Row): Quote {
  return {
    id: r.id as number,
    sourceId: r.source_id as number,
    start: r.start as number,
    end: r.end as number,
    exact: r.exact as string,
    prefix: r.prefix as string,
    suffix: r.suffix as string,
    credibility: r.credibility as Quote['credibility'],
    note: r.note as string,
    pages: typeof r.page_first === 'number' ? { first: r.page_first, last: typeof r.page_last === 'number' ? r.page_last : r.page_first } : null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

/** The source named beside a quote: columns source_title and source_outlet (see QUOTE_SOURCE_COLS). */
export const QUOTE_SOURCE_COLS = 's.title AS source_title, s.outlet AS source_outlet';

export function toQuoteSource(r: Row): QuoteWithUse['source'] {
  return { id: r.source_id as number, title: r.source_title as string, outlet: r.source_outlet as string | null };
}

export function toBriefMeta(r: Row): BriefMeta {
  return {
    id: r.id as number,
    title: r.title as string,
    marking: r.marking as string,
    summary: r.summary as string,
    author: r.author as string,
    organisation: r.organisation as string,
    dissemination: r.dissemination as string,
    cutoffDate: (r.cutoff_date ?? null) as string | null,
    portionMark: r.portion_mark as string,
    likelihoodRow: r.likelihood_row as BriefMeta['likelihoodRow'],
    sourceSummary: r.source_summary as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

export function toClaim(r: Row): Claim {
  return {
    id: r.id as number,
    briefId: r.brief_id as number,
    position: r.position as string,
    text: r.text as string,
    likelihood: (r.likelihood ?? null) as Claim['likelihood'],
    confidence: r.confidence as Claim['confidence'],
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

export function toCitation(r: Row): Citation {
  return {
    id: r.id as number,
    claimId: r.claim_id as number,
    quoteId: r.quote_id as number,
    relation: r.relation as Citation['relation'],
    position: r.position as string,
    createdAt: r.created_at as string,
  };
}

/** A claim seen from a passage it cites (the backlinks; db/citations.ts citingClaims). */
export function toCitingClaim(r: Row): CitingClaim {
  return {
    citationId: r.citation_id as number,
    relation: r.relation as CitingClaim['relation'],
    claimId: r.claim_id as number,
    claimNumber: r.claim_number as number,
    claimText: r.claim_text as string,
    briefId: r.brief_id as number,
    briefTitle: r.brief_title as string,
  };
}

/** A claim found by its tag (db/claims.ts taggedClaims). */
export function toTaggedClaim(r: Row): TaggedClaim {
  return {
    id: r.id as number,
    briefId: r.brief_id as number,
    briefTitle: r.brief_title as string,
    number: r.number as number,
    text: r.text as string,
    citations: r.citations as number,
  };
}

export function toTag(r: Row): Tag {
  return { id: r.id as number, name: r.name as string, colour: r.colour as string };
}

/** Groups rows by a key column, keeping the query's order inside each group. */
export function groupBy<T>(rows: Row[], key: string, map: (r: Row) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = r[key] as number;
    const g = out.get(k);
    if (g) g.push(map(r));
    else out.set(k, [map(r)]);
  }
  return out;
}
