// A source body cut into what the reader draws: paragraphs (one virtual row each, split on \n) and,
// inside a paragraph, runs of text covered by the same set of quotes. Offsets are UTF-16 code units
// into the body, the same units the store uses for quotes.

export interface Paragraph {
  start: number;
  end: number; // exclusive; the \n after it is not part of it
}

export interface Span {
  start: number;
  end: number;
  quoteIds: number[];
}

export interface QuoteRange {
  id: number;
  start: number;
  end: number;
}

export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (;;) {
    const nl = body.indexOf('\n', start);
    if (nl === -1) {
      out.push({ start, end: body.length });
      return out;
    }
    out.push({ start, end: nl });
    start = nl + 1;
  }
}

/** Index of the paragraph holding offset `at` (binary search over paragraph starts). */
export function paragraphAt(paragraphs: Paragraph[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((paragraphs[mid] as Paragraph).start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each paragraph, the quotes that overlap it. Built once per body and quote list. */
export function quotesByParagraph(paragraphs: Paragraph[], quotes: QuoteRange[]): QuoteRange[][] {
  const out: QuoteRange[][] = paragraphs.map(() => []);
  for (const q of quotes) {
    const first = paragraphAt(paragraphs, q.start);
    for (let i = first; i < paragraphs.length; i++) {
      const p = paragraphs[i] as Paragraph;
      if (p.start >= q.end) break;
      if (q.end > p.start && q.start < Math.max(p.end, p.start + 1)) (out[i] as QuoteRange[]).push(q);
    }
  }
  return out;
}

/** Cuts one paragraph at every quote boundary inside it. */
export function paragraphSpans(p: Paragraph, quotes: QuoteRange[]): Span[] {
  if (p.end === p.start) return [];
  const cuts = new Set<number>([p.start, p.end]);
  for (const q of quotes) {
    if (q.start > p.start && q.start < p.end) cuts.add(q.start);
    if (q.end > p.start && q.end < p.end) cuts.add(q.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const spans: Span[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const quoteIds = quotes.filter((q) => q.start < end && q.end > start).map((q) => q.id);
    spans.push({ start, end, quoteIds });
  }
  return spans;
}

/** The selected range with surrounding white space dropped; null when nothing but space is selected. */
export function trimRange(body: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(body.length, Math.max(start, end));
  while (s < e && /\s/.test(body[s] as string)) s++;
  while (e > s && /\s/.test(body[e - 1] as string)) e--;
  return e > s ? { start: s, end: e } : null;
}
