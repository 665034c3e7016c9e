// Every call across the process boundary, declared once: name, input schema, result type.
// The IPC registry, the preload bridge, the HTTP handler and the renderer's client are all derived
// from this object, so a method added here is available everywhere with no second list to update.
import { z } from 'zod';
import type {
  BriefFull,
  BriefMeta,
  BriefSummary,
  Citation,
  CitingClaim,
  Claim,
  ExportRecord,
  Page,
  Quote,
  QuoteWithUse,
  SearchResult,
  Source,
  SourceSummary,
  Tag,
  TagWithUse,
} from '../db/model';
import type { ErrorValue } from '../db/errors';
import { method } from './contract/method';
import { CONFIDENCES, CREDIBILITIES, LIKELIHOOD_ROWS, LIKELIHOODS, LIMITS, RELATIONS, RELIABILITIES, SOURCE_FORMATS, SOURCE_TYPES } from './vocabulary';
import { exportMethods } from './contract/export';
import { importMethods } from './contract/import';
import { shellMethods } from './contract/shell';
import { searchMethods } from './contract/search';
import { librarySafetyMethods } from './contract/library-safety';
import { historyMethods } from './contract/history';
import { bundleMethods } from './contract/bundle';
import { analysisMethods } from './contract/analysis';

export type * from '../db/model';
export type { ErrorValue, ErrorCode, FieldIssue } from '../db/errors';
export type * from './contract/library-safety';
export type { Analysis } from './contract/analysis';
export { LIMITS } from './vocabulary';

// ---- building blocks -------------------------------------------------------------------------

export const id = z.number().int().positive();

/** A string with a limit the error message states in the analyst's terms. */
function text(field: string, max: number, opts: { min?: number } = {}) {
  let s = z.string({ error: `${field} must be text.` });
  if (opts.min) s = s.min(opts.min, { error: `${field} cannot be empty.` });
  return s.max(max, { error: (iss) => `${field} is ${String((iss.input as string).length)} characters; the limit is ${max}.` });
}
const requiredText = (field: string, max: number) =>
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

const isoDate = z.preprocess(
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
const url = z.preprocess(
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
/** The product template of a brief (issue 11): everything but title, marking and bottom line. */
const briefTemplateFields = {
  author: text('The author', LIMITS.shortFieldChars),
  organisation: text('The organisation', LIMITS.shortFieldChars),
  dissemination: text('The dissemination line', LIMITS.shortFieldChars),
  cutoffDate: dayDate,
  portionMark: text('The portion mark', LIMITS.portionMarkChars).refine((s) => !/[()\n]/.test(s), { error: 'Write the portion mark without brackets, e.g. U or CUI.' }),
  likelihoodRow,
  sourceSummary: text('The source summary statement', LIMITS.summaryChars),
};
export const tagTarget = z.object({ kind: z.enum(['source', 'quote', 'claim']), id });
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'A colour is written #rrggbb.' });

