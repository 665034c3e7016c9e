// The verified passages as a machine-readable file attached to the PDF (and named in its annex), so
// the exact text of every passage travels with the document in every script: PDF text extraction
// cannot give right-to-left passages back character for character (see pdf-finish.ts).
import type { BriefFull } from '../../db/model';
import { passageUses, withEvidence } from './passages';

export const EVIDENCE_FILE_NAME = 'evidence-passages.json';

export function evidenceFile(input: BriefFull, exportedAt: string, version: string): Uint8Array {
  const brief = withEvidence(input);
  const uses = passageUses(brief);
  const seen = new Set<number>();
  const passages = brief.claims.flatMap((claim) =>
    claim.citations
      .filter((c) => !seen.has(c.quoteId) && seen.add(c.quoteId))
      .map((c) => ({
        quoteId: c.quoteId,
        citedAs: (uses.get(c.quoteId) ?? []).map((u) => ({ citation: u.number, claim: u.claimNumber, relation: u.relation })),
        exact: c.quote.exact,
        start: c.quote.start,
        end: c.quote.end,
        credibility: c.quote.credibility,
        source: {
          id: c.source.id,
          title: c.source.title,
          author: c.source.author,
          outlet: c.source.outlet,
          publishedAt: c.source.publishedAt,
          accessedAt: c.source.accessedAt,
          sourceType: c.source.sourceType,
          url: c.source.url,
          language: c.source.language,
          reliability: c.source.reliability,
          textSha256: c.source.bodySha256,
        },
      })),
  );
  const file = {
    format: 'sourcemark-evidence/1',
    note: 'Each passage is the exact text of its source between the UTF-16 offsets start and end; the source text matched its SHA-256 when this file was made.',
    brief: { title: brief.title, marking: brief.marking, exportedAt, producer: `Sourcemark ${version}` },
    passages,
  };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 1)}\n`);
}
