// Every source's editable details without its text: what outside records (CSL-JSON) are matched against.
import type { Database } from 'better-sqlite3';
import { sql } from './stmt';

export interface SourceDetailRow {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  accessedAt: string | null;
  language: string | null;
  reliability: string | null;
  sourceType: string | null;
}

export function sourceDetailRows(db: Database): SourceDetailRow[] {
  return sql(
    db,
    `SELECT id, title, outlet, author, url, published_at AS publishedAt, accessed_at AS accessedAt, language, reliability,
            source_type AS sourceType FROM source ORDER BY id`,
  ).all() as SourceDetailRow[];
}
