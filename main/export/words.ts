// The words a reader of an exported brief sees for coded values. Shared by the PDF layout and the
// Markdown export so that both say the same thing; a reader without the app has no legend to look up.
import type { Credibility, Reliability } from '../../db/model';
import { CREDIBILITY_WORDS, RELIABILITY_WORDS } from '../vocabulary';

export { CONFIDENCE_WORDS, CREDIBILITY_WORDS, RELATION_WORDS, RELIABILITY_WORDS } from '../vocabulary';

export function reliabilityText(r: Reliability | null): string {
  return r ? `${r} — ${RELIABILITY_WORDS[r]}` : 'not rated';
}

export function credibilityText(c: Credibility | null): string {
  return c ? `${c} — ${CREDIBILITY_WORDS[c]}` : 'not rated';
}

/**
 * Dates as stored are YYYY-MM-DD or ISO timestamps. A date stays as written; a timestamp is shown
 * in UTC to the minute, so the same file reads the same wherever it is opened.
 */
export function formatDate(value: string | null): string {
  if (!value) return 'not recorded';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
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
