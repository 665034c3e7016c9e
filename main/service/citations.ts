// Citations: the links from a claim to the passages that support, contradict or give context to it.
import { quoted } from '../vocabulary';
import { touchBrief } from '../../db/briefs';
import * as citations from '../../db/citations';
import * as claims from '../../db/claims';
import { AppError } from '../../db/errors';
import { getQuoteRow, sourceTitleOfQuote } from '../../db/quotes';
import { write } from '../../db/stmt';
import type { Citation } from '../../db/model';
import type { Service } from '../contract';
import type { ServiceContext } from '../ports';
import { citationRow, record } from './history';

type CitationMethods = Pick<Service, 'addCitation' | 'updateCitation' | 'moveCitation' | 'removeCitation'>;

export function citationMethods(ctx: ServiceContext): CitationMethods {
  const d = ctx.store.db;
  const touch = (claimId: number) => touchBrief(d, claims.getClaim(d, claimId).briefId);
  const numberOf = (claimId: number) => claims.claimNumber(d, claims.getClaim(d, claimId));
  const sourceOf = (quoteId: number) => {
    const title = sourceTitleOfQuote(d, quoteId);
    return title !== undefined ? quoted(title) : 'a passage';
  };
  /** Records a change of one citation's relation or place: undo puts `before` back. */
  const step = (after: Citation, label: string, before: Citation) =>
    record(d, claims.getClaim(d, after.claimId).briefId, label, [{ op: 'putCitation', citation: citationRow(before) }], [
      { op: 'putCitation', citation: citationRow(after) },
    ]);
  return {
    addCitation: ({ claimId, quoteId, relation, afterId }) =>
      write(d, () => {
        const claim = claims.getClaim(d, claimId);
        getQuoteRow(d, quoteId);
        const existing = citations.citationOf(d, claimId, quoteId);
        if (existing) {
          throw new AppError(
            'CITATION_EXISTS',
            `Claim ${claims.claimNumber(d, claim)} already cites this passage (as ${existing.relation}); change that citation's relation instead.`,
            { citation: existing },
          );
        }
        const position = citations.citationPosition(d, claimId, afterId);
        const id = citations.insertCitation(d, { claimId, quoteId, relation, position });
        touchBrief(d, claim.briefId);
        const added = citations.getCitation(d, id);
        record(d, claim.briefId, `new citation of ${sourceOf(quoteId)} in claim ${claims.claimNumber(d, claim)}`, [{ op: 'deleteCitation', id }], [
          { op: 'putCitation', citation: citationRow(added) },
        ]);
        return added;
      }),

    updateCitation: ({ id, relation }) =>
      write(d, () => {
        const before = citations.getCitation(d, id);
        citations.updateCitationRow(d, id, { relation });
        const c = citations.getCitation(d, id);
        touch(c.claimId);
        if (before.relation !== c.relation) {
          step(c, `relation of the citation of ${sourceOf(c.quoteId)} in claim ${numberOf(c.claimId)} (${before.relation} → ${c.relation})`, before);
        }
        return c;
      }),

    moveCitation: ({ id, afterId }) =>
      write(d, () => {
        const c = citations.getCitation(d, id);
        if (afterId === id) throw new AppError('INVALID_INPUT', 'A citation cannot be placed after itself.');
        citations.updateCitationRow(d, id, { position: citations.citationPosition(d, c.claimId, afterId, id) });
        touch(c.claimId);
        const moved = citations.getCitation(d, id);
        step(moved, `move of the citation of ${sourceOf(c.quoteId)} in claim ${numberOf(c.claimId)}`, c);
        return moved;
      }),

    removeCitation: ({ id }) =>
      write(d, () => {
        const c = citations.getCitation(d, id);
        const label = `removal of the citation of ${sourceOf(c.quoteId)} from claim ${numberOf(c.claimId)}`;
        citations.deleteCitationRow(d, id);
        touch(c.claimId);
        record(d, claims.getClaim(d, c.claimId).briefId, label, [{ op: 'putCitation', citation: citationRow(c) }], [{ op: 'deleteCitation', id }]);
        return c;
      }),
  };
}
