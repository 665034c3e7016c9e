import type { SourceMeta } from '../../../main/contract';

/** How a source is named in a citation tag: its outlet, else its title. */
export function sourceLabel(source: Pick<SourceMeta, 'outlet' | 'title'>): string {
  return source.outlet?.trim() || source.title;
}

// toLocaleDateString builds a formatter on every call (~1 ms each, per list row); build two once.
// A bare date is a calendar day, shown as written (UTC); a timestamp is shown in local time.
const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const localFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** "2026-03-01" or a full timestamp as a short date in the analyst's locale; null stays empty. */
export function shortDate(iso: string | null): string {
  if (!iso) return '';
  const bareDay = iso.length === 10;
  const d = new Date(bareDay ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (bareDay ? dayFormat : localFormat).format(d);
}

export { clip } from '../../../main/vocabulary';

const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/**
 * The first sentence of a claim, whole, however long it is up to `max` characters; past that it is
 * cut at a word and ends in "…". The ellipsis means "cut mid-sentence" and nothing else: a claim whose
 * later sentences are left out reads as the complete sentence it starts with.
 */
export function firstSentence(text: string, max = 1200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = sentences.segment(flat)[Symbol.iterator]().next().value?.segment.trim() ?? '';
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut.slice(0, max - 1)).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * What tells one passage from another in a citation tag, where several cite the same source (a PDF
 * passage's tag also shows its page): its first words, about 28 characters, whole words.
 */
export function passageHint(exact: string): string {
  const flat = exact.replace(/\s+/g, ' ').trim();
  if (flat.length <= 30) return flat;
  const cut = flat.slice(0, 28);
  const space = cut.lastIndexOf(' ');
  return `${(space > 12 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}
