// Word forms. Russian, German and many other languages inflect: `Турцию` is a form of `Турция`,
// `западных стран` of `западные страны`. Every text is also stored as its words' Snowball stems
// (the *_stem tables of migration 0005), so a search for one form finds the others.
//
// The stems are computed here, in JS, when a row is written, and stored: the schema calls no JS.
// Triggers only note which rows changed (stem_pending); flushStems() stems them before the write
// commits. A change of stemmer (STEM_VERSION) re-stems the library once when it is opened.
//
// Each word is stemmed by the stemmer of its script's language in that text: the source's stated
// language where it names one, otherwise guessed from the text (common words for Latin script, the
// letters і/ї/є/ґ for Ukrainian). A query word is stemmed in every language the library holds for
// its script, so a text stemmed in German is found by a German stem whatever the query looks like.
// CJK text has no stems here: the trigram and CJK n-gram indexes serve it unchanged.
import type { Database } from 'better-sqlite3';
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as hungarian } from '@orama/stemmers/hungarian';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';
import { readMeta, writeMeta } from '../app-meta';
import { list, sql } from '../stmt';

/** Bump when stemming changes (a stemmer, the word rule, the language guess): stored stems are redone. */
export const STEM_VERSION = '1';

type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic';

interface Language {
  script: Script;
  stem: (word: string) => string;
}

export const LANGUAGES: Record<string, Language> = {
  en: { script: 'latin', stem: english },
  de: { script: 'latin', stem: german },
  fr: { script: 'latin', stem: french },
  es: { script: 'latin', stem: spanish },
  it: { script: 'latin', stem: italian },
  pt: { script: 'latin', stem: portuguese },
  nl: { script: 'latin', stem: dutch },
  sv: { script: 'latin', stem: swedish },
  da: { script: 'latin', stem: danish },
  no: { script: 'latin', stem: norwegian },
  fi: { script: 'latin', stem: finnish },
  hu: { script: 'latin', stem: hungarian },
  ro: { script: 'latin', stem: romanian },
  tr: { script: 'latin', stem: turkish },
  ru: { script: 'cyrillic', stem: russian },
  uk: { script: 'cyrillic', stem: ukrainian },
  el: { script: 'greek', stem: greek },
  ar: { script: 'arabic', stem: arabic },
};

/** Without any sign of the language, a script is stemmed as its most common language. */
const DEFAULT: Record<Script, string> = { latin: 'en', cyrillic: 'ru', greek: 'el', arabic: 'ar' };

const ALIASES: Record<string, string> = {
  nb: 'no', nn: 'no', english: 'en', german: 'de', deutsch: 'de', french: 'fr', français: 'fr', spanish: 'es', español: 'es',
  italian: 'it', portuguese: 'pt', dutch: 'nl', swedish: 'sv', danish: 'da', norwegian: 'no', finnish: 'fi', hungarian: 'hu',
  romanian: 'ro', turkish: 'tr', russian: 'ru', русский: 'ru', ukrainian: 'uk', українська: 'uk', greek: 'el', arabic: 'ar', العربية: 'ar',
};

/** The stemming language a stated language names ("ru", "ru-RU", "Russian"), or null. */
export function languageCode(stated: string | null | undefined): string | null {
  if (!stated) return null;
  const s = stated.trim().toLowerCase();
  const base = s.split(/[-_]/)[0] ?? '';
  const code = ALIASES[s] ?? ALIASES[base] ?? base;
  return code in LANGUAGES ? code : null;
}

function scriptOf(word: string): Script | null {
  const c = word.codePointAt(0) ?? 0;
  if (c < 0x250 || (c >= 0x1e00 && c < 0x1f00)) return 'latin';
  if (c >= 0x400 && c < 0x530) return 'cyrillic';
  if (c >= 0x370 && c < 0x400) return 'greek';
  if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780)) return 'arabic';
  return null; // CJK, Hebrew, Indic…: not stemmed
}

// Words: letters and digits with their marks; an apostrophe inside a word keeps it whole (l'état is
// split by the French stemmer's own rules only after lower-casing). Numbers are kept as they are.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

