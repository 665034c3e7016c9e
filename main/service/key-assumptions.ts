// The Key Assumptions Check of a brief: each assumption its judgments rest on, the claims that rest on
// it, where it stands and what would make it wrong. Changes are undoable like the brief's own.
import * as store from '../../db/analysis';
import type { KeyAssumptionRecord } from '../../db/analysis-history';
import { getBriefMeta, touchBrief } from '../../db/briefs';
import { getClaim } from '../../db/claims';
import { AppError } from '../../db/errors';
import type { KeyAssumption } from '../../db/model';
import { write } from '../../db/stmt';
import type { Service } from '../contract';
import { quoted } from '../vocabulary';
import type { ServiceContext } from '../ports';
import { record } from './history';

type KeyAssumptionMethodName = 'listKeyAssumptions' | 'addKeyAssumption' | 'updateKeyAssumption' | 'removeKeyAssumption';

const asRecord = (k: KeyAssumption): KeyAssumptionRecord => ({ ...k, claimIds: [...k.claimIds] });

export function keyAssumptionMethods(ctx: ServiceContext): Pick<Service, KeyAssumptionMethodName> {
  const d = ctx.store.db;
  const claimsOfBrief = (briefId: number, claimIds: readonly number[]) => {
    for (const c of claimIds) {
      const claim = getClaim(d, c);
      if (claim.briefId !== briefId) throw new AppError('INVALID_INPUT', `Claim ${c} belongs to another brief; an assumption can only support claims of its own brief.`);
    }
    return [...new Set(claimIds)];
  };
  return {
    listKeyAssumptions: ({ briefId }) => {
      getBriefMeta(d, briefId);
      return store.listKeyAssumptions(d, briefId);
    },

    addKeyAssumption: ({ briefId, text, status, note, claimIds }) =>
      write(d, () => {
        getBriefMeta(d, briefId);
        const id = store.insertKeyAssumption(d, briefId, { text, status, note: note.trim() });
        store.setAssumptionClaims(d, id, claimsOfBrief(briefId, claimIds));
        const k = store.getKeyAssumption(d, id);
        record(d, briefId, `new key assumption ${quoted(text)}`, [{ op: 'deleteKeyAssumption', id }], [{ op: 'putKeyAssumption', assumption: asRecord(k) }]);
        touchBrief(d, briefId);
        return k;
      }),

    updateKeyAssumption: ({ id, claimIds, ...patch }) =>
      write(d, () => {
        const k = store.getKeyAssumption(d, id);
        store.updateKeyAssumptionRow(d, id, { text: patch.text ?? k.text, status: patch.status ?? k.status, note: patch.note?.trim() ?? k.note });
        if (claimIds) store.setAssumptionClaims(d, id, claimsOfBrief(k.briefId, claimIds));
        const after = store.getKeyAssumption(d, id);
        if (JSON.stringify(asRecord(after)) !== JSON.stringify(asRecord(k))) {
          record(d, k.briefId, `edit of key assumption ${quoted(k.text)}`, [{ op: 'putKeyAssumption', assumption: asRecord(k) }], [
            { op: 'putKeyAssumption', assumption: asRecord(after) },
          ]);
        }
        touchBrief(d, k.briefId);
        return after;
      }),

    removeKeyAssumption: ({ id }) =>
      write(d, () => {
        const k = store.getKeyAssumption(d, id);
        store.deleteKeyAssumption(d, id);
        record(d, k.briefId, `deletion of key assumption ${quoted(k.text)}`, [{ op: 'putKeyAssumption', assumption: asRecord(k) }], [{ op: 'deleteKeyAssumption', id }]);
        touchBrief(d, k.briefId);
        return k;
      }),
  };
}
