// Pages of PDF sources: where each page's text starts in the body (see migration 0008). A passage's
// pages are those holding its first and last characters; an empty page shares its start with the
// next page, and the later page is the one that holds the text.
import type { Database } from 'better-sqlite3';
import type { PageRange } from './model';
import { sql } from './stmt';

/** The pages holding body[start, end), given each page's start offset (page n at index n - 1, ascending). */
export function pagesOf(start: number, end: number, pageStarts: readonly number[]): PageRange | null {
  if (pageStarts.length === 0) return null;
  const pageAt = (offset: number): number => {
    let page = 1;
    for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i]! <= offset) page = i + 1;
    return page;
  };
  const first = pageAt(start);
  return { first, last: Math.max(first, pageAt(Math.max(start, end - 1))) };
}

export function insertPages(db: Database, sourceId: number, pageStarts: readonly number[]): void {
  const insert = sql(db, 'INSERT INTO source_page (source_id, page, start) VALUES (?, ?, ?)');
  pageStarts.forEach((start, i) => insert.run(sourceId, i + 1, start));
}

/** Columns giving a quote's (alias q) first and last page, null without pages; the same rule as pagesOf. */
export const QUOTE_PAGE_COLS = `(SELECT sp.page FROM source_page sp WHERE sp.source_id = q.source_id AND sp.start <= q.start
    ORDER BY sp.start DESC, sp.page DESC LIMIT 1) AS page_first,
  (SELECT sp.page FROM source_page sp WHERE sp.source_id = q.source_id AND sp.start <= max(q.start, q."end" - 1)
    ORDER BY sp.start DESC, sp.page DESC LIMIT 1) AS page_last`;
