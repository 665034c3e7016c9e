// Sources: add from text (deduplicated by the body's hash), list, read, edit metadata, delete.
import { AppError } from '../../db/errors';
import { citingClaims } from '../../db/quotes';
import * as db from '../../db/sources';
import { write, sql } from '../../db/stmt';
import { link, requireTags } from '../../db/tags';
import type { Service } from '../contract';
import type { ServiceContext } from './context';
import { citingDetails, describeCitingClaims } from './citing';
import { analysesUsingQuotes } from '../../db/analysis';
import { describeAnalysesUsing, removeRowsOfQuotes } from './analysis';

/** Today on this machine's calendar, YYYY-MM-DD: the analyst's day, not UTC's. */
export function localDay(at = new Date()): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

type SourceMethods = Pick<Service, 'addSource' | 'listSources' | 'getSource' | 'updateSource' | 'deleteSource'>;

export function sourceMethods(ctx: ServiceContext): SourceMethods {
  const d = ctx.store.db;
  return {
    addSource: (input) =>
      write(d, () => {
        const digest = db.sha256(input.body);
        const existing = db.sourceIdBySha(d, digest);
        // The same text is one source: a second import shows the first, untouched.
        if (existing !== undefined) return { source: db.getSourceSummary(d, existing), created: false };
        requireTags(d, input.tagIds ?? []);
        const { tagIds, ...fields } = input;
        // Accessed: the day it was pasted or imported, unless the analyst says otherwise (null clears it).
        const id = db.insertSource(d, { ...fields, accessedAt: fields.accessedAt === undefined ? localDay() : fields.accessedAt }, digest);
        link(d, 'source', id, tagIds ?? []);
        return { source: db.getSourceSummary(d, id), created: true };
      }),

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
        const quoteIds = (sql(d, 'SELECT id FROM quote WHERE source_id = ?').all(id) as { id: number }[]).map((r) => r.id);
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
        for (const c of citing) sql(d, 'DELETE FROM citation WHERE id = ?').run(c.citationId);
        const deletedQuotes = db.deleteSourceRow(d, id);
        return { deletedQuotes, removedCitations: citing.length };
      }),
  };
}
