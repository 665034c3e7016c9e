// The page's own account of itself: <title>, Open Graph, article:*, Dublin Core, JSON-LD, the
// canonical link and the "saved from" comment browsers write into saved pages.

export interface PageMetadata {
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
}

const squash = (s: string | null | undefined) => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

function metaContent(doc: Document, keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}" i]`);
      const value = squash(el?.getAttribute('content'));
      if (value) return value;
    }
  }
  return null;
}

const isWebUrl = (s: string | null | undefined): s is string => !!s && /^https?:\/\/[^\s]+$/i.test(s);

/** JSON-LD objects of the page, flattened through @graph; malformed blocks are skipped. */
function jsonLd(doc: Document): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const queue = Array.isArray(data) ? [...(data as unknown[])] : [data];
      while (queue.length && found.length < 50) {
        const item = queue.shift();
        if (!item || typeof item !== 'object') continue;
        const obj = item as Record<string, unknown>;
        found.push(obj);
        if (Array.isArray(obj['@graph'])) queue.push(...(obj['@graph'] as unknown[]));
      }
    } catch {
      // A broken JSON-LD block says nothing; the other sources of metadata still do.
    }
  }
  return found;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return squash(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as Record<string, unknown>).name);
  return null;
}

function fromJsonLd(items: Record<string, unknown>[], key: string, read: (v: unknown) => string | null): string | null {
  for (const item of items) {
    const value = read(item[key]);
    if (value) return value;
  }
  return null;
}

/** og:locale writes en_US; BCP 47 wants en-US. */
const bcp47 = (s: string | null) => (s ? s.replace(/_/g, '-').slice(0, 35) : null);

export function pageMetadata(doc: Document, source: string): PageMetadata {
  const ld = jsonLd(doc);
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href')?.trim();
  const ogUrl = metaContent(doc, ['og:url']);
  const savedFrom = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(source.slice(0, 4096))?.[1];
  const url = [canonical, ogUrl, fromJsonLd(ld, 'url', (v) => (typeof v === 'string' ? v : null)), savedFrom].find(isWebUrl) ?? null;

  const metaAuthor = metaContent(doc, ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'citation_author', 'sailthru.author', 'parsely-author']);
  const author = (metaAuthor && !isWebUrl(metaAuthor) ? metaAuthor : null) ?? fromJsonLd(ld, 'author', nameOf);

  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  const publishedAt =
    metaContent(doc, ['article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dcterms.created', 'dcterms.date', 'citation_publication_date', 'sailthru.date']) ??
    fromJsonLd(ld, 'datePublished', (v) => (typeof v === 'string' ? squash(v) : null)) ??
    squash(time);

  const language =
    bcp47(squash(doc.documentElement.getAttribute('lang'))) ??
    bcp47(squash(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'))) ??
    bcp47(metaContent(doc, ['og:locale', 'dc.language']));

  return {
    title: metaContent(doc, ['og:title', 'twitter:title']) ?? squash(doc.title) ?? squash(doc.querySelector('h1')?.textContent),
    outlet: metaContent(doc, ['og:site_name', 'application-name', 'publisher']) ?? fromJsonLd(ld, 'publisher', nameOf),
    author,
    url,
    publishedAt,
    language,
  };
}
