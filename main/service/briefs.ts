// Briefs and their claims: create, read in one call, edit, reorder, delete and undo a deletion.
import * as briefs from '../../db/briefs';
import * as claims from '../../db/claims';
import { AppError } from '../../db/errors';
import { getQuoteRow } from '../../db/quotes';
import { write, sql } from '../../db/stmt';
import { getTag, link, tagsOfOne } from '../../db/tags';
import type { Service } from '../contract';
import type { ServiceContext } from './context';

type BriefMethods = Pick<
  Service,
  | 'createBrief'
  | 'listBriefs'
  | 'getBrief'
  | 'updateBrief'
  | 'deleteBrief'
  | 'addClaim'
  | 'updateClaim'
  | 'moveClaim'
  | 'deleteClaim'
  | 'restoreClaim'
>;

export function briefMethods(ctx: ServiceContext): BriefMethods {
  const d = ctx.store.db;
  return {
    createBrief: (input) => write(d, () => briefs.getBriefMeta(d, briefs.insertBrief(d, input))),

    listBriefs: () => briefs.listBriefs(d),

    getBrief: ({ id }) => briefs.getBriefFull(d, id),

    updateBrief: ({ id, ...patch }) =>
      write(d, () => {
        briefs.updateBriefRow(d, id, patch);
        return briefs.getBriefMeta(d, id);
      }),

    deleteBrief: ({ id }) => write(d, () => ({ deletedClaims: briefs.deleteBriefRow(d, id) })),

    addClaim: ({ briefId, text, confidence, likelihood, afterId }) =>
      write(d, () => {
        briefs.getBriefMeta(d, briefId);
        const position = claims.claimPosition(d, briefId, afterId);
        const id = claims.insertClaim(d, { briefId, position, text, confidence: confidence ?? null, likelihood: likelihood ?? null });
        briefs.touchBrief(d, briefId);
        return claims.getClaim(d, id);
      }),

    updateClaim: ({ id, text, confidence, likelihood }) =>
      write(d, () => {
        claims.updateClaimRow(d, id, { text, confidence, likelihood });
        const claim = claims.getClaim(d, id);
        briefs.touchBrief(d, claim.briefId);
        return claim;
      }),

    moveClaim: ({ id, afterId }) =>
      write(d, () => {
        const claim = claims.getClaim(d, id);
        if (afterId === id) throw new AppError('INVALID_INPUT', 'A claim cannot be placed after itself.');
        const position = claims.claimPosition(d, claim.briefId, afterId, id);
        claims.updateClaimRow(d, id, { position });
        briefs.touchBrief(d, claim.briefId);
        return claims.getClaim(d, id);
      }),

    deleteClaim: ({ id }) =>
      write(d, () => {
        const claim = claims.getClaim(d, id);
        const citations = claims.citationsOfClaim(d, id);
        const tagIds = tagsOfOne(d, 'claim', id).map((t) => t.id);
        // Citations and tag links go with the claim (ON DELETE CASCADE); they are returned for undo.
        sql(d, 'DELETE FROM claim WHERE id = ?').run(id);
        briefs.touchBrief(d, claim.briefId);
        return { claim, citations, tagIds };
      }),

    restoreClaim: (input) =>
      write(d, () => {
        briefs.getBriefMeta(d, input.briefId);
        for (const c of input.citations) {
          try {
            getQuoteRow(d, c.quoteId);
          } catch {
            throw new AppError('NOT_FOUND', `The claim cannot be restored with its citations: passage ${c.quoteId} it cited has been deleted since.`);
          }
        }
        const position = claims.freePosition(d, 'claim', 'brief_id', input.briefId, input.position);
        const id = claims.insertClaim(d, { briefId: input.briefId, position, text: input.text, confidence: input.confidence, likelihood: input.likelihood });
        for (const c of input.citations) {
          if (claims.citationOf(d, id, c.quoteId)) continue;
          const pos = claims.freePosition(d, 'citation', 'claim_id', id, c.position);
          claims.insertCitation(d, { claimId: id, quoteId: c.quoteId, relation: c.relation, position: pos });
        }
        // A tag deleted since the claim was is simply not put back; the claim and its evidence are.
        const liveTags = input.tagIds.filter((t) => {
          try {
            getTag(d, t);
            return true;
          } catch {
            return false;
          }
        });
        link(d, 'claim', id, liveTags);
        briefs.touchBrief(d, input.briefId);
        return claims.getClaim(d, id);
      }),
  };
}
