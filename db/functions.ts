// Functions the schema's triggers and indexes call, versioned with the migrations that use them.
// Every connection registers them, read-only ones included: integrity_check evaluates the
// expression index on sm_casefold(name).
import type { Database as DB } from 'better-sqlite3';
import { casefold, cjkGrams, quoteMatchesBody } from './text';

/** Functions the schema's triggers and indexes call. Registered on every connection before use. */
export function registerFunctions(db: DB): void {
  db.function('sm_cjk_grams', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? cjkGrams(s) : ''));
  db.function('sm_casefold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? casefold(s) : s));
  db.function(
    'sm_quote_matches',
    { deterministic: true },
    (body: unknown, start: unknown, end: unknown, exact: unknown, prefix: unknown, suffix: unknown) =>
      quoteMatchesBody(
        typeof body === 'string' ? body : null,
        Number(start),
        Number(end),
        String(exact),
        String(prefix),
        String(suffix),
      )
        ? 1
        : 0,
  );
}
