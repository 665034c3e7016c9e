// Tags and their links to sources, quotes and claims.
import type { Database } from 'better-sqlite3';
import { AppError, notFound } from './errors';
import type { Tag, TagTarget, TagWithUse } from './model';
import { groupBy, toTag } from './rows';
import { list, now, sql } from './stmt';
import { casefold } from './text';

/** Link table and key column per kind of target; fixed strings, never user input. */
export const LINK: Record<TagTarget, { table: string; key: string; owner: string }> = {
  source: { table: 'source_tag', key: 'source_id', owner: 'source' },
  quote: { table: 'quote_tag', key: 'quote_id', owner: 'quote' },
  claim: { table: 'claim_tag', key: 'claim_id', owner: 'claim' },
};

// Distinct colours handed out in turn, so new tags are told apart without the analyst picking one.
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#64748b'];

export function getTag(db: Database, id: number): Tag {
  const r = sql(db, 'SELECT id, name, colour FROM tag WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('Tag', id);
  return toTag(r);
}

function tagByFoldedName(db: Database, name: string): Tag | undefined {
  const r = sql(db, 'SELECT id, name, colour FROM tag WHERE name_folded = ?').get(casefold(name)) as
    | Record<string, unknown>
    | undefined;
  return r ? toTag(r) : undefined;
}

function refuseDuplicate(db: Database, name: string, exceptId: number | null): void {
  const existing = tagByFoldedName(db, name);
  if (existing && existing.id !== exceptId) {
    throw new AppError('TAG_EXISTS', `There is already a tag "${existing.name}"; tag names are the same whatever their case.`, {
      tag: existing,
    });
  }
}

export function insertTag(db: Database, name: string, colour: string | undefined): Tag {
  refuseDuplicate(db, name, null);
  const count = (sql(db, 'SELECT count(*) AS n FROM tag').get() as { n: number }).n;
  const c = colour ?? PALETTE[count % PALETTE.length]!;
  const info = sql(db, 'INSERT INTO tag (name, name_folded, colour, created_at) VALUES (?, ?, ?, ?)').run(name, casefold(name), c, now());
  return getTag(db, Number(info.lastInsertRowid));
}

export function updateTag(db: Database, id: number, patch: { name?: string; colour?: string }): Tag {
  const tag = getTag(db, id);
  if (patch.name !== undefined) refuseDuplicate(db, patch.name, id);
  const name = patch.name ?? tag.name;
  sql(db, 'UPDATE tag SET name = ?, name_folded = ?, colour = ? WHERE id = ?').run(name, casefold(name), patch.colour ?? tag.colour, id);
  return getTag(db, id);
}

export function deleteTag(db: Database, id: number): number {
  getTag(db, id);
  let detached = 0;
  for (const { table } of Object.values(LINK)) {
    detached += sql(db, `DELETE FROM ${table} WHERE tag_id = ?`).run(id).changes;
  }
  sql(db, 'DELETE FROM tag WHERE id = ?').run(id);
  return detached;
}

const WITH_USE = `SELECT t.id, t.name, t.colour,
    (SELECT count(*) FROM source_tag WHERE tag_id = t.id) AS sources,
    (SELECT count(*) FROM quote_tag WHERE tag_id = t.id) AS quotes,
    (SELECT count(*) FROM claim_tag WHERE tag_id = t.id) AS claims
  FROM tag t`;
const toTagWithUse = (r: Record<string, unknown>): TagWithUse => ({ ...toTag(r), sources: r.sources as number, quotes: r.quotes as number, claims: r.claims as number });

export function listTags(db: Database): TagWithUse[] {
  return (sql(db, `${WITH_USE} ORDER BY t.name COLLATE NOCASE, t.id`).all() as Record<string, unknown>[]).map(toTagWithUse);
}

/** Tags whose names contain `text`, ignoring case in every script; names that start with it first. */
export function tagsNamed(db: Database, text: string, limit: number): TagWithUse[] {
  const needle = casefold(text.replace(/^#/, ''));
  if (!needle) return [];
  return (
    sql(db, `${WITH_USE} WHERE instr(t.name_folded, ?) > 0 ORDER BY instr(t.name_folded, ?) > 1, t.name COLLATE NOCASE LIMIT ?`).all(
      needle,
      needle,
      limit,
    ) as Record<string, unknown>[]
  ).map(toTagWithUse);
}

export function targetExists(db: Database, kind: TagTarget, id: number): boolean {
  return sql(db, `SELECT 1 FROM ${LINK[kind].owner} WHERE id = ?`).get(id) !== undefined;
}

/** Tags of many targets of one kind in one query, each list ordered by name. */
export function tagsOf(db: Database, kind: TagTarget, ids: readonly number[]): Map<number, Tag[]> {
  if (ids.length === 0) return new Map();
  const { table, key } = LINK[kind];
  const rows = sql(
    db,
    `SELECT l.${key} AS owner, t.id, t.name, t.colour FROM ${table} l JOIN tag t ON t.id = l.tag_id
     WHERE l.${key} IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE, t.id`,
  ).all(list(ids)) as Record<string, unknown>[];
  return groupBy(rows, 'owner', toTag);
}

export function tagsOfOne(db: Database, kind: TagTarget, id: number): Tag[] {
  return tagsOf(db, kind, [id]).get(id) ?? [];
}

/** Checks that every tag exists before anything is linked, so a bad id changes nothing. */
export function requireTags(db: Database, tagIds: readonly number[]): void {
  for (const id of new Set(tagIds)) getTag(db, id);
}

export function link(db: Database, kind: TagTarget, id: number, tagIds: readonly number[]): void {
  const { table, key } = LINK[kind];
  const ins = sql(db, `INSERT OR IGNORE INTO ${table} (${key}, tag_id) VALUES (?, ?)`);
  for (const t of tagIds) ins.run(id, t);
}

export function unlink(db: Database, kind: TagTarget, id: number, tagId: number): void {
  const { table, key } = LINK[kind];
  sql(db, `DELETE FROM ${table} WHERE ${key} = ? AND tag_id = ?`).run(id, tagId);
}
