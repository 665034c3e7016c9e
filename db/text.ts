// Text rules for passages. Offsets are UTF-16 code units, as JavaScript strings count them, so the
// renderer's selection offsets and the store agree without conversion.
import { LIMITS } from '../main/vocabulary';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when offset i does not fall between the two halves of a surrogate pair. */
export function isCodePointBoundary(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return true;
  return !(isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i)));
}

/** Characters that never join a neighbour into one grapheme: no marks, joiners, surrogates, CR, Hangul jamo. */
const isPlain = (c: number) =>
  (c >= 0x20 && c < 0x7f) ||
  c === 0x0a ||
  c === 0x09 ||
  (c >= 0xa0 && c < 0x300 && c !== 0xad) ||
  (c >= 0x370 && c < 0x483) || // Greek and Cyrillic letters, before the Cyrillic combining marks
  (c >= 0x3000 && c < 0x302a) || // CJK punctuation, before the ideographic tone marks
  (c >= 0x3030 && c < 0x3099) || // and hiragana, before the kana voicing marks
  (c >= 0x30a0 && c < 0x3100) || // katakana
  (c >= 0x4e00 && c < 0xa000); // CJK ideographs

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** True when offset i is a user-perceived character boundary (not inside an emoji or before a combining mark). */
export function isGraphemeBoundary(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return true;
  if (!isCodePointBoundary(s, i)) return false;
  // Between two plain letters no segmentation rule can join them; skipping Intl.Segmenter here
  // makes creating a quote several times cheaper on Latin, Cyrillic, Greek and CJK text.
  if (isPlain(s.charCodeAt(i - 1)) && isPlain(s.charCodeAt(i))) return true;
  // Look at a window around i: clusters are short, so this stays cheap on long bodies.
  const from = Math.max(0, i - 64);
  const window = s.slice(from, Math.min(s.length, i + 64));
  for (const seg of graphemes.segment(window)) {
    const at = from + seg.index;
    if (at === i) return true;
    if (at > i) return false;
  }
  return false;
}

/** The W3C TextQuoteSelector context: up to 32 code units each side, never splitting a surrogate pair. */
export function quoteContext(body: string, start: number, end: number): { prefix: string; suffix: string } {
  let p = Math.max(0, start - LIMITS.quoteContextChars);
  if (!isCodePointBoundary(body, p)) p += 1;
  let q = Math.min(body.length, end + LIMITS.quoteContextChars);
  if (!isCodePointBoundary(body, q)) q -= 1;
  return { prefix: body.slice(p, start), suffix: body.slice(end, q) };
}

/** The check the store's trigger runs on every new quote. */
export function quoteMatchesBody(
  body: string | null,
  start: number,
  end: number,
  exact: string,
  prefix: string,
  suffix: string,
): boolean {
  if (body == null) return false;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= body.length)) return false;
  if (!isCodePointBoundary(body, start) || !isCodePointBoundary(body, end)) return false;
  if (body.slice(start, end) !== exact) return false;
  const ctx = quoteContext(body, start, end);
  return ctx.prefix === prefix && ctx.suffix === suffix;
}

/** Case folding for tag names: Unicode-aware, so "Запад" and "запад" are one tag. */
export function casefold(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim();
}

const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+/gu;
export const isCjk = (s: string): boolean => /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+$/u.test(s);

/** Each CJK character and each pair of neighbours, space-separated: the tokens of the *_cjk tables. */
export function cjkGrams(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(CJK_RUN)) {
    const chars = [...m[0]];
    for (let i = 0; i < chars.length; i += 1) {
      out.push(chars[i]!);
      if (i + 1 < chars.length) out.push(chars[i]! + chars[i + 1]!);
    }
  }
  return out.join(' ');
}
