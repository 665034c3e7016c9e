// The store answers INVALID_INPUT with one sentence per problem, each prefixed by its field
// ("publishedAt: Dates are written YYYY-MM-DD."). Split it so each message sits under its field.
import { ApiError } from '../api/client';

export function fieldErrors(err: unknown, fields: readonly string[]): { byField: Record<string, string>; rest: string | null } {
  if (!(err instanceof ApiError) || err.code !== 'INVALID_INPUT') return { byField: {}, rest: null };
  const pattern = new RegExp(`(?:^|\\s)(${fields.join('|')}): `, 'g');
  const marks = [...err.message.matchAll(pattern)];
  const byField: Record<string, string> = {};
  if (marks.length === 0) return { byField, rest: err.message };
  const lead = err.message.slice(0, marks[0]?.index ?? 0).trim();
  marks.forEach((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = marks[i + 1]?.index ?? err.message.length;
    const field = m[1] as string;
    const text = err.message.slice(from, to).trim();
    byField[field] = byField[field] ? `${byField[field]} ${text}` : text;
  });
  return { byField, rest: lead || null };
}
