// Functions SQLite calls back into. Every connection registers them, read-only ones included.
//  - The _v1 helpers are what the schema's triggers call since migration 10; their code is frozen in
//    that migration's module, so editing db/text.ts cannot change what an existing file's triggers do.
//  - sm_quote_matches, sm_cjk_grams and sm_casefold are the names migrations 1 and 2 call while they
//    run (and an unmigrated file's triggers and index, until migration 10 replaces them); they keep the
//    meaning they had then, which is the v1 rule.
//  - sm_casefold is also used by queries (a source's title filter), which match with today's folding.
import type { Database as DB } from 'better-sqlite3';
import { cjkGramsV1, foldV1, quoteMatchesV1, registerFunctions as registerV1 } from './migrations/0010-stable-schema';

export function registerFunctions(db: DB): void {
  registerV1(db);
  db.function('sm_cjk_grams', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? cjkGramsV1(s) : ''));
  db.function('sm_casefold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldV1(s) : s));
  db.function('sm_quote_matches', { deterministic: true }, (body: unknown, start: unknown, end: unknown, exact: unknown, prefix: unknown, suffix: unknown) =>
    quoteMatchesV1(typeof body === 'string' ? body : null, Number(start), Number(end), String(exact), String(prefix), String(suffix)) ? 1 : 0,
  );
}
