// The library service: every method of the contract that reads or writes the store. Each area lives
// in its own file; this one puts them together and adds the read-only views (search, backlinks).
import { getSourceMeta } from '../../db/sources';
import { citingClaims } from '../../db/citations';
import { getQuoteRow, quotesOfSource } from '../../db/quotes';
import { search } from '../../db/search';
import type { LibraryMethodName, Service } from '../contract';
import type { ServiceContext } from '../ports';
import { briefMethods } from './briefs';
import { citationMethods } from './citations';
import { quoteMethods } from './quotes';
import { sourceMethods } from './sources';
import { tagMethods } from './tags';
import { findMethods } from './find';
import { historyMethods } from './history';
import { analysisMethods } from './analysis';
import { keyAssumptionMethods } from './key-assumptions';

const ALL_KINDS = ['source', 'quote', 'claim'] as const;

export function createLibraryService(ctx: ServiceContext): Pick<Service, LibraryMethodName> {
  const d = ctx.store.db;
  return {
    ...sourceMethods(ctx),
    ...quoteMethods(ctx),
    ...briefMethods(ctx),
    ...citationMethods(ctx),
    ...tagMethods(ctx),
    ...findMethods(ctx),
    ...historyMethods(ctx),
    ...analysisMethods(ctx),
    ...keyAssumptionMethods(ctx),

    search: ({ query, kinds, limit, wordForms }) => search(d, query, kinds ?? ALL_KINDS, limit, { wordForms }),

    claimsCitingQuote: ({ quoteId }) => {
      getQuoteRow(d, quoteId);
      return citingClaims(d, [quoteId]).get(quoteId) ?? [];
    },

    sourceBacklinks: ({ sourceId }) => {
      getSourceMeta(d, sourceId);
      return quotesOfSource(d, sourceId);
    },

    appInfo: () => ({ version: ctx.version, dataDir: ctx.dataDir, schemaVersion: ctx.store.schemaVersion, mode: ctx.mode }),
  };
}
