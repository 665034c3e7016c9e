// The tradecraft fields (issue 11) as stored: likelihood beside confidence, the product template of a
// brief, the ICD 206 source type; refusals say what is wrong and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE, openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openLibrary();
});
afterEach(async () => {
  await lib.close();
});

describe('tradecraft fields', () => {
  it('keeps likelihood and confidence as separate claim fields, through undo of a deletion', async () => {
    const brief = await lib.call('createBrief', { title: 'Port' });
    expect(brief).toMatchObject({ likelihoodRow: 'likely', organisation: '', dissemination: '', cutoffDate: null, portionMark: '', sourceSummary: '' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: 'The port will likely reopen.', likelihood: 'likely' });
    expect(claim).toMatchObject({ likelihood: 'likely', confidence: null });
    const both = await lib.call('updateClaim', { id: claim.id, confidence: 'moderate' });
    expect(both).toMatchObject({ likelihood: 'likely', confidence: 'moderate' });
    await lib.call('deleteClaim', { id: claim.id });
    await lib.call('undo', { briefId: brief.id });
    const back = (await lib.call('getBrief', { id: brief.id })).claims[0]!;
    expect(back).toMatchObject({ id: claim.id, likelihood: 'likely', confidence: 'moderate' });
    await lib.call('updateClaim', { id: back.id, likelihood: 'unlikely' });
    expect((await lib.call('undo', { briefId: brief.id })).label).toBe('likelihood of claim 1 (likely → unlikely)');
    expect((await lib.call('updateClaim', { id: back.id, likelihood: null })).likelihood).toBeNull();
  });

  it('stores the product template and the source summary statement', async () => {
    const brief = await lib.call('createBrief', { title: 'Port', organisation: 'Open Source Desk', likelihoodRow: 'probable' });
    const edited = await lib.call('updateBrief', {
      id: brief.id,
      author: 'A. Analyst',
      dissemination: 'Distribution: project team only',
      cutoffDate: '2026-02-28',
      portionMark: 'U',
      sourceSummary: 'Three sources, two of them official.',
    });
    expect(edited).toMatchObject({
      organisation: 'Open Source Desk',
      likelihoodRow: 'probable',
      author: 'A. Analyst',
      dissemination: 'Distribution: project team only',
      cutoffDate: '2026-02-28',
      portionMark: 'U',
      sourceSummary: 'Three sources, two of them official.',
    });
    expect((await lib.call('getBrief', { id: brief.id })).cutoffDate).toBe('2026-02-28');
    expect((await lib.call('updateBrief', { id: brief.id, cutoffDate: '' })).cutoffDate).toBeNull();
  });

  it('refuses values outside the scales, clearly and without writing', async () => {
    const brief = await lib.call('createBrief', { title: 'Port' });
    const claim = await lib.call('addClaim', { briefId: brief.id, text: 'x' });
    const before = lib.snapshot();
    expect((await lib.refuse('updateClaim', { id: claim.id, likelihood: 'probably' })).message).toContain('seven ICD 203 levels');
    expect((await lib.refuse('updateBrief', { id: brief.id, likelihoodRow: 'maybe' })).message).toContain('probable/improbable row');
    expect((await lib.refuse('updateBrief', { id: brief.id, cutoffDate: '2026-02-30' })).message).toContain('not a date in the calendar');
    expect((await lib.refuse('updateBrief', { id: brief.id, portionMark: '(U)' })).message).toContain('without brackets');
    expect((await lib.refuse('addSource', { title: 'S', body: ARTICLE, sourceType: 'blog' })).message).toContain('ICD 206');
    expect(lib.snapshot()).toBe(before);
  });

  it('keeps a source type and lets the store accept Word documents but nothing else new', async () => {
    const { source } = await lib.call('addSource', { title: 'S', body: ARTICLE, sourceType: 'think-tank-report' });
    expect(source.sourceType).toBe('think-tank-report');
    expect((await lib.call('updateSource', { id: source.id, patch: { sourceType: 'dataset' } })).sourceType).toBe('dataset');
    const db = lib.running.ctx.store.db;
    db.prepare("UPDATE source SET format = 'docx' WHERE id = ?").run(source.id);
    expect(() => db.prepare("UPDATE source SET format = 'xlsx' WHERE id = ?").run(source.id)).toThrow(/CHECK constraint/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
