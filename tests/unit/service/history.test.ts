import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openService } from '../../../main/service/index';
import { HISTORY_DEPTH } from '../../../db/history';
import { ARTICLE, openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openLibrary();
});
afterEach(async () => {
  await lib.close();
});

async function briefWithEvidence() {
  const brief = await lib.call('createBrief', { title: 'Exercise' });
  const { source } = await lib.call('addSource', { title: 'The Hill', body: ARTICLE });
  const q1 = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 7 });
  const q2 = await lib.call('createQuote', { sourceId: source.id, start: 8, end: 19 });
  const c1 = await lib.call('addClaim', { briefId: brief.id, text: 'One' });
  const c2 = await lib.call('addClaim', { briefId: brief.id, text: 'Two' });
  const cit = await lib.call('addCitation', { claimId: c2.id, quoteId: q1.id });
  return { brief, source, q1, q2, c1, c2, cit };
}

const relations = async (briefId: number) =>
  (await lib.call('getBrief', { id: briefId })).claims.map((c) => `${c.text}:${c.citations.map((ci) => ci.relation).join(',')}`);

describe('the brief’s undo history', () => {
  it('undoes a relation change made before the claim was deleted and restored, and redoes both', async () => {
    const { brief, cit } = await briefWithEvidence();
    await lib.call('updateCitation', { id: cit.id, relation: 'contradicts' });
    await lib.call('deleteClaim', { id: cit.claimId });
    expect(await relations(brief.id)).toEqual(['One:']);

    expect((await lib.call('undo', { briefId: brief.id })).label).toBe('deletion of claim 2');
    expect(await relations(brief.id)).toEqual(['One:', 'Two:contradicts']);
    const back = await lib.call('undo', { briefId: brief.id });
    expect(back.label).toBe('relation of the citation of “The Hill” in claim 2 (supports → contradicts)');
    expect(await relations(brief.id)).toEqual(['One:', 'Two:supports']);
    expect(back.state).toEqual({ briefId: brief.id, undo: 'new citation of “The Hill” in claim 2', redo: back.label });

    await lib.call('redo', { briefId: brief.id });
    await lib.call('redo', { briefId: brief.id });
    expect(await relations(brief.id)).toEqual(['One:']);
    expect((await lib.call('redo', { briefId: brief.id })).label).toBeNull();
  });

  it('survives closing and reopening the library', async () => {
    const { brief, c1 } = await briefWithEvidence();
    await lib.call('updateClaim', { id: c1.id, text: 'One, edited' });
    await lib.running.close();
    const reopened = await openService({
      dataDir: lib.dir,
      mode: 'web',
      version: 'test',
      pdf: { render: async () => new Uint8Array(), close: async () => {} },
      seedDemo: false,
    });
    lib.running = reopened; // afterEach closes this one
    expect(await reopened.service.undoState({ briefId: brief.id })).toMatchObject({ undo: 'edit of claim 1', redo: null });
    await reopened.service.undo({ briefId: brief.id });
    expect((await reopened.service.getBrief({ id: brief.id })).claims[0]!.text).toBe('One');
  });

  it('keeps each brief’s history to itself, and a new change ends the redo branch', async () => {
    const { brief, c1 } = await briefWithEvidence();
    const other = await lib.call('createBrief', { title: 'Other' });
    await lib.call('addClaim', { briefId: other.id, text: 'Elsewhere' });
    await lib.call('updateBrief', { id: brief.id, summary: 'BLUF' });
    expect((await lib.call('undo', { briefId: brief.id })).label).toBe('edit of the bottom line');
    expect((await lib.call('getBrief', { id: brief.id })).summary).toBe('');
    expect((await lib.call('getBrief', { id: other.id })).claims).toHaveLength(1);
    await lib.call('updateClaim', { id: c1.id, confidence: 'high' });
    expect(await lib.call('undoState', { briefId: brief.id })).toMatchObject({ undo: 'confidence of claim 1 (not set → high)', redo: null });
  });

  it('undoes claim moves and additions', async () => {
    const { brief, c1, c2 } = await briefWithEvidence();
    await lib.call('moveClaim', { id: c2.id, afterId: null });
    expect((await lib.call('getBrief', { id: brief.id })).claims.map((c) => c.id)).toEqual([c2.id, c1.id]);
    expect((await lib.call('undo', { briefId: brief.id })).label).toBe('move of claim 2 to 1');
    expect((await lib.call('getBrief', { id: brief.id })).claims.map((c) => c.id)).toEqual([c1.id, c2.id]);
    const added = await lib.call('addClaim', { briefId: brief.id, text: '', afterId: c1.id });
    expect((await lib.call('undo', { briefId: brief.id })).label).toBe('new claim 2');
    expect((await lib.call('getBrief', { id: brief.id })).claims.map((c) => c.id)).toEqual([c1.id, c2.id]);
    await lib.call('redo', { briefId: brief.id });
    expect((await lib.call('getBrief', { id: brief.id })).claims.map((c) => c.id)).toEqual([c1.id, added.id, c2.id]);
  });

  it('restores what it can when a cited passage was deleted from the library since, and says what it could not', async () => {
    const { brief, c2, q1, q2 } = await briefWithEvidence();
    await lib.call('addCitation', { claimId: c2.id, quoteId: q2.id });
    await lib.call('deleteClaim', { id: c2.id });
    await lib.call('deleteQuote', { id: q1.id });
    const out = await lib.call('undo', { briefId: brief.id });
    expect(out.notes).toEqual(['a citation could not come back because its passage has been deleted from the library']);
    const claims = (await lib.call('getBrief', { id: brief.id })).claims;
    expect(claims.map((c) => c.citations.map((ci) => ci.quoteId))).toEqual([[], [q2.id]]);
  });

  it('forgets steps beyond its depth and refuses unknown briefs', async () => {
    const { brief, c1 } = await briefWithEvidence();
    for (let i = 0; i < HISTORY_DEPTH + 5; i++) await lib.call('updateClaim', { id: c1.id, text: `v${i}` });
    const n = lib.running.ctx.store.db.prepare('SELECT count(*) FROM undo_step WHERE brief_id = ?').pluck().get(brief.id);
    expect(n).toBe(HISTORY_DEPTH);
    expect((await lib.refuse('undo', { briefId: 999 })).message).toContain('Brief 999 does not exist');
  });
});

describe('global ids through undo', () => {
  const uidOf = (id: number) => lib.running.ctx.store.db.prepare('SELECT uid FROM claim WHERE id = ?').pluck().get(id) as string | undefined;

  it('a claim deleted and restored by undo keeps its uid, so a bundle receiver still knows it', async () => {
    const { brief, c2 } = await briefWithEvidence();
    const uid = uidOf(c2.id);
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await lib.call('deleteClaim', { id: c2.id });
    expect(uidOf(c2.id)).toBeUndefined();
    await lib.call('undo', { briefId: brief.id });
    expect(uidOf(c2.id)).toBe(uid);
  });

  it('a claim added, undone and redone keeps its uid', async () => {
    const { brief } = await briefWithEvidence();
    const c3 = await lib.call('addClaim', { briefId: brief.id, text: 'Three' });
    const uid = uidOf(c3.id);
    await lib.call('undo', { briefId: brief.id });
    expect(uidOf(c3.id)).toBeUndefined();
    await lib.call('redo', { briefId: brief.id });
    expect(uidOf(c3.id)).toBe(uid);
  });
});
