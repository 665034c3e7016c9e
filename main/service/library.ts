// The library service: every method of the contract that reads or writes the store. Each area lives
// in its own file; this one puts them together and adds the read-only views (search, backlinks).
import { getSourceMeta } from '../../db/sources';
import { citingClaims, getQuoteRow, quotesOfSource } from '../../db/quotes';
import { search } from '../../db/search';
import { sql } from '../../db/stmt';
import type { ExportRecord } from '../../db/model';
import type { LibraryMethodName, Service } from '../contract';
import type { ServiceContext } from './context';
import { briefMethods } from './briefs';
import { citationMethods } from './citations';
import { quoteMethods } from './quotes';
import { sourceMethods } from './sources';
import { tagMethods } from './tags';

const ALL_KINDS = ['source', 'quote', 'claim'] as const;

function toExportRecord(r: Record<string, unknown>): ExportRecord {
  return {
    id: r.id as number,
    briefId: r.brief_id as number | null,
    briefTitle: r.brief_title as string,
    format: r.format as ExportRecord['format'],
    path: r.path as string,
    sha256: r.sha256 as string,
    bytes: r.bytes as number,
    createdAt: r.created_at as string,
  };
}

export function createLibraryService(ctx: ServiceContext): Pick<Service, LibraryMethodName> {
  const d = ctx.store.db;
  return {
    ...sourceMethods(ctx),
    ...quoteMethods(ctx),
    ...briefMethods(ctx),
    ...citationMethods(ctx),
    ...tagMethods(ctx),

    search: ({ query, kinds, limit }) => search(d, query, kinds ?? ALL_KINDS, limit),

    claimsCitingQuote: ({ quoteId }) => {
      getQuoteRow(d, quoteId);
      return citingClaims(d, [quoteId]).get(quoteId) ?? [];
    },

    sourceBacklinks: ({ sourceId }) => {
      getSourceMeta(d, sourceId);
      return quotesOfSource(d, sourceId);
    },

    exportRecords: ({ briefId }) =>
      (
        sql(d, 'SELECT * FROM export_record WHERE (? IS NULL OR brief_id = ?) ORDER BY created_at DESC, id DESC').all(
          briefId ?? null,
          briefId ?? null,
        ) as Record<string, unknown>[]
      ).map(toExportRecord),

    appInfo: () => ({ version: ctx.version, dataDir: ctx.dataDir, schemaVersion: ctx.store.schemaVersion, mode: ctx.mode }),
  };
}
