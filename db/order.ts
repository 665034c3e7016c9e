// Order and identity shared by claims and citations. Both are kept in order by fractional-index
// keys (moving one rewrites one row, and keys sort as plain strings), and neither reuses an id.
import type { Database } from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import { AppError, notFound } from './errors';
import { sql } from './stmt';

export type Ordered = 'claim' | 'citation';

// A position between an anchor row and the row that follows it in the same group (a brief's claims,
// or a claim's citations). anchor undefined = append; null = first. The moving row itself is skipped.
export function positionAfter(db: Database, table: Ordered, group: string, groupId: number, anchorPos: string | null | undefined, skipId: number | null): string {
  const skip = skipId ?? -1;
  if (anchorPos === undefined) {
    const last = sql(db, `SELECT max(position) AS p FROM ${table} WHERE ${group} = ? AND id <> ?`).get(groupId, skip) as { p: string | null };
    return generateKeyBetween(last.p, null);
  }
  const next = sql(db, `SELECT min(position) AS p FROM ${table} WHERE ${group} = ? AND id <> ? AND (? IS NULL OR position > ?)`).get(
    groupId,
    skip,
    anchorPos,
    anchorPos,
  ) as { p: string | null };
  return generateKeyBetween(anchorPos, next.p);
}

export function anchorPosition(db: Database, table: Ordered, group: string, groupId: number, afterId: number | null | undefined, what: string, owner: string): string | null | undefined {
  if (afterId === undefined || afterId === null) return afterId;
  const r = sql(db, `SELECT position, ${group} AS g FROM ${table} WHERE id = ?`).get(afterId) as { position: string; g: number } | undefined;
  if (!r) throw notFound(what, afterId);
  if (r.g !== groupId) throw new AppError('INVALID_INPUT', `${what} ${afterId} belongs to another ${owner}; it can only be placed among its own.`);
  return r.position;
}

// A new row's id goes above every id used so far, deleted ones included: undo puts a deleted row back
// under its old id, and the history's later steps name rows by id (see migrations 4 and 9).
export const nextId = (table: Ordered | 'ach_hypothesis' | 'ach_row' | 'key_assumption') =>
  `(SELECT max((SELECT coalesce(max(id), 0) FROM ${table}), (SELECT coalesce(max(max_id), 0) FROM retired_id WHERE name = '${table}')) + 1)`;

