// Briefs and their claims: create, read in one call, edit, reorder, delete. Every change records its
// inverse in the brief's undo history (./history.ts) in the same transaction.
import * as briefs from '../../db/briefs';
import { citationsOfClaim } from '../../db/citations';
import * as claims from '../../db/claims';
import { AppError } from '../../db/errors';
import { write } from '../../db/stmt';
import { tagsOfOne } from '../../db/tags';
import type { Service } from '../contract';
import type { ServiceContext } from '../ports';
import { citationRow, claimRow, record } from './history';

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
>;

/** How each field of a brief is named in an undo notice ("Undone: edit of the bottom line"). */
const FIELD_NAMES: Record<keyof briefs.BriefFields, string> = {
  title: 'the brief’s title',
  marking: 'the marking',
  summary: 'the bottom line',
  author: 'the author',
  organisation: 'the organisation',
  dissemination: 'the dissemination line',
  cutoffDate: 'the cut-off date',
  portionMark: 'the portion mark',
  likelihoodRow: 'the likelihood words',
  sourceSummary: 'the source summary statement',
};

export function briefMethods(ctx: ServiceContext): BriefMethods {
  const d = ctx.store.db;
  return {
    createBrief: (input) => write(d, () => briefs.getBriefMeta(d, briefs.insertBrief(d, input))),

    listBriefs: () => briefs.listBriefs(d),

    getBrief: ({ id }) => briefs.getBriefFull(d, id),

    updateBrief: ({ id, ...patch }) =>
      write(d, () => {
        const before = briefs.getBriefMeta(d, id);
        briefs.updateBriefRow(d, id, patch);
        const changed = (Object.keys(FIELD_NAMES) as (keyof briefs.BriefFields)[]).filter((f) => patch[f] !== undefined && patch[f] !== before[f]);
        if (changed.length > 0) {
          const after = briefs.getBriefMeta(d, id);
          const pick = (b: briefs.BriefFields) => Object.fromEntries(changed.map((f) => [f, b[f]])) as Partial<briefs.BriefFields>;
          const label = changed.length === 1 ? `edit of ${FIELD_NAMES[changed[0]!]}` : 'edit of the brief’s details';
          record(d, id, label, [{ op: 'setBrief', id, fields: pick(before) }], [{ op: 'setBrief', id, fields: pick(after) }]);
        }
        return briefs.getBriefMeta(d, id);
      }),

    deleteBrief: ({ id }) => write(d, () => ({ deletedClaims: briefs.deleteBriefRow(d, id) })),

    addClaim: ({ briefId, text, confidence, likelihood, afterId }) =>
      write(d, () => {
        briefs.getBriefMeta(d, briefId);
        const position = claims.claimPosition(d, briefId, afterId);
        const id = claims.insertClaim(d, { briefId, position, text, confidence: confidence ?? null, likelihood: likelihood ?? null });
        briefs.touchBrief(d, briefId);
        const claim = claims.getClaim(d, id);
        record(d, briefId, `new claim ${claims.claimNumber(d, claim)}`, [{ op: 'deleteClaim', id }], [{ op: 'putClaim', claim: claimRow(d, claim) }]);
        return claim;
      }),

    updateClaim: ({ id, text, confidence, likelihood }) =>
      write(d, () => {
        const before = claims.getClaim(d, id);
        claims.updateClaimRow(d, id, { text, confidence, likelihood });
        const claim = claims.getClaim(d, id);
        briefs.touchBrief(d, claim.briefId);
        const n = claims.claimNumber(d, claim);
        const change = (what: string, from: string | null, to: string | null) => `${what} of claim ${n} (${from ?? 'not set'} → ${to ?? 'not set'})`;
        const label =
          claim.text !== before.text
            ? `edit of claim ${n}`
            : claim.confidence !== before.confidence
              ? change('confidence', before.confidence, claim.confidence)
              : claim.likelihood !== before.likelihood
                ? change('likelihood', before.likelihood, claim.likelihood)
                : null;
        if (label) {
          record(d, claim.briefId, label, [{ op: 'putClaim', claim: claimRow(d, before) }], [{ op: 'putClaim', claim: claimRow(d, claim) }]);
        }
        return claim;
      }),

    moveClaim: ({ id, afterId }) =>
      write(d, () => {
        const claim = claims.getClaim(d, id);
        if (afterId === id) throw new AppError('INVALID_INPUT', 'A claim cannot be placed after itself.');
        const from = claims.claimNumber(d, claim);
        const position = claims.claimPosition(d, claim.briefId, afterId, id);
        claims.updateClaimRow(d, id, { position });
        briefs.touchBrief(d, claim.briefId);
        const moved = claims.getClaim(d, id);
        const to = claims.claimNumber(d, moved);
        if (to !== from) {
          record(d, claim.briefId, `move of claim ${from} to ${to}`, [{ op: 'putClaim', claim: claimRow(d, claim) }], [{ op: 'putClaim', claim: claimRow(d, moved) }]);
        }
        return moved;
      }),

    deleteClaim: ({ id }) =>
      write(d, () => {
        const claim = claims.getClaim(d, id);
        const n = claims.claimNumber(d, claim);
        const citations = citationsOfClaim(d, id);
        const tagIds = tagsOfOne(d, 'claim', id).map((t) => t.id);
        const row = claimRow(d, claim);
        // Citations and tag links go with the claim (ON DELETE CASCADE); undo puts them back under their ids.
        claims.deleteClaimRow(d, id);
        briefs.touchBrief(d, claim.briefId);
        record(
          d,
          claim.briefId,
          `deletion of claim ${n}`,
          [
            { op: 'putClaim', claim: row },
            ...citations.map((c) => ({ op: 'putCitation' as const, citation: citationRow(c) })),
            { op: 'setClaimTags', claimId: id, tagIds },
          ],
          [{ op: 'deleteClaim', id }],
        );
        return { claim, citations, tagIds };
      }),
  };
}
