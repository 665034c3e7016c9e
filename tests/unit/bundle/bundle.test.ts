import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, type TestLibrary } from '../service/helpers';
import { svc, twoLibraries } from './two-libraries';
import { rowHash, table } from '../../../db/bundle/format';
import { collectRows } from '../../../db/bundle/collect';
import { writeBundle } from '../../../db/bundle/write';
import { loadOrCreateKey } from '../../../main/bundle/keys';
import { stageBundleBytes } from '../../../main/bundle/uploads';

/** A file as browser mode's POST /upload/bundle keeps it: the upload id the contract names. */
const upload = (lib: TestLibrary, file: string, name = path.basename(file)) => ({ name, upload: stageBundleBytes(lib.dir, name, fs.readFileSync(file)) });

let a: TestLibrary;
let b: TestLibrary;
twoLibraries((x, y) => {
  a = x;
  b = y;
});
const RUSSIAN = 'Министр заявил, что переговоры продолжатся в пятницу. 外交部发言人表示，谈判将继续。 قال المتحدث إن المحادثات ستستمر.';

async function makeBrief(lib: TestLibrary) {
  const { source } = await lib.call('addSource', { title: 'Wire report', body: ARTICLE, url: 'https://example.org/a' });
  const { source: intl } = await lib.call('addSource', { title: 'Мир', body: RUSSIAN });
  const q1 = await lib.call('createQuote', { sourceId: source.id, start: 0, end: 12, note: 'lead' });
  const q2 = await lib.call('createQuote', { sourceId: intl.id, start: 0, end: 7 });
  const tag = await lib.call('createTag', { name: 'Ukraine' });
  await lib.call('attachTag', { tagId: tag.id, target: { kind: 'quote', id: q1.id } });
  const brief = await lib.call('createBrief', { title: 'Weekly', summary: 'BLUF' });
  const c1 = await lib.call('addClaim', { briefId: brief.id, text: 'Talks continue.' });
  await lib.call('addCitation', { claimId: c1.id, quoteId: q1.id });
  await lib.call('addCitation', { claimId: c1.id, quoteId: q2.id, relation: 'context' });
  return { brief, source, intl, q1, q2 };
}

function exportTo(lib: TestLibrary, briefIds: number[] | null, name = 'out.sourcemark', sign = true) {
  const file = path.join(lib.dir, name);
  const r = svc(lib).exportBundleTo(file, briefIds, sign);
  return { file, ...r };
}

/** Opens a copy of a bundle for editing, as a tamperer with a SQLite tool would. */
function tamper(file: string, fn: (db: Database.Database) => void): string {
  const copy = `${file}.tampered`;
  fs.copyFileSync(file, copy);
  const db = new Database(copy);
  fn(db);
  db.close();
  return copy;
}

