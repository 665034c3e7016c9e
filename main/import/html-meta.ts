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

/**
 * Every <meta> of the page, by its property, name and itemprop (lower-cased), first value winning: one
 * pass over the meta tags instead of a selector query per key, which on a large page cost seconds.
 */
type MetaIndex = Map<string, string>;

function indexMeta(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of doc.getElementsByTagName('meta')) {
    const value = squash(el.getAttribute('content'));
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(`${attr}:${key}`)) index.set(`${attr}:${key}`, value);
    }
  }
  return index;
}

function metaContent(index: MetaIndex, keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const value = index.get(`${attr}:${key.toLowerCase()}`);
      if (value) return value;
    }
  }
  return null;
}

const isWebUrl = (s: string | null | undefined): s is string => !!s && /^https?:\/\/[^\s]+$/i.test(s);

/** JSON-LD objects of the page, flattened through @graph; malformed blocks are skipped. */
function jsonLd(doc: Document): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
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
  const meta = indexMeta(doc);
  const canonical = [...doc.getElementsByTagName('link')].find((l) => /(^|\s)canonical(\s|$)/i.test(l.getAttribute('rel') ?? ''))?.getAttribute('href')?.trim();
  const ogUrl = metaContent(meta, ['og:url']);
  const savedFrom = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(source.slice(0, 4096))?.[1];
  const url = [canonical, ogUrl, fromJsonLd(ld, 'url', (v) => (typeof v === 'string' ? v : null)), savedFrom].find(isWebUrl) ?? null;

  const metaAuthor = metaContent(meta, ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'citation_author', 'sailthru.author', 'parsely-author']);
  const author = (metaAuthor && !isWebUrl(metaAuthor) ? metaAuthor : null) ?? fromJsonLd(ld, 'author', nameOf);

  const time = [...doc.getElementsByTagName('time')].find((t) => t.hasAttribute('datetime'))?.getAttribute('datetime');
  const publishedAt =
    metaContent(meta, ['article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dcterms.created', 'dcterms.date', 'citation_publication_date', 'sailthru.date']) ??
    fromJsonLd(ld, 'datePublished', (v) => (typeof v === 'string' ? squash(v) : null)) ??
    squash(time);

  const language =
    bcp47(squash(doc.documentElement.getAttribute('lang'))) ??
    bcp47(meta.get('http-equiv:content-language') ?? null) ??
    bcp47(metaContent(meta, ['og:locale', 'dc.language']));

  return {
    title: metaContent(meta, ['og:title', 'twitter:title']) ?? squash(doc.title) ?? squash(doc.getElementsByTagName('h1')[0]?.textContent),
    outlet: metaContent(meta, ['og:site_name', 'application-name', 'publisher']) ?? fromJsonLd(ld, 'publisher', nameOf),
    author,
    url,
    publishedAt,
    language,
  };
}
