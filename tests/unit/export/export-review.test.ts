// The export review and the export share one faithfulness check: exportBrief given the review's
// token reuses its result while nothing was written to the library, and checks again (refusing a
// brief that no longer passes) as soon as anything was.
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkBrief } from '../../../main/export/faithfulness';
import { buildBrief, openExportLibrary, sharedRenderer, type ExportLibrary } from './export-helpers';

// Every run of the check is counted; the real check still runs.
vi.mock('../../../main/export/faithfulness', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/export/faithfulness')>();
  return { ...real, checkBrief: vi.fn(real.checkBrief) };
});
const checks = vi.mocked(checkBrief);

const renderer = sharedRenderer();
let lib: ExportLibrary;
afterAll(() => renderer.shutdown());
beforeEach(async () => {
  lib = await openExportLibrary(renderer);
  checks.mockClear();
});
afterEach(async () => {
  await lib.close();
});

const BODY = 'The ministry confirmed the closure of the northern terminal on Monday.';

async function brief(title = 'Terminals') {
  return buildBrief(lib, {
    title,
    sources: [{ title: `Ministry statement (${title})`, body: BODY }],
    claims: [{ text: 'The northern terminal closed.', cites: [{ source: 0, passage: 'confirmed the closure of the northern terminal' }] }],
  });
}

const db = () => lib.running.ctx.store.db;

describe('one faithfulness check per export', () => {
  it('reuses the reviewed check when nothing changed between the review and the export', async () => {
    const id = await brief();
    checks.mockClear();
    const review = await lib.call('checkExport', { briefId: id });
    expect(review).toMatchObject({ problems: [], uncitedClaims: [], token: expect.any(String) });
    const done = await lib.call('exportBrief', { briefId: id, format: 'markdown', checkToken: review.token });
    expect(done.record.format).toBe('markdown');
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it('checks again without a token, with a token from another brief, and after the export wrote its record', async () => {
    const id = await brief('First');
    const other = await brief('Second');
    checks.mockClear();
    await lib.call('exportBrief', { briefId: id, format: 'markdown' });
    expect(checks).toHaveBeenCalledTimes(1);

    const otherReview = await lib.call('checkExport', { briefId: other });
    await lib.call('exportBrief', { briefId: id, format: 'markdown', checkToken: otherReview.token });
    expect(checks).toHaveBeenCalledTimes(3);

    // The first export's audit record is a write: the same token no longer stands for the library.
    const review = await lib.call('checkExport', { briefId: id });
    await lib.call('exportBrief', { briefId: id, format: 'markdown', checkToken: review.token });
    await lib.call('exportBrief', { briefId: id, format: 'markdown', checkToken: review.token });
    expect(checks).toHaveBeenCalledTimes(5);
    // A token the service never gave is simply not a review.
    await lib.call('exportBrief', { briefId: id, format: 'markdown', checkToken: 'made-up' });
    expect(checks).toHaveBeenCalledTimes(6);
  });

  it('checks again when the brief changed after the review, and exports what is now stored', async () => {
    const id = await brief();
    const review = await lib.call('checkExport', { briefId: id });
    const [claim] = (await lib.call('getBrief', { id })).claims;
    await lib.call('updateClaim', { id: claim!.id, text: 'The northern terminal closed on Monday.' });
    checks.mockClear();
    const done = await lib.call('exportBrief', { briefId: id, format: 'markdown', checkToken: review.token });
    expect(checks).toHaveBeenCalledTimes(1);
    expect((await lib.download(done.record.id)).bytes.toString('utf8')).toContain('The northern terminal closed on Monday.');
  });

  it('refuses the export when a passage stopped matching its source after a clean review', async () => {
    const id = await brief();
    const review = await lib.call('checkExport', { briefId: id });
    expect(review.problems).toEqual([]);
    db().exec('DROP TRIGGER source_body_immutable');
    db().prepare('UPDATE source SET body = ?').run(BODY.replace('confirmed', 'denied'));
    checks.mockClear();
    const err = await lib.refuse('exportBrief', { briefId: id, format: 'markdown', checkToken: review.token });
    expect(err.code).toBe('EXPORT_UNFAITHFUL');
    expect(err.message).toContain('SHA-256');
    expect(checks).toHaveBeenCalledTimes(1);
    expect(await lib.call('exportRecords', { briefId: id })).toEqual([]);
  });

  it('refuses it too when another program changed the library file after the review', async () => {
    const id = await brief();
    const review = await lib.call('checkExport', { briefId: id });
    // A second connection, as another program would open the file: its commit is not one of ours.
    const other = new Database(lib.running.ctx.store.file);
    try {
      other.exec('DROP TRIGGER source_body_immutable');
      const forged = BODY.replace('confirmed the closure', 'doubted the closure  ');
      other.prepare('UPDATE source SET body = ?, body_sha256 = ?').run(forged, crypto.createHash('sha256').update(forged).digest('hex'));
    } finally {
      other.close();
    }
    checks.mockClear();
    const err = await lib.refuse('exportBrief', { briefId: id, format: 'markdown', checkToken: review.token });
    expect(err.code).toBe('EXPORT_UNFAITHFUL');
    expect(err.message).toContain('not the source text at characters');
    expect(checks).toHaveBeenCalledTimes(1);
  });
});
