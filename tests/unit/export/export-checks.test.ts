// What stops an export, and what it leaves behind: tampered sources, uncited claims, bad paths.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBrief, openExportLibrary, sharedRenderer, type ExportLibrary } from './export-helpers';

const renderer = sharedRenderer();
let lib: ExportLibrary;
afterAll(() => renderer.shutdown());
beforeEach(async () => {
  lib = await openExportLibrary(renderer);
});
afterEach(async () => {
  await lib.close();
});

const BODY_A = 'The ministry confirmed the closure of the northern terminal on Monday.';
const BODY_B = 'Shipping agents said the southern terminal stayed open all week.';

async function twoClaimBrief() {
  return buildBrief(lib, {
    title: 'Terminals',
    sources: [
      { title: 'Ministry statement', body: BODY_A },
      { title: 'Agents’ note', body: BODY_B },
    ],
    claims: [
      { text: 'The northern terminal closed.', cites: [{ source: 0, passage: 'confirmed the closure of the northern terminal' }] },
      { text: 'The southern terminal stayed open.', cites: [{ source: 1, passage: 'the southern terminal stayed open', relation: 'supports' }] },
    ],
  });
}

const exportFiles = () => (fs.existsSync(lib.exportsDir) ? fs.readdirSync(lib.exportsDir) : []);
const db = () => lib.running.ctx.store.db;
/** The store forbids changing a source text; a test can only simulate tampering by lifting that rule. */
const liftImmutability = () => db().exec('DROP TRIGGER source_body_immutable');

describe('faithfulness before export', () => {
  it('passes a brief whose passages all match their sources', async () => {
    const id = await twoClaimBrief();
    expect(await lib.call('checkExport', { briefId: id })).toMatchObject({ uncitedClaims: [], problems: [], empty: null });
  });

  it('stops the export when a source text no longer matches its fingerprint, naming claim and source', async () => {
    const id = await twoClaimBrief();
    liftImmutability();
    db().prepare('UPDATE source SET body = ? WHERE title = ?').run(BODY_B.replace('stayed open', 'was closed'), 'Agents’ note');
    const check = await lib.call('checkExport', { briefId: id });
    expect(check.uncitedClaims).toEqual([]);
    expect(check.problems).toEqual([
      expect.objectContaining({ claimNumber: 2, citationNumber: 2, sourceTitle: 'Agents’ note', reason: expect.stringContaining('SHA-256') }),
    ]);
    for (const format of ['pdf', 'markdown'] as const) {
      const err = await lib.refuse('exportBrief', { briefId: id, format });
      expect(err.code).toBe('EXPORT_UNFAITHFUL');
      expect(err.message).toContain('claim 2, citation [2] from “Agents’ note”');
    }
    expect(exportFiles()).toEqual([]);
    expect(await lib.call('exportRecords', { briefId: id })).toEqual([]);
  });

  it('stops the export when the quoted words are not the source text at their place, even with a matching hash', async () => {
    const id = await twoClaimBrief();
    liftImmutability();
    const forged = BODY_A.replace('confirmed', 'doubted  ');
    db()
      .prepare('UPDATE source SET body = ?, body_sha256 = ? WHERE title = ?')
      .run(forged, crypto.createHash('sha256').update(forged).digest('hex'), 'Ministry statement');
    const err = await lib.refuse('exportBrief', { briefId: id, format: 'pdf', allowUncited: true });
    expect(err.code).toBe('EXPORT_UNFAITHFUL');
    expect(err.message).toContain('claim 1, citation [1] from “Ministry statement”');
    expect(err.message).toContain('not the source text at characters');
    expect(err.details).toMatchObject({ problems: [{ claimNumber: 1, quoteId: expect.any(Number) }] });
    expect(exportFiles()).toEqual([]);
  });
});

describe('claims without citations', () => {
  it('are listed before export; exporting needs the analyst to say go on', async () => {
    const id = await twoClaimBrief();
    const extra = await lib.call('addClaim', { briefId: id, text: 'Traffic will recover next month.' });
    const check = await lib.call('checkExport', { briefId: id });
    expect(check).toMatchObject({ uncitedClaims: [{ claimId: extra.id, number: 3, text: 'Traffic will recover next month.' }], problems: [] });
    const err = await lib.refuse('exportBrief', { briefId: id, format: 'markdown' });
    expect(err.code).toBe('EXPORT_UNCITED');
    expect(err.message).toBe('Claim 3 cites no passage. Add a citation, or export anyway.');
    expect(exportFiles()).toEqual([]);
    const { record, pages } = await lib.call('exportBrief', { briefId: id, format: 'markdown', allowUncited: true });
    expect(pages).toBeNull();
    const md = fs.readFileSync(record.path, 'utf8');
    expect(md).toContain('3\\. Traffic will recover next month.  \n*Evidence: No supporting source*  \n*This claim cites no passage.*');
  });
});

describe('Markdown export through the service', () => {
  it('writes the file, records its hash and hands the bytes back for download', async () => {
    const id = await twoClaimBrief();
    const { record } = await lib.call('exportBrief', { briefId: id, format: 'markdown' });
    expect(record.path.endsWith('.md')).toBe(true);
    const bytes = fs.readFileSync(record.path);
    expect(record.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(record.bytes).toBe(bytes.length);
    const md = bytes.toString('utf8');
    expect(md).toContain('1\\. The northern terminal closed.[^1]');
    expect(md).toContain('    > confirmed the closure of the northern terminal');
    const download = await lib.download(record.id);
    expect(download).toMatchObject({ fileName: path.basename(record.path), mime: 'text/markdown; charset=utf-8' });
    expect(download.bytes.toString('utf8')).toBe(md);
  });
});

describe('where an export may be written', () => {
  it('takes no path from the caller: browser mode writes into exports/, never over the library', async () => {
    const id = await twoClaimBrief();
    const before = fs.readFileSync(path.join(lib.dir, 'library.sqlite'));
    for (const p of ['brief.md', path.join(lib.dir, '..', 'x.md'), path.join(lib.dir, 'library.sqlite')]) {
      expect((await lib.refuse('exportBrief', { briefId: id, format: 'markdown', path: p })).code).toBe('INVALID_INPUT');
    }
    expect(fs.readFileSync(path.join(lib.dir, 'library.sqlite')).equals(before)).toBe(true);
    expect(await lib.call('exportRecords', { briefId: id })).toEqual([]);
    expect((await lib.refuse('exportBrief', { briefId: 999, format: 'pdf' })).code).toBe('NOT_FOUND');
    await expect(lib.download(999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
