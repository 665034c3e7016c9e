// Exports for the tools analysts already use, made from the same rows a bundle holds:
//  - W3C Web Annotation (JSON-LD) for passages: TextQuoteSelector + TextPositionSelector. The model
//    leaves the unit of TextPositionSelector open; ours counts UTF-16 code units, and each annotation
//    says so, so a reader that counts code points can convert instead of misplacing the range.
//  - CSL-JSON for sources, as Zotero, Pandoc and citeproc read it.
import type { BundleRows } from '../../db/bundle/collect';

const UNIT_NOTE = 'TextPositionSelector start and end count UTF-16 code units of the source text (as JavaScript strings do).';

export function webAnnotations(rows: BundleRows): object {
  const sources = new Map(rows.get('source')!.map((r) => [r[0] as string, r]));
  const items = rows.get('quote')!.map((q) => {
    const [sha, start, end, exact, prefix, suffix, , note] = q;
    const s = sources.get(sha as string)!;
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:sourcemark:passage:${sha}:${start}-${end}`,
      type: 'Annotation',
      motivation: note ? 'commenting' : 'highlighting',
      ...(note ? { body: { type: 'TextualBody', value: note, format: 'text/plain' } } : {}),
      target: {
        source: `urn:sha256:${sha}`,
        ...(s[4] ? { sameAs: s[4] } : {}),
        'sourcemark:title': s[1],
        selector: [
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          { type: 'TextPositionSelector', start, end, 'sourcemark:unit': 'utf-16-code-unit' },
        ],
      },
    };
  });
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { sourcemark: 'urn:sourcemark:vocab:' }],
    type: 'AnnotationCollection',
    'sourcemark:positionUnit': UNIT_NOTE,
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
}

const CSL_TYPE: Record<string, string> = {
  'news-article': 'article-newspaper',
  'official-statement': 'document',
  'government-document': 'report',
  'think-tank-report': 'report',
  'academic-paper': 'article-journal',
  'social-media-post': 'post',
  dataset: 'dataset',
  'interview-other': 'interview',
};

/** CSL dates are date-parts; a partial ISO date (2024, 2024-05) keeps only what is known. */
function cslDate(iso: unknown): object | undefined {
  const m = typeof iso === 'string' ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso) : null;
  if (!m) return undefined;
  return { 'date-parts': [[m[1], m[2], m[3]].filter(Boolean).map(Number)] };
}

export function cslJson(rows: BundleRows): object[] {
  return rows.get('source')!.map((r) => {
    const [sha, title, outlet, author, url, published, accessed, language, , sourceType] = r;
    const item: Record<string, unknown> = { id: `sha256-${String(sha).slice(0, 16)}`, type: CSL_TYPE[String(sourceType)] ?? 'article', title };
    if (outlet) item['container-title'] = outlet;
    // Bylines are kept whole: splitting "Family, Given" guesses wrong for many names and for organisations.
    if (author) item.author = String(author).split(/\s*;\s*/).map((literal) => ({ literal }));
    if (url) item.URL = url;
    if (language) item.language = language;
    const issued = cslDate(published);
    if (issued) item.issued = issued;
    const accessedDate = cslDate(accessed);
    if (accessedDate) item.accessed = accessedDate;
    item.note = `SHA-256: ${sha}`;
    return item;
  });
}
