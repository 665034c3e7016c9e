// A phrase pasted from an article ("tions report strike the t") has ~20 trigrams, most of them
// common, and FTS5 checks their positions against each other in every document holding them all:
// ~8.5 ms over 10,000 sources for one hit. A NEAR group of four letter-only trigrams spread over
// the phrase, within the phrase's length, holds for every document with the phrase and costs a
// third of that; the few documents it finds are then checked for the whole phrase here, folded as
// the trigram tokenizer folds. Where that folding could disagree with the index (letters whose
// case or accents FTS5 and JS treat differently), or the group finds too many documents to check
// cheaply, the caller evaluates the phrase itself as before.
import type { Database } from 'better-sqlite3';
import type { KindSpec } from './kinds';
import { fold } from './rank';
import { list, sql } from '../stmt';

const PICKS = 5;
const CHECK_MAX = 100; // documents checked in JS; decoding a Cyrillic source costs ~40 µs
const MIN_CHARS = 12; // shorter phrases have too few trigrams to choose from and are cheap anyway

// Characters whose lower case or accent removal differs between JS and FTS5's tables, or that
// toLowerCase treats by context (final sigma) or turns into two characters (İ).
const UNSURE = /[ßẞıİςΣøØđĐłŁħĦŧŦæÆœŒþÞðÐ]|[\u0300-\u036f]/;
/**
 * Up to PICKS distinct letter-only trigrams of the folded phrase, from as many of its words as
 * possible, longest words first: the middle trigram of each, then their first and last ones.
 * Words under four letters ("the", "and") are used only when there is nothing else: they are in
 * nearly every document, and their long position lists are what make the phrase slow.
 */
export function anchorTrigrams(phrase: string): string[] | null {
  const folded = fold(phrase);
  if ([...folded].length < MIN_CHARS) return null;
  const all = (folded.match(/[\p{L}\p{N}]{3,}/gu) ?? []).map((w) => [...w]);
  const long = all.filter((w) => w.length >= 4);
  const words = (long.length > 0 ? long : all).sort((a, b) => b.length - a.length);
  const picks: string[] = [];
  const at = (w: string[], i: number) => w.slice(i, i + 3).join('');
  for (const choose of [(w: string[]) => at(w, (w.length - 3) >> 1), (w: string[]) => at(w, 0), (w: string[]) => at(w, w.length - 3)]) {
    for (const w of words) {
      const g = choose(w);
      if (picks.length < PICKS && !picks.includes(g)) picks.push(g);
    }
  }
  return picks.length >= 2 ? picks : null;
}

/**
 * The ids of every document of kind `k` holding `phrase` (one term, no other condition), in rowid
 * order; null when this shortcut cannot answer for sure and the phrase must go to FTS5 whole.
 */
export function phraseMatches(db: Database, k: KindSpec, phrase: string): number[] | null {
  const picks = anchorTrigrams(phrase);
  if (!picks || UNSURE.test(phrase)) return null;
  const near = `NEAR(${picks.map((g) => `"${g}"`).join(' ')}, ${[...phrase].length})`;
  const ids = sql(db, `SELECT rowid FROM ${k.fts} WHERE ${k.fts} MATCH ? LIMIT ${CHECK_MAX + 1}`).pluck().all(near) as number[];
  if (ids.length > CHECK_MAX) return null;
  if (ids.length === 0) return [];
  const cols = k.likeCols.map((c, i) => `${c} AS t${i}`).join(', ');
  const rows = sql(db, `SELECT x.id, ${cols} FROM ${k.table} WHERE x.id IN (SELECT value FROM json_each(?))`).all(list(ids)) as Record<string, string | number | null>[];
  const needle = fold(phrase);
  const found: number[] = [];
  for (const r of rows) {
    const texts = k.likeCols.map((_, i) => (r[`t${i}`] as string | null) ?? '');
    if (texts.some((t) => UNSURE.test(t))) return null;
    if (texts.some((t) => fold(t).includes(needle))) found.push(r.id as number);
  }
  return found.sort((a, b) => a - b);
}
