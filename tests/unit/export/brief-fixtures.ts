// Hand-made briefs for the pure export functions (layout, Markdown, fonts): no store needed.
import crypto from 'node:crypto';
import type { BriefFull, CitationInBrief, ClaimInBrief, Confidence, Credibility, Likelihood, Quote, Relation, SourceMeta } from '../../../db/model';

const T = '2026-03-01T10:00:00.000Z';

export function sourceMeta(id: number, over: Partial<SourceMeta> & { body?: string } = {}): SourceMeta {
  const body = over.body ?? `Body of source ${id}.`;
  return {
    id,
    title: `Source ${id}`,
    outlet: 'The Outlet',
    author: 'A. Writer',
    url: `https://example.org/articles/${id}`,
    publishedAt: '2026-02-14',
    accessedAt: '2026-02-20T09:30:00Z',
    language: 'en',
    reliability: 'B',
    sourceType: 'news-article',
    format: 'text',
    bodySha256: crypto.createHash('sha256').update(body).digest('hex'),
    bodyLength: body.length,
    createdAt: T,
    updatedAt: T,
    ...over,
  };
}

export interface CiteSpec {
  source: SourceMeta;
  exact: string;
  relation?: Relation;
  credibility?: Credibility | null;
  /** The PDF pages the passage lies on. */
  pages?: { first: number; last: number };
  /** Cites a passage already cited earlier in the brief (same quote id) instead of a new one. */
  quoteId?: number;
}

export interface ClaimSpec {
  text: string;
  confidence?: Confidence | null;
  likelihood?: Likelihood | null;
  cites?: CiteSpec[];
}

/** Numbers claims and citations in reading order, as the store does. */
export function briefFull(title: string, claims: ClaimSpec[], over: Partial<BriefFull> = {}): BriefFull {
  let citationNumber = 0;
  let quoteId = 0;
  const sources = new Map<number, SourceMeta>();
  const quotes = new Map<number, Quote>();
  const built: ClaimInBrief[] = claims.map((spec, i) => {
    const claimId = 100 + i;
    const citations: CitationInBrief[] = (spec.cites ?? []).map((cite) => {
      citationNumber += 1;
      const id = cite.quoteId ?? ++quoteId;
      if (!sources.has(cite.source.id)) sources.set(cite.source.id, cite.source);
      if (!quotes.has(id)) quotes.set(id, {
          id,
          sourceId: cite.source.id,
          start: 0,
          end: cite.exact.length,
          exact: cite.exact,
          prefix: '',
          suffix: '',
          credibility: cite.credibility ?? null,
          note: '',
          pages: cite.pages ?? null,
          createdAt: T,
          updatedAt: T,
      });
      return { id: 1000 + citationNumber, quoteId: id, relation: cite.relation ?? 'supports', number: citationNumber };
    });
    return {
      id: claimId,
      briefId: 1,
      position: `a${i}`,
      text: spec.text,
      confidence: spec.confidence ?? null,
      likelihood: spec.likelihood ?? null,
      number: i + 1,
      tags: [],
      citations,
    };
  });
  return {
    id: 1,
    title,
    marking: 'UNCLASSIFIED',
    summary: 'The bottom line: the port is being expanded.',
    author: 'Analyst One',
    organisation: 'Open Source Desk',
    dissemination: 'Distribution: project team',
    cutoffDate: '2026-02-28',
    portionMark: '',
    likelihoodRow: 'likely',
    sourceSummary: '',
    createdAt: T,
    updatedAt: T,
    claims: built,
    quotes: [...quotes.values()],
    sources: [...sources.values()],
    ...over,
  };
}

export const RUSSIAN = 'Порт будет расширен к 2027 году, сообщил губернатор.';
export const ARABIC = 'قال المتحدث إن الميناء سيتم توسيعه بحلول عام ٢٠٢٧.';
export const CHINESE = '港口将在二〇二七年前完成扩建，省长表示。';

export function multilingualBrief(): BriefFull {
  const ru = sourceMeta(1, { title: 'Губернатор о порте', outlet: 'Известия', language: 'ru', body: RUSSIAN });
  const ar = sourceMeta(2, { title: 'توسيع الميناء', outlet: 'الجزيرة', language: 'ar', reliability: 'C', body: ARABIC });
  const zh = sourceMeta(3, { title: '港口扩建', outlet: '新华社', language: 'zh', reliability: null, body: CHINESE });
  return briefFull('Port expansion: three languages', [
    { text: 'The governor announced the expansion.', confidence: 'high', cites: [{ source: ru, exact: RUSSIAN, credibility: 2 }] },
    { text: 'Arabic-language media report the same date.', confidence: 'moderate', cites: [{ source: ar, exact: ARABIC }] },
    { text: 'Chinese state media disagree on nothing.', cites: [{ source: zh, exact: CHINESE, relation: 'contradicts', credibility: 4 }] },
  ]);
}
