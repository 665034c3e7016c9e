// Find in one source: every place its text holds what the analyst looks for, as UTF-16 ranges the
// reader can scroll to and mark. The reader draws only the paragraphs on screen, so the browser's own
// find cannot reach the rest; this works on the whole body. It matches as search does: a term as
// typed (ignoring case and Latin accents), or any form of its words (the same stems the index holds).
import { fold } from './rank';
import { languagesOf, queryWordStems, stemText, termWords, wordsOf } from './stems';

export interface Range {
  start: number;
  end: number;
}

export interface FindResult {
  matches: Range[];
  /** True when there were more than MAX_MATCHES and only the first are listed. */
  truncated: boolean;
}

export const MAX_MATCHES = 10_000;

/** The body folded as the index folds it, when folding keeps every offset; else lower case or as written. */
function foldedBody(body: string): { hay: string; fold: (s: string) => string } {
  const f = fold(body);
  if (f.length === body.length) return { hay: f, fold };
  const lower = body.toLowerCase();
  if (lower.length === body.length) return { hay: lower, fold: (s) => s.toLowerCase() };
  return { hay: body, fold: (s) => s };
}

interface Word extends Range {
  stem: string;
}

// Finding as the analyst types asks for the same body again and again: its words and stems are kept.
let cached: { body: string; language: string | null; words: Word[] } | null = null;

function stemmedWords(body: string, language: string | null): Word[] {
  if (cached && cached.body === body && cached.language === language) return cached.words;
  const langs = languagesOf(body, language);
  const words: Word[] = [];
  for (const w of wordsOf(body)) {
    const stem = stemText(w.word, langs);
    if (stem) words.push({ start: w.start, end: w.end, stem });
  }
  cached = { body, language, words };
  return words;
}

/**
 * Where `terms` occur in `body` (a source stated to be in `language`), in text order, overlaps
 * merged. `libraryLanguages` are the languages a query word is stemmed in, as for search.
 */
export function findInBody(body: string, terms: readonly string[], language: string | null, libraryLanguages: ReadonlySet<string>): FindResult {
  const found: Range[] = [];
  const { hay, fold: f } = foldedBody(body);
  for (const term of terms) {
    const needle = f(term);
    if (!needle) continue;
    for (let i = hay.indexOf(needle); i >= 0 && found.length <= MAX_MATCHES * 2; i = hay.indexOf(needle, i + needle.length)) found.push({ start: i, end: i + needle.length });
  }
  const phrases = terms.map((t) => termWords(t).map((w) => new Set(queryWordStems(w, libraryLanguages)))).filter((p) => p.length > 0 && p.every((v) => v.size > 0));
  if (phrases.length > 0) {
    const words = stemmedWords(body, language);
    for (const p of phrases) {
      for (let i = 0; i + p.length <= words.length && found.length <= MAX_MATCHES * 2; i += 1) {
        if (p.every((stems, j) => stems.has(words[i + j]!.stem))) found.push({ start: words[i]!.start, end: words[i + p.length - 1]!.end });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const matches: Range[] = [];
  for (const r of found) {
    const last = matches[matches.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else matches.push({ ...r });
  }
  return { matches: matches.slice(0, MAX_MATCHES), truncated: matches.length > MAX_MATCHES };
}
