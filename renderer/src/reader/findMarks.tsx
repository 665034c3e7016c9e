// A run of the reader's text with the find matches inside it marked; the current match is named, so
// assistive technology and tests can tell where find has landed. Every piece carries data-start, its
// offset in the body, as the reader's runs do (selection.ts maps a selection through it).
import type { ReactNode } from 'react';
import type { QuoteRange } from './segments';

/** `hits` are the matches overlapping the paragraph, each with its index as id. */
export function markFound(body: string, start: number, end: number, hits: readonly QuoteRange[], current: number): ReactNode {
  if (hits.length === 0) return body.slice(start, end);
  const out: ReactNode[] = [];
  let at = start;
  for (const h of hits) {
    if (h.end <= at || h.start >= end) continue;
    const from = Math.max(h.start, at);
    const to = Math.min(h.end, end);
    if (from > at) out.push(plain(body, at, from));
    const text = body.slice(from, to);
    out.push(
      h.id === current ? (
        <mark key={from} data-start={from} className="find-hit current" data-find-current="" aria-label={`Current match: ${body.slice(h.start, h.end)}`}>
          {text}
        </mark>
      ) : (
        <mark key={from} data-start={from} className="find-hit">
          {text}
        </mark>
      ),
    );
    at = to;
  }
  if (at < end) out.push(plain(body, at, end));
  return out;
}

const plain = (body: string, from: number, to: number) => (
  <span key={from} data-start={from}>
    {body.slice(from, to)}
  </span>
);