// A few of the commonest words of each Latin-script language: enough to tell them apart in a text.
const COMMON: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'for', 'with', 'was', 'said', 'on', 'are'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'ein', 'eine', 'sich', 'auf', 'für', 'dem', 'zu'],
  fr: ['le', 'les', 'et', 'des', 'est', 'une', 'du', 'dans', 'pour', 'pas', 'au', 'sur', 'qui', 'avec'],
  es: ['el', 'los', 'las', 'y', 'del', 'por', 'con', 'una', 'para', 'se', 'es', 'su', 'al', 'como'],
  it: ['il', 'che', 'di', 'per', 'non', 'una', 'sono', 'della', 'gli', 'con', 'del', 'alla', 'anche'],
  pt: ['os', 'não', 'uma', 'com', 'do', 'da', 'em', 'é', 'para', 'ao', 'dos', 'pelo', 'foi'],
  nl: ['het', 'een', 'en', 'van', 'dat', 'niet', 'op', 'met', 'voor', 'zijn', 'ook', 'werd'],
  sv: ['och', 'att', 'det', 'som', 'är', 'på', 'för', 'med', 'inte', 'av', 'till', 'har'],
};
const COMMON_INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(COMMON)) for (const w of words) COMMON_INDEX.set(w, [...(COMMON_INDEX.get(w) ?? []), lang]);

/** The language of each script in a text: the stated one for its script, otherwise a guess. */
export function languagesOf(text: string, stated: string | null | undefined): Record<Script, string> {
  const out = { ...DEFAULT };
  const code = languageCode(stated);
  const statedScript = code ? LANGUAGES[code]!.script : null;
  if (code && statedScript) out[statedScript] = code;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  if (statedScript !== 'cyrillic' && /[іїєґІЇЄҐ]/.test(sample)) out.cyrillic = 'uk';
  if (statedScript !== 'latin') {
    const votes = new Map<string, number>();
    let words = 0;
    for (const m of sample.toLowerCase().matchAll(/\p{Script=Latin}+/gu)) {
      for (const lang of COMMON_INDEX.get(m[0]) ?? []) votes.set(lang, (votes.get(lang) ?? 0) + 1);
      if (++words > 2_000) break;
    }
    let best = out.latin;
    let most = 0;
    for (const [lang, n] of votes) if (n > most) [best, most] = [lang, n];
    out.latin = best;
  }
  return out;
}

// Stemming a word costs ~0.7 µs; texts repeat their words, so each language remembers its recent ones.
const memo = new Map<string, Map<string, string>>();
function stemWord(lang: string, word: string): string {
  let m = memo.get(lang);
  if (!m) memo.set(lang, (m = new Map()));
  let s = m.get(word);
  if (s === undefined) {
    if (m.size > 50_000) m.clear();
    s = LANGUAGES[lang]!.stem(word).toLowerCase();
    m.set(word, s);
  }
  return s;
}

/** A word's stem in the text's languages; null for a word no stemmer here reads (CJK, Hebrew…). */
function stemIn(word: string, langs: Record<Script, string>): string | null {
  const script = scriptOf(word);
  return script ? stemWord(langs[script], word) : null;
}

/** A text as the space-separated stems of its words, in order: what the *_stem tables index. */
export function stemText(text: string, langs: Record<Script, string>): string {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const s = stemIn(m[0], langs);
    if (s) out.push(s);
  }
  return out.join(' ');
}

/** Words of a text with their offsets (into `text`, UTF-16) for marking word forms. */
export function* wordsOf(text: string): Generator<{ word: string; start: number; end: number }> {
  // Lower-casing can change a string's length (İ); words are then taken from the text as written.
  const lower = text.toLowerCase();
  const hay = lower.length === text.length ? lower : text;
  for (const m of hay.matchAll(WORD)) yield { word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length };
}

/** The stems of one query word in each language `langs` holds for its script; empty for CJK and the like. */
export function queryWordStems(word: string, langs: ReadonlySet<string>): string[] {
  const w = word.toLowerCase();
  const script = scriptOf(w);
  if (!script) return [];
  const out = new Set<string>();
  for (const lang of [DEFAULT[script], ...langs]) if (LANGUAGES[lang]?.script === script) out.add(stemWord(lang, w));
  return [...out];
}

/** The words of a query term, lower-cased. */
export const termWords = (term: string): string[] => [...term.toLowerCase().matchAll(WORD)].map((m) => m[0]);

