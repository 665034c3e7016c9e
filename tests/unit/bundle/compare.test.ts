import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, type TestLibrary } from '../service/helpers';
import { svc, twoLibraries } from './two-libraries';

let a: TestLibrary;
let b: TestLibrary;
twoLibraries((x, y) => {
  a = x;
  b = y;
});
const send = (from: TestLibrary, to: TestLibrary, briefIds: number[] | null, name: string) => {
  const file = path.join(from.dir, name);
  svc(from).exportBundleTo(file, briefIds);
  return svc(to).importBundleFile(file, name, true);
};

describe('comparing a brief with its imported version', () => {
  it('pairs claims by global id and lists what was added, removed and changed', async () => {
    const { source } = await a.call('addSource', { title: 'Wire', body: ARTICLE });
    const q1 = await a.call('createQuote', { sourceId: source.id, start: 0, end: 12 });
    const q2 = await a.call('createQuote', { sourceId: source.id, start: 13, end: 30 });
    const brief = await a.call('createBrief', { title: 'Weekly', summary: 'Talks resume.' });
    const c1 = await a.call('addClaim', { briefId: brief.id, text: 'Talks continue.', confidence: 'moderate' });
    const c2 = await a.call('addClaim', { briefId: brief.id, text: 'Sanctions stay.' });
    await a.call('addClaim', { briefId: brief.id, text: 'Unchanged claim.' });
    await a.call('addCitation', { claimId: c1.id, quoteId: q1.id });
    await a.call('addCitation', { claimId: c2.id, quoteId: q2.id });
    send(a, b, [brief.id], 'a.sourcemark');

    // B: edits claim 1 (text, confidence, a second citation), deletes claim 2, adds a claim at the end.
    const bb = (await b.call('getBrief', { id: (await b.call('listBriefs', {}))[0]!.id }))!;
    const [b1, b2] = bb.claims;
    await b.call('updateClaim', { id: b1!.id, text: 'Talks continue next week.', confidence: 'high' });
    const bq2 = b.running.ctx.store.db.prepare('SELECT id FROM quote WHERE start = 13').pluck().get() as number;
    await b.call('addCitation', { claimId: b1!.id, quoteId: bq2, relation: 'context' });
    await b.call('deleteClaim', { id: b2!.id });
    await b.call('addClaim', { briefId: bb.id, text: 'Bob’s new claim.' });
    await b.call('updateBrief', { id: bb.id, summary: 'Talks resume next week.' });
    const back = send(b, a, [bb.id], 'b.sourcemark');
    expect(back.briefVersionsAdded).toHaveLength(1);

    const related = await a.call('relatedBriefs', { briefId: brief.id });
    expect(related).toEqual([expect.objectContaining({ relation: 'version', title: expect.stringMatching(/^Weekly \(version from /) })]);
    expect(await a.call('relatedBriefs', { briefId: related[0]!.id })).toEqual([expect.objectContaining({ id: brief.id, relation: 'made-from' })]);

    const cmp = await a.call('compareBriefs', { briefId: brief.id, otherId: related[0]!.id });
    expect(cmp.counts).toEqual({ same: 1, changed: 1, added: 1, removed: 1 });
    expect(cmp.rows.map((r) => [r.status, r.left?.text ?? null, r.right?.text ?? null])).toEqual([
      ['changed', 'Talks continue.', 'Talks continue next week.'],
      ['removed', 'Sanctions stay.', null],
      ['same', 'Unchanged claim.', 'Unchanged claim.'],
      ['added', null, 'Bob’s new claim.'],
    ]);
    const changed = cmp.rows[0]!;
    expect(changed.changes).toEqual(['text', 'confidence', 'citations']);
    expect(changed.citationsAdded).toEqual([expect.objectContaining({ sourceTitle: 'Wire', relation: 'context', exact: ARTICLE.slice(13, 30) })]);
    expect(changed.citationsRemoved).toEqual([]);
    expect(cmp.fields).toEqual([{ field: 'summary', left: 'Talks resume.', right: 'Talks resume next week.' }]);

    // Seen from the other side, added and removed swap.
    const reverse = await a.call('compareBriefs', { briefId: related[0]!.id, otherId: brief.id });
    expect(reverse.counts).toEqual({ same: 1, changed: 1, added: 1, removed: 1 });
    expect(reverse.rows.find((r) => r.status === 'added')!.right!.text).toBe('Sanctions stay.');
  });

  it('pairs a version of a version with the version it was made from, by the provenance the bundles carry', async () => {
    // A's brief goes to B; B's edit comes back as version 1. A shares version 1; B edits that, and it
    // comes back as a version of version 1.
    const { source } = await a.call('addSource', { title: 'Wire', body: ARTICLE });
    const q = await a.call('createQuote', { sourceId: source.id, start: 0, end: 12 });
    const original = await a.call('createBrief', { title: 'Weekly' });
    const c1 = await a.call('addClaim', { briefId: original.id, text: 'Talks continue.' });
    await a.call('addClaim', { briefId: original.id, text: 'Sanctions stay.' });
    await a.call('addCitation', { claimId: c1.id, quoteId: q.id });
    send(a, b, [original.id], 'a1.sourcemark');
    const atB = (await b.call('listBriefs', {}))[0]!.id;
    await b.call('updateClaim', { id: (await b.call('getBrief', { id: atB })).claims[0]!.id, text: 'Talks continue on Friday.' });
    const first = send(b, a, [atB], 'b1.sourcemark').briefVersionsAdded[0]!;
    expect(first.localId).toBe(original.id);

    send(a, b, [first.id], 'a2.sourcemark');
    const v1AtB = (await b.call('listBriefs', {})).find((x) => x.title.startsWith('Weekly (version'))!.id;
    await b.call('updateClaim', { id: (await b.call('getBrief', { id: v1AtB })).claims[1]!.id, text: 'Sanctions stay until June.' });
    const second = send(b, a, [v1AtB], 'b2.sourcemark').briefVersionsAdded[0]!;
    // It arrives as a version of version 1, not of the original.
    expect(second.localId).toBe(first.id);

    // Compare offers each brief's direct predecessor first.
    expect((await a.call('relatedBriefs', { briefId: second.id })).map((r) => [r.id, r.relation])).toEqual([
      [first.id, 'made-from'],
      [original.id, 'related'],
    ]);
    expect((await a.call('relatedBriefs', { briefId: first.id })).map((r) => [r.id, r.relation])).toEqual([
      [original.id, 'made-from'],
      [second.id, 'version'],
    ]);
    expect((await a.call('relatedBriefs', { briefId: original.id }))[0]).toMatchObject({ id: first.id, relation: 'version' });

    // Against the version it was made from: one claim changed (the second), the first the same.
    const direct = await a.call('compareBriefs', { briefId: first.id, otherId: second.id });
    expect(direct.rows.map((r) => [r.status, r.left?.text ?? null, r.right?.text ?? null])).toEqual([
      ['same', 'Talks continue on Friday.', 'Talks continue on Friday.'],
      ['changed', 'Sanctions stay.', 'Sanctions stay until June.'],
    ]);
    // And traced two steps back to the original: both claims changed, none added or removed.
    const toOriginal = await a.call('compareBriefs', { briefId: original.id, otherId: second.id });
    expect(toOriginal.counts).toEqual({ same: 0, changed: 2, added: 0, removed: 0 });
  });

  it('gives each side its own brief’s probability wording, and names a change of wording', async () => {
    const brief = await a.call('createBrief', { title: 'Weekly' });
    await a.call('addClaim', { briefId: brief.id, text: 'Talks continue.', likelihood: 'likely' });
    send(a, b, [brief.id], 'a.sourcemark');
    const atB = (await b.call('listBriefs', {}))[0]!.id;
    await b.call('updateBrief', { id: atB, likelihoodRow: 'probable' });
    const version = send(b, a, [atB], 'b.sourcemark').briefVersionsAdded[0]!;
    const cmp = await a.call('compareBriefs', { briefId: brief.id, otherId: version.id });
    expect([cmp.left.likelihoodRow, cmp.right.likelihoodRow]).toEqual(['likely', 'probable']);
    expect(cmp.fields).toEqual([{ field: 'likelihoodRow', left: 'likely', right: 'probable' }]);
    // The same judgment, worded as each brief words it: not a changed claim.
    expect(cmp.rows.map((r) => [r.status, r.left?.likelihood, r.right?.likelihood])).toEqual([['same', 'likely', 'likely']]);
  });

  it('says which brief does not exist', async () => {
    const brief = await a.call('createBrief', { title: 'Only' });
    await expect(a.call('compareBriefs', { briefId: brief.id, otherId: 999 })).rejects.toThrow(/Brief 999 does not exist/);
  });
});
