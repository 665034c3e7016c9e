// docs/bundle-format.md must let another tool read a bundle. scripts/read-bundle.py was written from
// that page alone (Python, nothing of Sourcemark); here it checks bundles Sourcemark made, with text in
// several scripts, an emoji, quotes, a backslash, a tab and a line separator, and must refuse a changed one.
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE, openLibrary, type TestLibrary } from '../service/helpers';

const python = spawnSync('python3', ['-c', 'import cryptography'], { encoding: 'utf8' });
const reason = python.error ? 'python3 is not installed' : python.status !== 0 ? 'the Python package cryptography is not installed' : null;
if (reason) console.warn(`Skipping the independent bundle reader: ${reason}.`);

const SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/read-bundle.py');
const MIXED = 'Министр заявил, что переговоры продолжатся. 外交部发言人表示 😀 قال المتحدث "quoted" \\ back\tslash\u2028end';

let a: TestLibrary;
beforeEach(async () => {
  a = await openLibrary();
});
afterEach(async () => {
  await a.close();
});

const read = (file: string) => spawnSync('python3', [SCRIPT, file], { encoding: 'utf8' });

describe.skipIf(reason !== null)('a bundle read by a tool written from the format page alone', () => {
  it('checks every row, body, passage, the digest and the signature of a bundle Sourcemark exported', async () => {
    await a.call('setBundleAuthor', { name: 'Алиса' });
    const { source } = await a.call('addSource', { title: 'Wire "report" é', body: ARTICLE, url: 'https://example.org/a' });
    const { source: mixed } = await a.call('addSource', { title: 'Мир', body: MIXED });
    const q1 = await a.call('createQuote', { sourceId: source.id, start: 0, end: 12, note: 'lead\nline' });
    // From inside the Chinese text through the emoji (a surrogate pair) to the end of the Arabic.
    const from = MIXED.indexOf('外');
    const q2 = await a.call('createQuote', { sourceId: mixed.id, start: from, end: MIXED.indexOf('"quoted"') });
    const tag = await a.call('createTag', { name: 'Ukraine' });
    await a.call('attachTag', { tagId: tag.id, target: { kind: 'quote', id: q1.id } });
    const brief = await a.call('createBrief', { title: 'Weekly — еженедельно', summary: 'BLUF' });
    const claim = await a.call('addClaim', { briefId: brief.id, text: 'Talks continue.', likelihood: 'likely', confidence: 'high' });
    await a.call('addCitation', { claimId: claim.id, quoteId: q1.id });
    await a.call('addCitation', { claimId: claim.id, quoteId: q2.id, relation: 'context' });
    const out = await a.call('exportBundle', {});

    const r = read(out.record.path);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      counts: out.counts,
      briefs: ['Weekly — еженедельно'],
      author: 'Алиса',
      fingerprint: out.fingerprint,
    });
  });

  it('refuses a bundle whose passage was changed, naming what failed', async () => {
    const { source } = await a.call('addSource', { title: 'Wire', body: ARTICLE });
    await a.call('createQuote', { sourceId: source.id, start: 0, end: 12 });
    const out = await a.call('exportBundle', {});
    const copy = path.join(a.dir, 'changed.sourcemark');
    fs.copyFileSync(out.record.path, copy);
    const db = new Database(copy);
    db.prepare("UPDATE quote SET note = 'added later'").run();
    db.close();
    const r = read(copy);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^REFUSED: quote row .* does not match its row_sha256/);
    // The untouched original still reads.
    expect(execFileSync('python3', [SCRIPT, out.record.path], { encoding: 'utf8' })).toContain('"quote": 1');
  });
});