// ---- the stored stems ---------------------------------------------------------------------------

type Kind = 'source' | 'quote' | 'claim';
const TABLES: Record<Kind, { table: string; cols: string[]; read: string }> = {
  source: { table: 'source_stem', cols: ['title', 'body'], read: 'SELECT id, title AS t0, body AS t1, language FROM source WHERE id IN (SELECT value FROM json_each(?))' },
  quote: {
    table: 'quote_stem',
    cols: ['exact', 'note'],
    read: 'SELECT q.id, q.exact AS t0, q.note AS t1, s.language FROM quote q JOIN source s ON s.id = q.source_id WHERE q.id IN (SELECT value FROM json_each(?))',
  },
  claim: { table: 'claim_stem', cols: ['text'], read: 'SELECT id, text AS t0, NULL AS language FROM claim WHERE id IN (SELECT value FROM json_each(?))' },
};

const held = new WeakMap<Database, Set<string>>();

/** The stemming languages of the library's texts: a query word is stemmed in each of its script's. */
export function libraryLanguages(db: Database): ReadonlySet<string> {
  let s = held.get(db);
  if (!s) {
    s = new Set(sql(db, 'SELECT lang FROM stem_language').pluck().all() as string[]);
    held.set(db, s);
  }
  return s;
}

function noteLanguages(db: Database, langs: Record<Script, string>): void {
  const known = libraryLanguages(db) as Set<string>;
  for (const lang of Object.values(langs)) {
    if (known.has(lang)) continue;
    sql(db, 'INSERT OR IGNORE INTO stem_language (lang) VALUES (?)').run(lang);
    known.add(lang);
  }
}

const BATCH = 500;

/** Stems every row the triggers marked since the last flush. Runs inside the caller's transaction. */
export function flushStems(db: Database): void {
  for (;;) {
    const pending = sql(db, `SELECT kind, id FROM stem_pending LIMIT ${BATCH}`).all() as { kind: Kind; id: number }[];
    if (pending.length === 0) return;
    for (const kind of ['source', 'quote', 'claim'] as const) {
      const ids = pending.filter((p) => p.kind === kind).map((p) => p.id);
      if (ids.length === 0) continue;
      const t = TABLES[kind];
      const rows = sql(db, t.read).all(list(ids)) as Record<string, string | number | null>[];
      const del = sql(db, `DELETE FROM ${t.table} WHERE rowid = ?`);
      const ins = sql(db, `INSERT INTO ${t.table} (rowid, ${t.cols.join(', ')}) VALUES (?, ${t.cols.map(() => '?').join(', ')})`);
      for (const r of rows) {
        const texts = t.cols.map((_, i) => (r[`t${i}`] as string | null) ?? '');
        const langs = languagesOf(texts.join('\n'), r.language as string | null);
        noteLanguages(db, langs);
        del.run(r.id);
        ins.run(r.id, ...texts.map((x) => stemText(x, langs)));
      }
      sql(db, 'DELETE FROM stem_pending WHERE kind = ? AND id IN (SELECT value FROM json_each(?))').run(kind, list(ids));
    }
  }
}

/** Marks every row for stemming when the stored stems were made by another STEM_VERSION, then stems them. */
export function refreshStems(db: Database): void {
  const stored = readMeta(db, 'stem_version');
  const pending = sql(db, 'SELECT 1 FROM stem_pending LIMIT 1').get();
  if (stored === STEM_VERSION && !pending) return;
  db.transaction(() => {
    if (stored !== STEM_VERSION) {
      db.exec(`INSERT OR IGNORE INTO stem_pending (kind, id) SELECT 'source', id FROM source;
        INSERT OR IGNORE INTO stem_pending (kind, id) SELECT 'quote', id FROM quote;
        INSERT OR IGNORE INTO stem_pending (kind, id) SELECT 'claim', id FROM claim;`);
      writeMeta(db, 'stem_version', STEM_VERSION);
    }
    flushStems(db);
  })();
}

/** True when rows wait for their stems (written by a path that bypassed write(), e.g. a bulk seed). */
export const stemsPending = (db: Database): boolean => sql(db, 'SELECT 1 FROM stem_pending LIMIT 1').get() !== undefined;
