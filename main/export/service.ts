// Export of a brief: check every cited passage against the store, lay the brief out, print or
// write Markdown, save the file, and record what left the app (export_record with the file's hash).
import crypto from 'node:crypto';
import path from 'node:path';
import { getBriefFull } from '../../db/briefs';
import { libraryRevision } from '../../db/connection';
import { AppError } from '../../db/errors';
import type { BriefFull, ExportFormat } from '../../db/model';
import type { ExportMethodName, ParsedInput, Service } from '../contract';
import type { ExportCheck, ExportReview } from '../contract/export';
import type { ServiceContext } from '../ports';
import { checkBrief, describeProblems, describeUncited } from './faithfulness';
import { printJob } from './layout';
import { briefToMarkdown } from './markdown';
import { countPdfPages } from './pdf-pages';
import { finishPdf } from './pdf-finish';
import { evidenceFile, EVIDENCE_FILE_NAME } from './evidence-file';
import { getExportRecord, listExportRecords } from '../../db/exports';
import { openVerifiedExport } from './read-export';
import { chooseExportTarget } from './target';
import { saveExport } from './save';
import { achCsv } from './analysis-text';
import { EXPORT_FILE_TYPES } from '../vocabulary';
import { printableAch, readStructured, type StructuredAnalysis } from './structured';

async function render(ctx: ServiceContext, brief: BriefFull, format: ExportFormat, exportedAt: string, structured: StructuredAnalysis) {
  if (format === 'csv') {
    const ach = printableAch(structured);
    if (!ach) throw new AppError('EXPORT_EMPTY', `“${brief.title}” has no analysis of competing hypotheses with two hypotheses and some evidence; there is no matrix to export as CSV.`);
    // A byte order mark, so that spreadsheet programs read the UTF-8 as UTF-8.
    return { bytes: new TextEncoder().encode(`\ufeff${achCsv(ach)}`), pages: null };
  }
  if (format === 'markdown') return { bytes: new TextEncoder().encode(briefToMarkdown(brief, exportedAt, structured)), pages: null };
  if (format === 'docx') {
    // Loaded on first use: the docx package is large and most exports are PDFs.
    const { briefToDocx } = await import('./docx');
    return { bytes: await briefToDocx(brief, exportedAt, ctx.version, structured), pages: null };
  }
  const job = printJob(brief, exportedAt, structured);
  let bytes: Uint8Array;
  try {
    bytes = await ctx.pdf.render(job.html, job.options);
  } catch (err) {
    throw new AppError('EXPORT_FAILED', `Chromium could not print “${brief.title}”: ${(err as Error).message.split('\n')[0]}`);
  }
  const pages = await countPdfPages(bytes);
  const finished = finishPdf(bytes, {
    title: brief.title,
    author: [brief.author, brief.organisation].filter((x) => x.trim()).join(', '),
    subject: brief.marking,
    creator: `Sourcemark ${ctx.version}`,
    date: exportedAt,
    attachments: brief.sources.length
      ? [
          {
            name: EVIDENCE_FILE_NAME,
            mimeType: 'application/json',
            description: 'The verified passages of the evidence annex, character for character, with their sources.',
            data: evidenceFile(brief, exportedAt, ctx.version),
          },
        ]
      : [],
  });
  return { bytes: finished, pages };
}

/** Reviews remembered for exportBrief: one per brief is enough, a few briefs cover several windows. */
const REVIEWS_KEPT = 8;

export function createExportService(ctx: ServiceContext): Pick<Service, ExportMethodName> {
  const db = ctx.store.db;
  /** The checks shown in export reviews, by token, with the library's revision when each was made. */
  const reviews = new Map<string, { briefId: number; revision: string; check: ExportCheck }>();

  function review(briefId: number): ExportReview {
    const check = checkBrief(db, getBriefFull(db, briefId));
    const token = crypto.randomUUID();
    reviews.set(token, { briefId, revision: libraryRevision(db), check });
    for (const old of reviews.keys()) {
      if (reviews.size <= REVIEWS_KEPT) break;
      reviews.delete(old);
    }
    return { ...check, token };
  }

  /**
   * The check for an export: the reviewed one when the analyst saw it for this brief and nothing was
   * written to the library since (so the brief just read is the one checked), else a new one.
   */
  function checkFor(brief: BriefFull, token: string | undefined): ExportCheck {
    const seen = token === undefined ? undefined : reviews.get(token);
    if (seen && seen.briefId === brief.id && seen.revision === libraryRevision(db)) return seen.check;
    return checkBrief(db, brief);
  }

  async function exportBrief(input: ParsedInput<'exportBrief'>) {
    // The brief is read and its check found in one synchronous turn: the file is made from exactly
    // what was checked.
    const brief = getBriefFull(db, input.briefId);
    const check = checkFor(brief, input.checkToken);
    if (check.empty) throw new AppError('EXPORT_EMPTY', check.empty, check);
    if (check.problems.length) throw new AppError('EXPORT_UNFAITHFUL', describeProblems(check.problems), check);
    if (check.uncitedClaims.length && !input.allowUncited) throw new AppError('EXPORT_UNCITED', describeUncited(check.uncitedClaims), check);

    const exportedAt = new Date().toISOString();
    const target = await chooseExportTarget(ctx, brief.title, input.format, exportedAt);
    const { bytes, pages } = await render(ctx, brief, input.format, exportedAt, readStructured(db, brief.id));
    const saved = await saveExport(ctx, target, bytes, { briefId: brief.id, briefTitle: brief.title, format: input.format });
    return { ...saved, pages };
  }

  return {
    exportRecords: ({ briefId }) => listExportRecords(db, briefId ?? null),
    checkExport: ({ briefId }) => review(briefId),
    exportBrief,
    openExport: async ({ recordId }) => {
      const record = getExportRecord(db, recordId);
      // The system opens a file by its extension: a name saved as "brief.sh" must not be run.
      const type = EXPORT_FILE_TYPES[record.format];
      if (!record.path.toLowerCase().endsWith(`.${type.extension}`)) {
        throw new AppError('FORBIDDEN', `Sourcemark opens an export only as a ${type.name}; ${path.basename(record.path)} has another ending. Open it from its folder.`);
      }
      const { handle } = await openVerifiedExport(db, recordId);
      await handle.close();
      await ctx.shell.openPath(record.path);
      return { opened: true };
    },
  };
}
