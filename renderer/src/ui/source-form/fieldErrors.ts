// The store answers INVALID_INPUT with a sentence per problem and, in its details, each problem with
// the path of its field ("publishedAt", "patch.url"). This puts each message under its field.
import type { FieldIssue } from '../../../../main/contract';
import { ApiError } from '../../api/client';

function issuesOf(err: ApiError): FieldIssue[] | null {
  const fields = (err.details as { fields?: unknown } | undefined)?.fields;
  return Array.isArray(fields) ? (fields as FieldIssue[]) : null;
}

export function fieldErrors(err: unknown, fields: readonly string[]): { byField: Record<string, string>; rest: string | null } {
  if (!(err instanceof ApiError) || err.code !== 'INVALID_INPUT') return { byField: {}, rest: null };
  const issues = issuesOf(err);
  if (!issues) return { byField: {}, rest: err.message };
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const { field, message } of issues) {
    if (fields.includes(field)) byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
    else rest.push(message);
  }
  return { byField, rest: rest.length ? rest.join(' ') : null };
}
