// The reader draws a body as paragraphs cut into runs at quote boundaries; each run's offsets are
// what a selection is measured against, so the runs must tile the body exactly and name the right quotes.
import { describe, expect, it } from 'vitest';
import { paragraphAt, paragraphSpans, quotesByParagraph, splitParagraphs, trimRange, type QuoteRange } from '../../../renderer/src/reader/segments';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const ALPHABET = ['a', 'b', ' ', '\n', 'Я', '北', '😀', 'e\u0301'];

describe('reader segments', () => {
  it('splits paragraphs on newlines, keeping empty ones', () => {
    expect(splitParagraphs('ab\n\ncd')).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 3 },
      { start: 4, end: 6 },
    ]);
    expect(splitParagraphs('')).toEqual([{ start: 0, end: 0 }]);
  });

  it('finds the paragraph of an offset', () => {
    const ps = splitParagraphs('one\ntwo\nthree');
    expect([0, 3, 4, 7, 8, 12].map((at) => paragraphAt(ps, at))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('tiles every paragraph with runs that name exactly the quotes covering them (random bodies)', () => {
    const next = rng(42);
    for (let round = 0; round < 300; round++) {
      let body = '';
      const len = 1 + Math.floor(next() * 60);
      while (body.length < len) body += ALPHABET[Math.floor(next() * ALPHABET.length)];
      const quotes: QuoteRange[] = [];
      for (let i = 0; i < 1 + Math.floor(next() * 5); i++) {
        const a = Math.floor(next() * body.length);
        const b = a + 1 + Math.floor(next() * (body.length - a));
        quotes.push({ id: i + 1, start: a, end: Math.min(b, body.length) });
      }
      const paragraphs = splitParagraphs(body);
      const byParagraph = quotesByParagraph(paragraphs, quotes);
      for (const [i, p] of paragraphs.entries()) {
        const spans = paragraphSpans(p, byParagraph[i] ?? []);
        if (p.end === p.start) {
          expect(spans).toEqual([]);
          continue;
        }
        expect(spans[0]?.start).toBe(p.start);
        expect(spans.at(-1)?.end).toBe(p.end);
        for (let k = 1; k < spans.length; k++) expect(spans[k]?.start).toBe(spans[k - 1]?.end);
        for (const span of spans) {
          const expected = quotes.filter((q) => q.start < span.end && q.end > span.start).map((q) => q.id).sort();
          expect([...span.quoteIds].sort()).toEqual(expected);
          // No run straddles a quote boundary.
          for (const q of quotes) {
            expect(q.start > span.start && q.start < span.end).toBe(false);
            expect(q.end > span.start && q.end < span.end).toBe(false);
          }
        }
      }
    }
  });

  it('drops white space around a selection, and refuses an all-space one', () => {
    const body = '  Запад  \n x';
    expect(trimRange(body, 0, 9)).toEqual({ start: 2, end: 7 });
    expect(trimRange(body, 9, 0)).toEqual({ start: 2, end: 7 });
    expect(trimRange(body, 7, 11)).toBeNull();
  });
});
