// The building blocks every area's schemas share: ids, text with limits stated in the analyst's
// terms, dates that exist in the calendar, and the coded values of the shared vocabulary.
import { z } from 'zod';
import { LIMITS } from '../vocabulary';
import { CONFIDENCES, CREDIBILITIES, LIKELIHOOD_ROWS, LIKELIHOODS, RELATIONS, RELIABILITIES, SOURCE_FORMATS, SOURCE_TYPES } from '../vocabulary';

export const id = z.number().int().positive();

/** A NUL is never part of what an analyst writes, and SQLite's length() stops at it: text holding one
 * is refused here rather than coming back from the store's CHECK constraints as "constraint failed". */
export const hasNoNul = (v: string): boolean => !v.includes('\u0000');
export const nulMessage = (field: string): string => `${field} contains a NUL character (U+0000), which text cannot hold; remove it and try again.`;

/** A string with a limit the error message states in the analyst's terms. */
export function text(field: string, max: number, opts: { min?: number } = {}) {
  let s = z.string({ error: `${field} must be text.` });
  if (opts.min) s = s.min(opts.min, { error: `${field} cannot be empty.` });
  return s
    .max(max, { error: (iss) => `${field} is ${String((iss.input as string).length)} characters; the limit is ${max}.` })
    .refine(hasNoNul, { error: nulMessage(field) });
}
export const requiredText = (field: string, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), text(field, max, { min: 1 }));
/** Optional metadata: empty or whitespace-only text means "not set". */
const optionalText = (field: string, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    text(field, max).nullable().optional());

/** V8's Date.parse accepts 2026-02-31 (it rolls over to March); check the day exists in its month,
 * and that a time, when given, is a real time of day. */
function isRealDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return false;
  return s.length === 10 || !Number.isNaN(Date.parse(s));
}

export const isoDate = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, {
      error: 'Dates are written YYYY-MM-DD (optionally with a time, e.g. 2026-03-01T14:30Z).',
    })
    .refine(isRealDate, { error: (iss) => `${String(iss.input)} is not a date in the calendar.` })
    .nullable()
    .optional(),
);
export const url = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .max(LIMITS.urlChars, { error: `The URL is longer than ${LIMITS.urlChars} characters.` })
    .refine((s) => /^(https?|ftp|file|mailto):/i.test(s), { error: 'The URL must start with http://, https://, ftp://, file:// or mailto:.' })
    .nullable()
    .optional(),
);

export const reliability = z.enum(RELIABILITIES, { error: 'Reliability is a letter from A (reliable) to F (cannot be judged).' });
export const credibility = z.literal([...CREDIBILITIES], { error: 'Credibility is a number from 1 (confirmed) to 6 (cannot be judged).' });
export const confidence = z.enum(CONFIDENCES, { error: 'Confidence is low, moderate or high.' });
export const likelihood = z.enum(LIKELIHOODS, { error: 'Likelihood is one of the seven ICD 203 levels, from almost no chance to almost certain.' });
export const likelihoodRow = z.enum(LIKELIHOOD_ROWS, { error: 'The likelihood words are the likely/unlikely row or the probable/improbable row.' });
export const relation = z.enum(RELATIONS, { error: 'A citation supports, contradicts or gives context.' });
export const sourceFormat = z.enum(SOURCE_FORMATS);
export const sourceType = z.enum(SOURCE_TYPES, { error: 'The source type is one of the ICD 206 types (news article, official statement, …).' });
const dayDate = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'The cut-off date is written YYYY-MM-DD.' })
    .refine(isRealDate, { error: (iss) => `${String(iss.input)} is not a date in the calendar.` })
    .nullable()
    .optional(),
);
/** The product template of a brief: everything but title, marking and bottom line. */
export const briefTemplateFields = {
  author: text('The author', LIMITS.shortFieldChars),
  organisation: text('The organisation', LIMITS.shortFieldChars),
  dissemination: text('The dissemination line', LIMITS.shortFieldChars),
  cutoffDate: dayDate,
  portionMark: text('The portion mark', LIMITS.portionMarkChars).refine((s) => !/[()\n]/.test(s), { error: 'Write the portion mark without brackets, e.g. U or CUI.' }),
  likelihoodRow,
  sourceSummary: text('The source summary statement', LIMITS.summaryChars),
};
export const tagTarget = z.object({ kind: z.enum(['source', 'quote', 'claim']), id });
export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'A colour is written #rrggbb.' });

export const sourceMetaFields = {
  title: requiredText('The title', LIMITS.titleChars),
  outlet: optionalText('The outlet', LIMITS.shortFieldChars),
  author: optionalText('The author', LIMITS.shortFieldChars),
  url,
  publishedAt: isoDate,
  accessedAt: isoDate,
  language: optionalText('The language', LIMITS.languageChars),
  reliability: reliability.nullable().optional(),
  sourceType: sourceType.nullable().optional(),
};