const sourceMetaFields = {
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

// ---- the methods -----------------------------------------------------------------------------

export const contract = {
  // sources
  addSource: method(
    z.strictObject({
      ...sourceMetaFields,
      format: sourceFormat.default('text'),
      body: z
        .string({ error: 'The text of the source is missing.' })
        .refine((s) => s.trim().length > 0, { error: 'The source has no text.' })
        .refine((s) => s.length <= LIMITS.bodyChars, {
          error: (iss) => `The text is ${String((iss.input as string).length)} characters; the limit is ${LIMITS.bodyChars}.`,
        }),
      tagIds: z.array(id).max(50).optional(),
    }),
  ).returns<{ source: SourceSummary; created: boolean }>(),
  listSources: method(
    z.strictObject({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(LIMITS.pageSize).default(100),
      tagId: id.nullable().optional(),
      /** Filters by title, outlet or author (substring, case-insensitive). */
      filter: z.string().max(LIMITS.searchChars).optional(),
    }),
  ).returns<Page<SourceSummary>>(),
  getSource: method(z.strictObject({ id })).returns<Source>(),
  updateSource: method(
    z.strictObject({
      id,
      patch: z.strictObject({ ...sourceMetaFields, title: sourceMetaFields.title.optional() }).partial(),
    }),
  ).returns<SourceSummary>(),
  deleteSource: method(z.strictObject({ id, removeCitations: z.boolean().default(false) })).returns<{
    deletedQuotes: number;
    removedCitations: number;
  }>(),

  // quotes (passages)
  createQuote: method(
    z.strictObject({
      sourceId: id,
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      /** The text the analyst selected; when given it must equal the body slice. */
      exact: z.string().max(LIMITS.bodyChars).optional(),
      note: text('The note', LIMITS.noteChars).default(''),
      credibility: credibility.nullable().optional(),
      tagIds: z.array(id).max(50).optional(),
    }),
  ).returns<QuoteWithUse>(),
  getQuote: method(z.strictObject({ id })).returns<QuoteWithUse>(),
  listQuotes: method(
    z.strictObject({
      sourceId: id.optional(),
      tagId: id.nullable().optional(),
      /** A credibility from 1 to 6, or "none" for passages not rated. */
      credibility: z.union([credibility, z.literal('none')], { error: 'Credibility is a number from 1 to 6, or "none" for passages not rated.' }).optional(),
      /** true: only passages cited by a claim; false: only passages no claim cites. */
      cited: z.boolean().optional(),
      /** "source": by source, then place in the text; "newest": the latest quoted first. */
      order: z.enum(['source', 'newest'], { error: 'Order is "source" or "newest".' }).default('source'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5_000).default(1_000),
    }),
  ).returns<Page<QuoteWithUse>>(),
  updateQuote: method(
    z.strictObject({ id, note: text('The note', LIMITS.noteChars).optional(), credibility: credibility.nullable().optional() }),
  ).returns<QuoteWithUse>(),
  deleteQuote: method(z.strictObject({ id, removeCitations: z.boolean().default(false) })).returns<{
    quote: Quote;
    removedCitations: Citation[];
  }>(),

  // briefs
  createBrief: method(
    z.strictObject({
      title: requiredText('The title', LIMITS.titleChars),
      marking: text('The marking', LIMITS.shortFieldChars).default('UNCLASSIFIED'),
      summary: text('The summary', LIMITS.summaryChars).default(''),
      ...z.strictObject(briefTemplateFields).partial().shape,
    }),
  ).returns<BriefMeta>(),
  listBriefs: method(z.strictObject({})).returns<BriefSummary[]>(),
  getBrief: method(z.strictObject({ id })).returns<BriefFull>(),
  updateBrief: method(
    z.strictObject({
      id,
      title: requiredText('The title', LIMITS.titleChars).optional(),
      marking: text('The marking', LIMITS.shortFieldChars).optional(),
      summary: text('The summary', LIMITS.summaryChars).optional(),
      ...z.strictObject(briefTemplateFields).partial().shape,
    }),
  ).returns<BriefMeta>(),
  deleteBrief: method(z.strictObject({ id })).returns<{ deletedClaims: number }>(),

  // claims
  addClaim: method(
    z.strictObject({
      briefId: id,
      text: text('The claim', LIMITS.claimChars),
      confidence: confidence.nullable().optional(),
      likelihood: likelihood.nullable().optional(),
      /** Insert after this claim; null puts it first; omitted appends at the end. */
      afterId: id.nullable().optional(),
    }),
  ).returns<Claim>(),
  updateClaim: method(
    z.strictObject({
      id,
      text: text('The claim', LIMITS.claimChars).optional(),
      confidence: confidence.nullable().optional(),
      likelihood: likelihood.nullable().optional(),
    }),
  ).returns<Claim>(),
  moveClaim: method(z.strictObject({ id, afterId: id.nullable() })).returns<Claim>(),
  deleteClaim: method(z.strictObject({ id })).returns<{ claim: Claim; citations: Citation[]; tagIds: number[] }>(),

  // citations
  addCitation: method(
    z.strictObject({
      claimId: id,
      quoteId: id,
      relation: relation.default('supports'),
      /** Insert after this citation of the same claim; null puts it first; omitted appends. */
      afterId: id.nullable().optional(),
    }),
  ).returns<Citation>(),
  updateCitation: method(z.strictObject({ id, relation })).returns<Citation>(),
  moveCitation: method(z.strictObject({ id, afterId: id.nullable() })).returns<Citation>(),
  removeCitation: method(z.strictObject({ id })).returns<Citation>(),

  // tags
  createTag: method(z.strictObject({ name: requiredText('The tag name', LIMITS.tagNameChars), colour: colour.optional() })).returns<Tag>(),
  listTags: method(z.strictObject({})).returns<TagWithUse[]>(),
  updateTag: method(z.strictObject({ id, name: requiredText('The tag name', LIMITS.tagNameChars).optional(), colour: colour.optional() })).returns<Tag>(),
  deleteTag: method(z.strictObject({ id })).returns<{ detached: number }>(),
  attachTag: method(z.strictObject({ tagId: id, target: tagTarget })).returns<Tag[]>(),
  detachTag: method(z.strictObject({ tagId: id, target: tagTarget })).returns<Tag[]>(),

  // search and backlinks
  search: method(
    z.strictObject({
      query: z
        .string()
        .max(LIMITS.searchChars, { error: `A search is at most ${LIMITS.searchChars} characters.` })
        // Found by the contract fuzz: a NUL reached FTS5 as an "unterminated string" INTERNAL error.
        .refine((q) => !q.includes('\0'), { error: 'A search cannot contain a NUL character.' }),
      kinds: z.array(z.enum(['source', 'quote', 'claim'])).optional(),
      limit: z.number().int().min(1).max(50).default(50),
      /** Also find other forms of the words (Турция → Турцию); false matches them only as typed. */
      wordForms: z.boolean().default(true),
    }),
  ).returns<SearchResult>(),
  claimsCitingQuote: method(z.strictObject({ quoteId: id })).returns<CitingClaim[]>(),
  sourceBacklinks: method(z.strictObject({ sourceId: id })).returns<QuoteWithUse[]>(),

  // export (issue 4) and audit trail
  exportRecords: method(z.strictObject({ briefId: id.optional() })).returns<ExportRecord[]>(),

  // the app
  appInfo: method(z.strictObject({})).returns<{ version: string; dataDir: string; schemaVersion: number; mode: 'electron' | 'web' }>(),

  ...historyMethods,
  ...analysisMethods,
  ...exportMethods,
  ...importMethods,
  ...shellMethods,
  ...searchMethods,
  ...librarySafetyMethods,
  ...bundleMethods,
} as const;

export type { Method } from './contract/method';
export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodResult<K extends MethodName> = NonNullable<Contract[K]['__result']>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

/** What the back end implements: one function per method, taking the parsed input. */
export type Service = { [K in MethodName]: (input: ParsedInput<K>) => MethodResult<K> | Promise<MethodResult<K>> };

/** What the renderer calls: one async function per method, taking the raw input. */
export type Client = { [K in MethodName]: (input: MethodInput<K>) => Promise<MethodResult<K>> };

/** The preload bridge's shape: like Client, but it hands back the Result envelope unchanged. */
export type Bridge = { [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodResult<K>>> };

export const methodNames = Object.keys(contract) as MethodName[];

export type ExportMethodName = keyof typeof exportMethods;
export type ImportMethodName = keyof typeof importMethods;
export type ShellMethodName = keyof typeof shellMethods;
export type LibrarySafetyMethodName = keyof typeof librarySafetyMethods;
export type BundleMethodName = keyof typeof bundleMethods;
/** Methods served by the library service (main/service/library*.ts). */
export type LibraryMethodName = Exclude<MethodName, ExportMethodName | ImportMethodName | ShellMethodName | LibrarySafetyMethodName | BundleMethodName>;
