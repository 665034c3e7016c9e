// Export of a brief: check every cited passage against the store, lay the brief out, print or
// write Markdown, save the file, and record what left the app (export_record with the file's hash).
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { getBriefFull } from '../../db/briefs';
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
import { resolveExportTarget, writeNewExport } from './target';
import { achCsv } from './analysis-text';
import { printableAch, readStructured, type StructuredAnalysis } from './structured';

const MIME = {
  pdf: 'application/pdf',
  markdown: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
} as const;

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
    const brief = getBriefFull(db, input.briefId);
    const check = checkBrief(db, brief);
    if (check.empty) throw new AppError('EXPORT_EMPTY', check.empty, check);
    if (check.problems.length) throw new AppError('EXPORT_UNFAITHFUL', describeProblems(check.problems), check);
    if (check.uncitedClaims.length && !input.allowUncited) throw new AppError('EXPORT_UNCITED', describeUncited(check.uncitedClaims), check);

    const exportedAt = new Date().toISOString();
    const target = await resolveExportTarget(ctx, brief.title, input.format, exportedAt, input.path);
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
    return { record, pages };
  }

  return {
    exportRecords: ({ briefId }) => listExportRecords(db, briefId ?? null),
    checkExport: ({ briefId }) => checkBrief(db, getBriefFull(db, briefId)),
    exportBrief,
    readExport: async ({ recordId }) => {
      const record = getExportRecord(db, recordId);
      let bytes: Buffer;
      try {
        // Our exports are files, never links: a link put in an export's place is not read through.
        const handle = await fs.open(record.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
        try {
          bytes = await handle.readFile();
        } finally {
          await handle.close();
        }
      } catch {
        throw new AppError('NOT_FOUND', `The exported file ${record.path} is no longer there (it may have been moved or deleted).`);
      }
      if (sha256Hex(bytes) !== record.sha256) {
        throw new AppError('EXPORT_FAILED', `The file ${record.path} was changed after it was exported (its SHA-256 no longer matches the record); export the brief again.`);
      }
      return { fileName: path.basename(record.path), mime: MIME[record.format], base64: bytes.toString('base64') };
    },
  };
}
