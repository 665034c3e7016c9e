// Find in a source, and claims by tag: read-only views over the store.
import { taggedClaims } from '../../db/claims';
import { findInBody } from '../../db/search/find';
import { parseQuery } from '../../db/search';
import { getTag } from '../../db/tags';
import { getSourceMeta, getBody } from '../../db/sources';
import { libraryLanguages } from '../../db/search/stems';
import type { Service } from '../contract';
import type { ServiceContext } from '../ports';

type FindMethods = Pick<Service, 'findInSource' | 'listTaggedClaims'>;

export function findMethods(ctx: ServiceContext): FindMethods {
  const d = ctx.store.db;
  return {
    findInSource: ({ sourceId, query, phrase }) => {
      const meta = getSourceMeta(d, sourceId);
      const text = query.trim();
      if (!text) return { matches: [], truncated: false };
      const terms = phrase ? [text] : parseQuery(text);
      return findInBody(getBody(d, sourceId), terms, meta.language, libraryLanguages(d));
    },
    listTaggedClaims: ({ tagId, limit }) => {
      getTag(d, tagId);
      return taggedClaims(d, tagId, limit);
    },
  };
}
