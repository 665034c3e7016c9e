// Sources: the immutable texts everything else points into.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { notFound } from './errors';
import type { Page, Source, SourceFormat, SourceMeta, SourceSummary } from './model';
import { SOURCE_META_COLS, toSourceMeta } from './rows';
import { list, now, sql } from './stmt';
import { tagsOf } from './tags';
import { casefold } from './text';

export interface SourceFields {
  title: string;
  outlet?: string | null;
  author?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  accessedAt?: string | null;
  language?: string | null;
  reliability?: SourceMeta['reliability'];
  sourceType?: SourceMeta['sourceType'];
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function sourceIdBySha(db: Database, digest: string): number | undefined {
  const r = sql(db, 'SELECT id FROM source WHERE body_sha256 = ?').get(digest) as { id: number } | undefined;
  return r?.id;
}

export function insertSource(db: Database, f: SourceFields & { format: SourceFormat; body: string }, digest = sha256(f.body)): number {
  const t = now();
  const info = sql(
    db,
    `INSERT INTO source (title, outlet, author, url, published_at, accessed_at, language, reliability, source_type, format,
       body, body_sha256, body_length, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.title,
    f.outlet ?? null,
    f.author ?? null,
    f.url ?? null,
    f.publishedAt ?? null,
    f.accessedAt ?? null,
    f.language ?? null,
    f.reliability ?? null,
    f.sourceType ?? null,
    f.format,
    f.body,
    digest,
    f.body.length,
    t,
    t,
  );
  return Number(info.lastInsertRowid);
}

export function getSourceMeta(db: Database, id: number): SourceMeta {
  const r = sql(db, `SELECT ${SOURCE_META_COLS} FROM source s WHERE s.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('Source', id);
  return toSourceMeta(r);
}

/** What the export check needs of each source: its title, its text and the fingerprint taken at import. */
export function sourceTexts(db: Database, ids: readonly number[]): Map<number, { id: number; title: string; body: string; bodySha256: string }> {
  const rows = sql(db, 'SELECT id, title, body, body_sha256 AS bodySha256 FROM source WHERE id IN (SELECT value FROM json_each(?))').all(list(ids)) as {
    id: number;
    title: string;
    body: string;
    bodySha256: string;
  }[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function getBody(db: Database, id: number): string {
  const r = sql(db, 'SELECT body FROM source WHERE id = ?').get(id) as { body: string } | undefined;
  if (!r) throw notFound('Source', id);
  return r.body;
}

/** What quoting needs of a source: its text, and the title and outlet a quote shows. */
export function getQuotingSource(db: Database, id: number): { body: string; title: string; outlet: string | null } {
  const r = sql(db, 'SELECT body, title, outlet FROM source WHERE id = ?').get(id) as { body: string; title: string; outlet: string | null } | undefined;
  if (!r) throw notFound('Source', id);
  return r;
}

function summaries(db: Database, metas: SourceMeta[]): SourceSummary[] {
  if (metas.length === 0) return [];
  const ids = metas.map((m) => m.id);
  const tags = tagsOf(db, 'source', ids);
  const counts = new Map(
    (
      sql(
        db,
        `SELECT source_id AS id, count(*) AS n FROM quote WHERE source_id IN (SELECT value FROM json_each(?)) GROUP BY source_id`,
      ).all(JSON.stringify(ids)) as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  return metas.map((m) => ({ ...m, tags: tags.get(m.id) ?? [], quoteCount: counts.get(m.id) ?? 0 }));
}

export function getSourceSummary(db: Database, id: number): SourceSummary {
  return summaries(db, [getSourceMeta(db, id)])[0]!;
}

export function getSource(db: Database, id: number): Source {
  return { ...getSourceSummary(db, id), body: getBody(db, id) };
}

export function listSources(
  db: Database,
  q: { offset: number; limit: number; tagId?: number | null; filter?: string },
): Page<SourceSummary> {
  const filter = q.filter?.trim() ? casefold(q.filter) : null;
  const tagId = q.tagId ?? null;
  // Filtering folds case in every script (LIKE would only fold ASCII); a few thousand titles fold in a few ms.
  const where = `(? IS NULL OR s.id IN (SELECT source_id FROM source_tag WHERE tag_id = ?))
    AND (? IS NULL OR instr(sm_casefold(s.title || ' ' || coalesce(s.outlet, '') || ' ' || coalesce(s.author, '')), ?) > 0)`;
  const params = [tagId, tagId, filter, filter];
  const total = (sql(db, `SELECT count(*) AS n FROM source s WHERE ${where}`).get(...params) as { n: number }).n;
  const rows = sql(
    db,
    `SELECT ${SOURCE_META_COLS} FROM source s WHERE ${where} ORDER BY s.created_at DESC, s.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, q.limit, q.offset) as Record<string, unknown>[];
  return { items: summaries(db, rows.map(toSourceMeta)), total, offset: q.offset, limit: q.limit };
}

const PATCH_COLUMNS: Record<keyof SourceFields, string> = {
  title: 'title',
  outlet: 'outlet',
  author: 'author',
  url: 'url',
  publishedAt: 'published_at',
  accessedAt: 'accessed_at',
  language: 'language',
  reliability: 'reliability',
  sourceType: 'source_type',
};

export function updateSourceMeta(db: Database, id: number, patch: Partial<SourceFields>): void {
  getSourceMeta(db, id);
  const keys = (Object.keys(patch) as (keyof SourceFields)[]).filter((k) => patch[k] !== undefined && k in PATCH_COLUMNS);
  if (keys.length === 0) return;
  const sets = keys.map((k) => `${PATCH_COLUMNS[k]} = ?`).join(', ');
  sql(db, `UPDATE source SET ${sets}, updated_at = ? WHERE id = ?`).run(...keys.map((k) => patch[k] ?? null), now(), id);
}

export function deleteSourceRow(db: Database, id: number): number {
  const quotes = (sql(db, 'SELECT count(*) AS n FROM quote WHERE source_id = ?').get(id) as { n: number }).n;
  sql(db, 'DELETE FROM source WHERE id = ?').run(id);
  return quotes;
}
