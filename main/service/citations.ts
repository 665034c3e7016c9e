// Citations: the links from a claim to the passages that support, contradict or give context to it.
import { touchBrief } from '../../db/briefs';
import * as claims from '../../db/claims';
import { AppError } from '../../db/errors';
import { getQuoteRow } from '../../db/quotes';
import { write } from '../../db/stmt';
import type { Service } from '../contract';
import type { ServiceContext } from './context';

type CitationMethods = Pick<Service, 'addCitation' | 'updateCitation' | 'moveCitation' | 'removeCitation'>;

export function citationMethods(ctx: ServiceContext): CitationMethods {
  const d = ctx.store.db;
  const touch = (claimId: number) => touchBrief(d, claims.getClaim(d, claimId).briefId);
  return {
    addCitation: ({ claimId, quoteId, relation, afterId }) =>
      write(d, () => {
        const claim = claims.getClaim(d, claimId);
        getQuoteRow(d, quoteId);
        const existing = claims.citationOf(d, claimId, quoteId);
        if (existing) {
          throw new AppError(
            'CITATION_EXISTS',
            `Claim ${claims.claimNumber(d, claim)} already cites this passage (as ${existing.relation}); change that citation's relation instead.`,
            { citation: existing },
          );
        }
        const position = claims.citationPosition(d, claimId, afterId);
        const id = claims.insertCitation(d, { claimId, quoteId, relation, position });
        touchBrief(d, claim.briefId);
        return claims.getCitation(d, id);
      }),

    updateCitation: ({ id, relation }) =>
      write(d, () => {
        claims.updateCitationRow(d, id, { relation });
        const c = claims.getCitation(d, id);
        touch(c.claimId);
        return c;
      }),

    moveCitation: ({ id, afterId }) =>
      write(d, () => {
        const c = claims.getCitation(d, id);
        if (afterId === id) throw new AppError('INVALID_INPUT', 'A citation cannot be placed after itself.');
        claims.updateCitationRow(d, id, { position: claims.citationPosition(d, c.claimId, afterId, id) });
        touch(c.claimId);
        return claims.getCitation(d, id);
      }),

    removeCitation: ({ id }) =>
      write(d, () => {
        const c = claims.getCitation(d, id);
        claims.deleteCitationRow(d, id);
        touch(c.claimId);
        return c;
      }),
  };
}