describe('bundle export and import', () => {
  it('moves a brief with its evidence byte-exact and importing twice changes nothing', async () => {
    const { brief } = await makeBrief(a);
    const { file, manifest, fingerprint } = exportTo(a, [brief.id]);
    expect(manifest.counts).toMatchObject({ source: 2, quote: 2, brief: 1, claim: 1, citation: 2, tag: 1, quote_tag: 1 });
    const summary = svc(b).inspectBundleFile(file, 'out.sourcemark');
    expect(summary.signer).toMatchObject({ status: 'unknown', fingerprint });
    expect(() => svc(b).importBundleFile(file, 'out.sourcemark', false)).toThrow(/does not know/);
    const r = svc(b).importBundleFile(file, 'out.sourcemark', true);
    expect(r).toMatchObject({ sourcesAdded: 2, passagesAdded: 2, briefsAdded: 1 });
    const bodies = b.running.ctx.store.db.prepare('SELECT body FROM source ORDER BY body').pluck().all();
    expect(bodies).toEqual([ARTICLE, RUSSIAN].sort());
    const before = b.snapshot();
    const again = svc(b).importBundleFile(file, 'out.sourcemark', true);
    expect(again).toMatchObject({ sourcesAdded: 0, passagesAdded: 0, briefsAdded: 0, briefsUnchanged: 1, notesAdded: 0 });
    expect(b.snapshot()).toBe(before);
    // B re-exports what it received: the same content digest.
    const back = exportTo(b, null, 'back.sourcemark');
    expect(back.manifest.content_digest).toBe(manifest.content_digest);
  });

  it('round trip A → B → A: B edits, A gets a version beside its own, notes added, metadata offered', async () => {
    const { brief, q1, source } = await makeBrief(a);
    const first = exportTo(a, [brief.id]);
    svc(b).importBundleFile(first.file, 'x', true);
    svc(a).setBundleAuthor({ name: 'Alice' });
    svc(b).setBundleAuthor({ name: 'Bob' });
    const bBrief = (await b.call('listBriefs', {}))[0]!;
    await b.call('addClaim', { briefId: bBrief.id, text: 'Bob adds a claim.' });
    const bQuote = b.running.ctx.store.db.prepare('SELECT id FROM quote WHERE start = 0 AND "end" = 12').pluck().get() as number;
    await b.call('updateQuote', { id: bQuote, note: 'Bob: confirmed by a second outlet' });
    const bSource = b.running.ctx.store.db.prepare('SELECT id FROM source WHERE url = ?').pluck().get('https://example.org/a') as number;
    await b.call('updateSource', { id: bSource, patch: { outlet: 'Wire' } });
    const second = exportTo(b, null, 'from-bob.sourcemark');
    svc(a).markSignerKnown({ fingerprint: second.fingerprint!, name: 'Bob (cell 2)' });
    expect(svc(a).inspectBundleFile(second.file, 'from-bob').signer.status).toBe('known');
    const r = svc(a).importBundleFile(second.file, 'from-bob', false);
    expect(r.briefVersionsAdded).toHaveLength(1);
    expect(r.briefVersionsAdded[0]!.title).toMatch(/^Weekly \(version from Bob \(cell 2\), \d{4}-\d\d-\d\d\)$/);
    expect(r.notesAdded).toBe(1);
    expect(r.metadataOffers).toEqual([expect.objectContaining({ field: 'outlet', local: null, bundle: 'Wire' })]);
    // The local brief, note and metadata are untouched, the new ones sit beside them.
    expect((await a.call('getBrief', { id: brief.id })).claims.map((c) => c.text)).toEqual(['Talks continue.']);
    const note = (await a.call('getQuote', { id: q1.id })).note;
    expect(note).toContain('lead');
    expect(note).toContain('Bob: confirmed by a second outlet');
    expect((await a.call('getSource', { id: source.id })).outlet ?? null).toBeNull();
    expect((await a.call('listBriefs', {})).map((x) => x.title)).toHaveLength(2);
    const before = a.snapshot();
    svc(a).importBundleFile(second.file, 'from-bob', false);
    expect(a.snapshot()).toBe(before);
  });

  it('shows what an import would do before it writes anything, and takes offered details field by field', async () => {
    const { brief, source } = await makeBrief(a);
    const first = exportTo(a, [brief.id]);
    svc(b).importBundleFile(first.file, 'x', true);
    const bSource = b.running.ctx.store.db.prepare('SELECT id FROM source WHERE url = ?').pluck().get('https://example.org/a') as number;
    await b.call('updateSource', { id: bSource, patch: { title: 'Wire report (corrected)', outlet: 'Wire', author: 'R. Diaz', publishedAt: '2026-03-01' } });
    const bBrief = (await b.call('listBriefs', {}))[0]!;
    await b.call('addClaim', { briefId: bBrief.id, text: 'Bob adds a claim.' });
    const { source: extra } = await b.call('addSource', { title: 'Extra', body: 'A third text, only in B.' });
    const q = await b.call('createQuote', { sourceId: extra.id, start: 0, end: 12 });
    const c = (await b.call('getBrief', { id: bBrief.id })).claims[1]!;
    await b.call('addCitation', { claimId: c.id, quoteId: q.id });
    const second = exportTo(b, [bBrief.id], 'from-bob.sourcemark');

    const before = a.snapshot();
    const { plan } = svc(a).inspectBundleFile(second.file, 'from-bob');
    expect(a.snapshot()).toBe(before);
    expect(plan.sourcesNew).toEqual([expect.objectContaining({ title: 'Extra' })]);
    expect(plan).toMatchObject({ sourcesKnown: 2, passagesNew: 1, passagesKnown: 2 });
    expect(plan.briefs).toEqual([expect.objectContaining({ title: 'Weekly', fate: 'version', claims: 2, localTitle: 'Weekly' })]);
    expect(plan.metadataOffers.map((o) => [o.field, o.local, o.bundle])).toEqual([
      ['title', 'Wire report', 'Wire report (corrected)'],
      ['outlet', null, 'Wire'],
      ['author', null, 'R. Diaz'],
      ['publishedAt', null, '2026-03-01'],
    ]);
    expect(plan.metadataOffers.every((o) => o.sourceId === source.id)).toBe(true);

    // The analyst takes the bundle's title and outlet and keeps their own (empty) author and date.
    const sha = plan.metadataOffers[0]!.sha256;
    const r = svc(a).importBundle({ ...upload(a, second.file, 'from-bob'), acceptUnverified: true, takeMetadata: [
      { sha256: sha, field: 'title' },
      { sha256: sha, field: 'outlet' },
    ] });
    expect(r.metadataTaken).toBe(2);
    expect(r.metadataOffers.map((o) => o.field)).toEqual(['author', 'publishedAt']);
    const after = await a.call('getSource', { id: source.id });
    expect(after).toMatchObject({ title: 'Wire report (corrected)', outlet: 'Wire' });
    expect(after.author ?? null).toBeNull();
    expect(after.publishedAt ?? null).toBeNull();
  });

  it('refuses a bundle value that is not a valid detail when the analyst takes it, and writes nothing', async () => {
    const { brief, source } = await makeBrief(a);
    // A signer's library holds only valid details, but a bundle made by other software can hold anything.
    const rows = collectRows(a.running.ctx.store.db, { briefIds: [brief.id] });
    const row = rows.get('source')!.find((r) => r[0] === source.bodySha256)!;
    row[5] = 'last Tuesday';
    const key = loadOrCreateKey(b.dir);
    const file = path.join(b.dir, 'odd.sourcemark');
    writeBundle(file, rows, { appVersion: 'other', authorName: 'Other tool', createdAt: new Date().toISOString(), publicKey: key.publicKey, sign: key.sign });
    const { plan } = svc(a).inspectBundleFile(file, 'odd');
    expect(plan.metadataOffers).toEqual([expect.objectContaining({ field: 'publishedAt', bundle: 'last Tuesday' })]);
    const before = a.snapshot();
    expect(() => svc(a).importBundle({ ...upload(a, file, 'odd'), acceptUnverified: true, takeMetadata: [{ sha256: source.bodySha256, field: 'publishedAt' }] })).toThrow(
      /From the bundle: The published date “last Tuesday” cannot be used: Dates are written YYYY-MM-DD/,
    );
    expect(a.snapshot()).toBe(before);
  });

  describe('refuses a tampered or foreign file and changes nothing', () => {
    const cases: [string, (file: string, lib: TestLibrary) => string, RegExp][] = [
      ['edited body', (f) => tamper(f, (db) => db.prepare("UPDATE source SET body = replace(body, 'the', 'a')").run()), /Source .* row hash/],
      [
        'edited body with its row hash recomputed',
        (f) =>
          tamper(f, (db) => {
            const t = table('source');
            const r = db.prepare(`SELECT ${t.columns.map((c) => `"${c}"`).join(', ')} FROM source LIMIT 1`).raw().get() as (string | number | null)[];
            r[11] = `${r[11]} (edited)`;
            db.prepare('UPDATE source SET body = ?, row_sha256 = ? WHERE sha256 = ?').run(r[11], rowHash(t, r), r[0]);
          }),
        /its text does not match its SHA-256/,
      ],
      ['edited passage', (f) => tamper(f, (db) => db.prepare("UPDATE quote SET note = 'forged'").run()), /Passage .* row hash/],
      ['edited claim', (f) => tamper(f, (db) => db.prepare("UPDATE claim SET text = 'Talks collapsed.'").run()), /Claim [0-9a-f-]{36} \(“Talks collapsed\.”\) was changed after the bundle was made/],
      ['removed source', (f) => tamper(f, (db) => db.prepare('DELETE FROM source WHERE rowid = (SELECT min(rowid) FROM source)').run()), /lists 2 source rows but the bundle holds 1/],
      [
        'swapped signature',
        (f, lib) => {
          const other = exportTo(lib, null, 'other.sourcemark');
          const sig = new Database(other.file, { readonly: true }).prepare("SELECT value FROM manifest WHERE key = 'signature'").pluck().get() as string;
          return tamper(f, (db) => db.prepare("UPDATE manifest SET value = ? WHERE key = 'signature'").run(sig));
        },
        /signature does not match/,
      ],
      [
        'truncated file',
        (f) => {
          const copy = `${f}.cut`;
          const bytes = fs.readFileSync(f);
          fs.writeFileSync(copy, bytes.subarray(0, Math.floor(bytes.length / 2)));
          return copy;
        },
        /damaged or truncated|row hash|holds/,
      ],
      [
        'non-SQLite file',
        (f) => {
          fs.writeFileSync(`${f}.txt`, 'just some text, not a database');
          return `${f}.txt`;
        },
        /not a SQLite file/,
      ],
      ['newer format', (f) => tamper(f, (db) => db.prepare("UPDATE manifest SET value = '99' WHERE key = 'format_version'").run()), /newer Sourcemark \(bundle format 99/],
    ];
    for (const [name, make, message] of cases) {
      it(name, async () => {
        const { brief } = await makeBrief(a);
        const { file } = exportTo(a, [brief.id]);
        await b.call('addSource', { title: 'Already here', body: 'B has its own text.' });
        const bad = make(file, a);
        const before = b.snapshot();
        expect(() => svc(b).importBundleFile(bad, name, true)).toThrow(message);
        expect(b.snapshot()).toBe(before);
      });
    }
  });

  it('keeps the private key out of the bundle and refuses an unsigned bundle until accepted', async () => {
    const { brief } = await makeBrief(a);
    const { file } = exportTo(a, [brief.id], 'u.sourcemark', false);
    const key = fs.readFileSync(path.join(a.dir, 'signing-key.pem'), 'utf8');
    expect(key).toContain('PRIVATE KEY');
    const raw = fs.readFileSync(exportTo(a, [brief.id]).file);
    const der = key.replace(/-----[^-]+-----|\s/g, '');
    expect(raw.includes(Buffer.from(der, 'base64'))).toBe(false);
    expect(svc(b).inspectBundleFile(file, 'u').signer.status).toBe('unsigned');
    expect(() => svc(b).importBundleFile(file, 'u', false)).toThrow(/not signed/);
  });

  it('travels through the contract as an export record and an upload: export, inspect, refuse unknown signer, import after accepting', async () => {
    const { brief } = await makeBrief(a);
    await a.call('setBundleAuthor', { name: 'Alice' });
    const out = await a.call('exportBundle', { briefIds: [brief.id] });
    expect(out.record).toMatchObject({ format: 'bundle', briefId: brief.id, briefTitle: 'Weekly' });
    expect(path.basename(out.record.path)).toMatch(/^Weekly-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.sourcemark$/);
    expect(out.fingerprint).toBe((await a.call('bundleIdentity', {})).fingerprint);
    const sent = upload(b, out.record.path);
    const summary = await b.call('inspectBundle', sent);
    expect(summary).toMatchObject({ authorName: 'Alice', briefTitles: ['Weekly'], signer: { status: 'unknown', fingerprint: out.fingerprint } });
    const before = b.snapshot();
    const refused = await b.refuse('importBundle', sent);
    expect(refused).toMatchObject({ code: 'BUNDLE_SIGNATURE' });
    expect(refused.message).toContain(out.fingerprint);
    expect(b.snapshot()).toBe(before);
    expect(() => upload(b, path.join(a.dir, 'signing-key.pem'), 'x.sourcemark')).toThrow(/x\.sourcemark is not a Sourcemark bundle: it is not a SQLite file/);
    expect((await b.refuse('importBundle', { name: 'x', upload: '0'.repeat(32), acceptUnverified: true })).code).toBe('NOT_FOUND');
    expect((await b.refuse('importBundle', { name: 'x', upload: '../library.sqlite' })).code).toBe('INVALID_INPUT');
    await b.call('markSignerKnown', { fingerprint: out.fingerprint, name: 'Alice' });
    const done = await b.call('importBundle', sent);
    expect(done).toMatchObject({ briefsAdded: 1, summary: { signer: { status: 'known', name: 'Alice' } } });
    // An imported upload is gone: nothing of it stays in the data folder.
    expect(fs.readdirSync(path.join(b.dir, 'uploads'))).toEqual([]);
    expect((await b.refuse('inspectBundle', sent)).code).toBe('NOT_FOUND');
  });

  it('removes an upload that was never imported once it is a day old, and a refused one at once', async () => {
    const { brief } = await makeBrief(a);
    const { file } = exportTo(a, [brief.id]);
    const old = upload(b, file);
    const fresh = upload(b, file);
    const dayAgo = Date.now() / 1000 - 25 * 3600;
    fs.utimesSync(path.join(b.dir, 'uploads', `${old.upload}.sourcemark`), dayAgo, dayAgo);
    // As the service starts again (a restart, a restore): the stale upload goes, the fresh one stays.
    svc(b);
    expect(fs.readdirSync(path.join(b.dir, 'uploads'))).toEqual([`${fresh.upload}.sourcemark`]);
    expect((await b.refuse('inspectBundle', old)).message).toMatch(/no longer waiting to be imported/);
    const changed = tamper(file, (db) => db.prepare("UPDATE claim SET text = 'Talks collapsed.'").run());
    const bad = upload(b, changed);
    expect((await b.refuse('inspectBundle', bad)).code).toBe('BUNDLE_TAMPERED');
    expect(fs.readdirSync(path.join(b.dir, 'uploads'))).toEqual([`${fresh.upload}.sourcemark`]);
  });
});
