// Export of a brief (PDF, Markdown, Word) and its audit trail. Implemented in main/export/.
import { z } from 'zod';
import type { ExportRecord } from '../../db/model';
import { id } from './fields';
import { method } from './method';
import { EXPORT_FORMATS } from '../vocabulary';

export interface ExportCheck {
  /** Claims with no citation: listed before export so the analyst can go on or go back. */
  uncitedClaims: { claimId: number; number: number; text: string }[];
  /** Cited passages that no longer match their source (exact text or body hash). Export stops on any. */
  problems: { claimId: number; claimNumber: number; citationNumber: number; quoteId: number; sourceTitle: string; reason: string }[];
  /** What the ICD 203 tradecraft check finds, claim by claim. Never stops an export. */
  tradecraft: { claimId: number; claimNumber: number; rule: string; message: string }[];
  /** The same check over the bottom line and the source summary statement the analyst wrote: their
   * words only (vague probability words, the other row, likelihood and confidence in one sentence). */
  proseTradecraft: { part: 'bottom-line' | 'source-summary'; rule: string; message: string }[];
  /** Cited sources whose ICD 206 endnote lacks fields (author, outlet, dates, type, URL). */
  endnoteGaps: { sourceId: number; title: string; missing: string[]; message: string }[];
  /** Gaps in the product template (author, cut-off date, dissemination, bottom line, source summary). */
  product: string[];
  /** Why the brief cannot be exported at all (no title of its own, nothing written), or null. */
  empty: string | null;
  /** Claims resting on a key assumption marked unsupported (Key Assumptions Check). Never stops an export. */
  assumptions: { claimId: number; claimNumber: number; assumptionId: number; message: string }[];
}

/** The check as the export review shows it, with a token that lets exportBrief reuse it. */
export interface ExportReview extends ExportCheck {
  /** Names this check; exportBrief given it skips checking again while the library has not changed since. */
  token: string;
}

export const exportMethods = {
  /** The audit trail: every export written, newest first. */
  exportRecords: method(z.strictObject({ briefId: id.optional() })).returns<ExportRecord[]>(),
  checkExport: method(z.strictObject({ briefId: id })).returns<ExportReview>(),
  /**
   * Checks the brief, writes the file and records it. The desktop app asks where to save in its own
   * save dialog (a cancelled dialog answers CANCELLED); browser mode writes into the data folder's
   * exports/ and answers with the address the browser downloads the file from.
   */
  exportBrief: method(
    z.strictObject({
      briefId: id,
      format: z.enum(EXPORT_FORMATS),
      /** The analyst chose to export although some claims cite nothing. */
      allowUncited: z.boolean().default(false),
      /** The token of the check the analyst reviewed: reused when nothing was written since, else the brief is checked again. */
      checkToken: z.string().max(100).optional(),
    }),
  ).returns<{ record: ExportRecord; pages: number | null; download: string | null }>(),
  /** Opens an earlier export with the system's program for its type (desktop app only). */
  openExport: method(z.strictObject({ recordId: id })).returns<{ opened: boolean }>(),
} as const;
