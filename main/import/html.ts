// Saved web pages: the main article's text by Readability, with the page's own metadata. Pages are
// parsed as a browser parses them into a DOM with no script engine and no network (see dom.ts), so
// nothing in the page runs or fetches anything; the markup is flattened past a safe depth first (see
// html-prepare.ts).
import { Readability } from '@mozilla/readability';
import { parseDocument } from './dom';
import { splitByline } from './byline';
import { decodeText } from './decode';
import { prepareHtml } from './html-prepare';
import { textOf } from './html-text';
import { pageMetadata } from './html-meta';
import { titleFromFileName } from './plain';
import { IMPORT_LIMITS, type ParsedSource, type StepReporter } from './types';

/**
 * Readability scores every element several times and its cost grows with nesting (a chain of 128
 * divs takes seconds); past these bounds the page is not a normal article and its whole text is kept.
 */
const READABILITY_MAX_ELEMENTS = 60_000;
const READABILITY_MAX_DEPTH = 100;
/** An article shorter than this is more likely Readability missing the point than a real article. */
const MIN_ARTICLE_CHARS = 140;

/** The charset a page declares in its first 1 KB, as browsers look for it. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m?.[1];
}

/**
 * `read` builds the DOM from the prepared markup; tests and the import benchmark pass jsdom's, the
 * previous reader, to show the two read every page of the corpus alike.
 */
export function parseHtml(fileName: string, bytes: Uint8Array, encoding?: string, step: StepReporter = () => undefined, read: (html: string) => Document = parseDocument): ParsedSource {
  step('decoding the page');
  const decoded = decodeText(fileName, bytes, { chosen: encoding, declared: declaredCharset(bytes) });
  const warnings = [...decoded.warnings];
  const prepared = prepareHtml(decoded.text, IMPORT_LIMITS.maxHtmlDepth);
  if (prepared.flattened > 0) {
    warnings.push(`The page is nested more than ${IMPORT_LIMITS.maxHtmlDepth} levels deep; ${prepared.flattened} tags below that depth were flattened (their text is kept).`);
  }
  const parse = () => read(prepared.html);
  step('parsing the page’s markup');
  const doc = parse();
  step('reading the page’s metadata');
  const meta = pageMetadata(doc, decoded.text);
  const pageTextOf = (d: Document) => (d.body ? textOf(d.body) : '');
  let article: ReturnType<Readability<Node>['parse']> = null;
  let body: string;
  if (prepared.depth <= READABILITY_MAX_DEPTH && prepared.elements <= READABILITY_MAX_ELEMENTS) {
    // Readability rewrites the document it reads; the metadata has been taken already. Its default
    // threshold (500 characters) matters: with less, a first pass that stripped the article as
    // "unlikely" is accepted with whatever is left, such as a print footer.
    step('finding the article');
    const reader = new Readability<Node>(doc, { serializer: (node) => node });
    // Only the text is kept, never a link: rewriting every URL to absolute (a third of the time
    // Readability spends on a large page) changes nothing that is imported.
    (reader as unknown as { _fixRelativeUris(): void })._fixRelativeUris = () => undefined;
    article = reader.parse();
    body = article?.content ? textOf(article.content as unknown as Parameters<typeof textOf>[0]) : '';
    if (body.trim().length < MIN_ARTICLE_CHARS) {
      // No article, or a suspiciously short one: compare with the whole page's text, from a fresh parse.
      step('reading the whole page’s text');
      const pageText = pageTextOf(parse());
      if (body.trim().length < Math.min(MIN_ARTICLE_CHARS, pageText.trim().length)) body = pageText;
    }
  } else {
    const why =
      prepared.depth > READABILITY_MAX_DEPTH
        ? `is nested ${prepared.depth.toLocaleString('en')} levels deep (finding the article is tried up to ${READABILITY_MAX_DEPTH})`
        : `has ${prepared.elements.toLocaleString('en')} elements (finding the article is tried up to ${READABILITY_MAX_ELEMENTS.toLocaleString('en')})`;
    warnings.push(`The page ${why}, so its whole text was kept.`);
    body = pageTextOf(doc);
  }
  const title = (article?.title?.trim() || null) ?? meta.title ?? titleFromFileName(fileName);
  const byline = splitByline(article?.byline);
  const metaByline = splitByline(meta.author);
  return {
    title,
    body,
    format: 'html',
    metadata: {
      outlet: clean(article?.siteName) ?? meta.outlet,
      author: byline.name ?? metaByline.name,
      url: meta.url,
      publishedAt: clean(article?.publishedTime) ?? meta.publishedAt ?? byline.date ?? metaByline.date,
      language: meta.language ?? clean(article?.lang),
    },
    warnings,
  };
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}
