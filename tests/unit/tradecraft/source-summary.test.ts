import { describe, expect, it } from 'vitest';
import { evidenceOf } from '../../../main/tradecraft/evidence';
import { draftSourceSummary } from '../../../main/tradecraft/source-summary';
import { endnoteText, missingEndnoteFields } from '../../../main/tradecraft/endnotes';
import { briefFull, sourceMeta } from '../export/brief-fixtures';

const wire = sourceMeta(1, { sourceType: 'news-article', reliability: 'B', publishedAt: '2026-02-10' });
const ministry = sourceMeta(2, { sourceType: 'official-statement', reliability: 'A', publishedAt: '2026-02-14' });
const forum = sourceMeta(3, { sourceType: 'social-media-post', reliability: 'E', publishedAt: '2026-02-12' });

describe('evidence strength', () => {
  it('counts independent sources, not passages, and sees weak-only support and contradictions', () => {
    const brief = briefFull('B', [
      { text: 'a', cites: [{ source: wire, exact: 'x' }, { source: wire, exact: 'y' }, { source: ministry, exact: 'z', relation: 'contradicts' }] },
      { text: 'b', cites: [{ source: forum, exact: 'w' }, { source: wire, exact: 'v', credibility: 5 }] },
      { text: 'c', cites: [{ source: ministry, exact: 'u', relation: 'context' }] },
    ]);
    const [a, b, c] = brief.claims.map((c) => evidenceOf(c, brief));
    expect(a).toMatchObject({ independentSources: 1, supportingPassages: 2, singleSource: true, weakOnly: false, contradictions: [3] });
    expect(b).toMatchObject({ independentSources: 2, singleSource: false, weakOnly: true, contradictions: [] });
    expect(c).toMatchObject({ independentSources: 0, singleSource: false, weakOnly: false });
  });
});

describe('source summary statement draft', () => {
  it('counts sources by type and reliability, gives the date range, single-source and contradicted claims', () => {
    const brief = briefFull('B', [
      { text: 'a', cites: [{ source: wire, exact: 'x' }, { source: ministry, exact: 'y' }] },
      { text: 'b', cites: [{ source: forum, exact: 'w' }, { source: wire, exact: 'v', relation: 'contradicts' }] },
      { text: 'c' },
    ]);
    expect(draftSourceSummary(brief)).toBe(
      'This brief rests on 3 sources: 1 news article, 1 official statement and 1 social media post, published between 2026-02-10 and 2026-02-14. ' +
        'Source reliability: 1 rated A, 1 rated B and 1 rated E; 1 source is rated D to F. 1 claim is corroborated by independent sources. ' +
        'Claim 2 rests on a single source. Claim 3 has no supporting passage. Claim 2 is supported only by sources rated D to F or passages rated 4 to 6. ' +
        'Contradicting evidence is cited for claim 2.',
    );
  });

  it('says so when nothing is cited', () => {
    expect(draftSourceSummary(briefFull('B', [{ text: 'a' }]))).toBe('This brief cites no sources yet.');
  });
});

describe('ICD 206 endnotes', () => {
  it('prints the recorded fields in order and lists the missing ones', () => {
    const bare = sourceMeta(4, { author: null, outlet: null, url: null, publishedAt: null, accessedAt: null, sourceType: null });
    expect(endnoteText(ministry)).toBe('A. Writer, “Source 2”, The Outlet, 2026-02-14, Official statement, https://example.org/articles/2, accessed 2026-02-20 09:30 UTC.');
    expect(endnoteText(bare)).toBe('“Source 4”.');
    expect(missingEndnoteFields(bare)).toEqual(['author', 'outlet', 'publishedAt', 'sourceType', 'url', 'accessedAt']);
    expect(missingEndnoteFields(ministry)).toEqual([]);
  });
});
