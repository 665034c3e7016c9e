// Export of a brief: check every cited passage against the store, lay the brief out, print or
// write Markdown, save the file, and record what left the app (export_record with the file's hash).
import { getBriefFull } from '../../db/briefs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import type { BriefFull, ExportFormat } from '../../db/model';
import type { ExportMethodName, ParsedInput, Service } from '../contract';
import type { ServiceContext } from '../ports';
import { checkBrief, describeProblems, describeUncited, sha256Hex } from './faithfulness';
import { printJob } from './layout';
import { briefToMarkdown } from './markdown';
import { countPdfPages } from './pdf-pages';
import { finishPdf } from './pdf-finish';
import { evidenceFile, EVIDENCE_FILE_NAME } from './evidence-file';
import { getExportRecord, insertExportRecord, listExportRecords } from '../../db/exports';
import { openVerifiedExport } from './read-export';
import { chooseExportTarget, writeNewExport } from './target';
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

export function createExportService(ctx: ServiceContext): Pick<Service, ExportMethodName> {
  const db = ctx.store.db;

  async function exportBrief(input: ParsedInput<'exportBrief'>) {
    // One read of the brief and one check: the file is made from exactly what was checked.
    const brief = getBriefFull(db, input.briefId);
    const check = checkBrief(db, brief);
    if (check.empty) throw new AppError('EXPORT_EMPTY', check.empty, check);
    if (check.problems.length) throw new AppError('EXPORT_UNFAITHFUL', describeProblems(check.problems), check);
    if (check.uncitedClaims.length && !input.allowUncited) throw new AppError('EXPORT_UNCITED', describeUncited(check.uncitedClaims), check);

    const exportedAt = new Date().toISOString();
    const target = await chooseExportTarget(ctx, brief.title, input.format, exportedAt);
    const { bytes, pages } = await render(ctx, brief, input.format, exportedAt, readStructured(db, brief.id));
    const file = await writeNewExport(target, bytes);
    const record = insertExportRecord(db, {
      briefId: brief.id,
      briefTitle: brief.title,
      format: input.format,
      path: file,
      sha256: sha256Hex(bytes),
      bytes: bytes.byteLength,
    });
    return { record, pages, download: ctx.downloadUrl ? ctx.downloadUrl(record.id) : null };
  }

  return {
    exportRecords: ({ briefId }) => listExportRecords(db, briefId ?? null),
    checkExport: ({ briefId }) => checkBrief(db, getBriefFull(db, briefId)),
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
