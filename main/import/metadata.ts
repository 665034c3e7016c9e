// Fits what a file says about itself into what the store accepts: lengths trimmed to the limits,
// dates written as ISO, URLs and language tags kept only when well formed. Anything dropped is
// named in a warning, so the analyst knows to fill it in during review.
import { clip, LIMITS } from '../vocabulary';
import type { ParsedSource } from './types';

export interface SourceFields {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  format: ParsedSource['format'];
  body: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function fit(value: string | null, max: number): string | null {
  const t = value?.trim();
  return t ? clip(t, max) : null;
}

/** A time of day in the string, and whether a zone or offset follows it. */
const TIME = /\d{1,2}:\d{2}/;
const ZONED_TIME = /\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:z\b|(?:utc|gmt)\b|[+-]\d{1,2}(?::?\d{2})?\b|\(?[a-z]{1,4}t\)?(?:\s|$))/i;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Dates as written, in ISO form. An ISO date stays as it is; other strings a browser understands are
 * read without ever applying this machine's time zone: a bare date stays a calendar day
 * ("July 27, 2017" -> "2017-07-27"), a time written without a zone stays that wall-clock time with no
 * zone ("05/29/2007 09:49:00" -> "2007-05-29T09:49:00"), and only a time with a zone becomes an instant.
 */
export function isoDate(raw: string | null): string | null {
  const t = raw?.trim();
  if (!t) return null;
  if (ISO.test(t) && !Number.isNaN(Date.parse(t.length === 10 ? `${t}T00:00:00Z` : t))) return t;
  // "2026-03-01 14:30:00" and "2026-03-01T14:30:00+0100" are near misses of ISO worth repairing.
  const repaired = t.replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i, (_m, d: string, time: string, zone?: string) => {
    const z = zone ? (zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    return `${d}T${time}${z}`;
  });
  if (ISO.test(repaired) && !Number.isNaN(Date.parse(repaired))) return repaired;
  if (ZONED_TIME.test(t)) {
    const ms = Date.parse(t);
    return inRange(ms) ? new Date(ms).toISOString().replace(/\.000Z$/, 'Z') : null;
  }
  // No zone: read as if written in UTC and give back the fields, so no zone ever shifts them.
  const ms = Date.parse(`${t} UTC`);
  if (!inRange(ms)) return null;
  const d = new Date(ms);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!TIME.test(t)) return day;
  const seconds = d.getUTCSeconds() ? `:${pad(d.getUTCSeconds())}` : ':00';
  return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds}`;
}

function inRange(ms: number): boolean {
  if (Number.isNaN(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1000 && year <= 9999;
}

const isUrl = (s: string) => s.length <= LIMITS.urlChars && /^(https?|ftp|file|mailto):/i.test(s);
const isLanguage = (s: string) => s.length <= LIMITS.languageChars && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(s);

export function toSourceFields(parsed: ParsedSource): { fields: SourceFields; warnings: string[] } {
  const warnings: string[] = [];
  const m = parsed.metadata;
  const publishedAt = isoDate(m.publishedAt);
  if (m.publishedAt && !publishedAt) warnings.push(`The published date "${fit(m.publishedAt, 60)}" was not understood; enter it during review.`);
  const url = m.url?.trim() || null;
  if (url && !isUrl(url)) warnings.push('The address found in the file is not a usable URL; enter it during review.');
  const language = m.language?.trim() || null;
  return {
    fields: {
      title: fit(parsed.title, LIMITS.titleChars) ?? 'Untitled',
      outlet: fit(m.outlet, LIMITS.shortFieldChars),
      author: fit(m.author, LIMITS.shortFieldChars),
      url: url && isUrl(url) ? url : null,
      publishedAt,
      language: language && isLanguage(language) ? language : null,
      format: parsed.format,
      body: parsed.body,
    },
    warnings,
  };
}
