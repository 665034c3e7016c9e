// Sources: add from text (deduplicated by the body's hash), list, read, edit metadata, delete.
import { AppError } from '../../db/errors';
import { citingClaims, deleteCitationRows } from '../../db/citations';
import { quoteIdsOfSource } from '../../db/quotes';
import { insertPages } from '../../db/pages';
import * as db from '../../db/sources';
import { write } from '../../db/stmt';
import { link, requireTags } from '../../db/tags';
import type { Service } from '../contract';
import type { ServiceContext } from '../ports';
import { citingDetails, describeCitingClaims } from './citing';
import { analysesUsingQuotes } from '../../db/analysis';
import { describeAnalysesUsing, removeRowsOfQuotes } from './analysis';

/** Today on this machine's calendar, YYYY-MM-DD: the analyst's day, not UTC's. */
export function localDay(at = new Date()): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

type AddSourceInput = Parameters<Service['addSource']>[0];

/**
 * Adds a source; a PDF's page starts (see import/pdf.ts) are stored in the same transaction. The
 * same text is one source: a second import shows the first, untouched, pages included.
 */
export function addSourceWithPages(ctx: ServiceContext, input: AddSourceInput, pageStarts: readonly number[] = []): ReturnType<Service['addSource']> {
  const d = ctx.store.db;
  return write(d, () => {
    const digest = db.sha256(input.body);
    const existing = db.sourceIdBySha(d, digest);
    if (existing !== undefined) return { source: db.getSourceSummary(d, existing), created: false };
    requireTags(d, input.tagIds ?? []);
    checkPageStarts(pageStarts, input.body.length);
    const { tagIds, ...fields } = input;
    // Accessed: the day it was pasted or imported, unless the analyst says otherwise (null clears it).
    const id = db.insertSource(d, { ...fields, accessedAt: fields.accessedAt === undefined ? localDay() : fields.accessedAt }, digest);
    link(d, 'source', id, tagIds ?? []);
    insertPages(d, id, pageStarts);
    return { source: db.getSourceSummary(d, id), created: true };
  });
}

function checkPageStarts(starts: readonly number[], bodyLength: number): void {
  starts.forEach((start, i) => {
    if (!Number.isInteger(start) || start < 0 || start > bodyLength || (i > 0 && start < starts[i - 1]!)) {
      throw new AppError('INVALID_INPUT', `Page ${i + 1} of the PDF was placed at an impossible point in its text, so the page numbers cannot be kept.`);
    }
  });
}

type SourceMethods = Pick<Service, 'addSource' | 'listSources' | 'getSource' | 'updateSource' | 'deleteSource'>;

export function sourceMethods(ctx: ServiceContext): SourceMethods {
  const d = ctx.store.db;
  return {
    addSource: (input) => addSourceWithPages(ctx, input),

    listSources: (input) => db.listSources(d, input),

    getSource: ({ id }) => db.getSource(d, id),

    updateSource: ({ id, patch }) =>
      write(d, () => {
        db.updateSourceMeta(d, id, patch);
        return db.getSourceSummary(d, id);
      }),

    deleteSource: ({ id, removeCitations }) =>
      write(d, () => {
        const source = db.getSourceMeta(d, id);
        const quoteIds = quoteIdsOfSource(d, id);
        const citing = [...citingClaims(d, quoteIds).values()].flat();
        const using = analysesUsingQuotes(d, quoteIds);
        if (citing.length > 0 && using.length === 0 && !removeCitations) {
          throw new AppError(
            'QUOTE_IS_CITED',
            `"${source.title}" cannot be deleted: passages from it are cited by ${describeCitingClaims(citing)}. Remove those citations first, or delete the source together with its citations.`,
            citingDetails(citing),
          );
        }
        if (using.length > 0 && !removeCitations) {
          const cited = citing.length > 0 ? `cited by ${describeCitingClaims(citing)}, and ` : '';
          throw new AppError(
            'QUOTE_IS_CITED',
            `"${source.title}" cannot be deleted: passages from it are ${cited}evidence in ${describeAnalysesUsing(using)}. Remove them from there first, or delete the source together with its citations and evidence rows.`,
            { ...citingDetails(citing), analyses: using },
          );
        }
        removeRowsOfQuotes(d, using);
        deleteCitationRows(d, citing.map((c) => c.citationId));
        const deletedQuotes = db.deleteSourceRow(d, id);
        return { deletedQuotes, removedCitations: citing.length };
      }),
  };
}
