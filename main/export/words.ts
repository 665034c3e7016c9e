// The words a reader of an exported brief sees for coded values. Shared by the PDF layout and the
// Markdown export so that both say the same thing; a reader without the app has no legend to look up.
import type { Credibility, Reliability } from '../../db/model';
import { credibilityLabel, reliabilityLabel } from '../vocabulary';

export { formatDate } from '../tradecraft/endnotes';
export { CONFIDENCE_WORDS, CREDIBILITY_WORDS, RELATION_WORDS, RELIABILITY_WORDS } from '../vocabulary';

export function reliabilityText(r: Reliability | null): string {
  return r ? reliabilityLabel(r) : 'not rated';
}

export function credibilityText(c: Credibility | null): string {
  return c ? credibilityLabel(c) : 'not rated';
}

/** A file name made from a title: letters and digits of any script kept, the rest collapsed to '-'. */
export function safeFileStem(title: string): string {
  const dashed = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code points so a surrogate pair is never split.
  const stem = Array.from(dashed).slice(0, 80).join('').replace(/-+$/g, '');
  return stem || 'brief';
}
