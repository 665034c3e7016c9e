// Each way a library file goes wrong, as a fixture: the service refuses it (not ours, cannot be
// written) or starts in its recovery state (ours, damaged), never writes to it, and the damaged
// file's bytes stay the same (sha256) through the start, every refused call, restore and salvage.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/contract/dispatch';
import { readSidecar } from '../../../db/sidecar';
import type { RunningService } from '../../../main/service/index';
import { addWork, call, crashedCopy, foreignSqlite, garblePage, LIB, makeLibrary, sha256File, start, tempDataDir } from './damage';

const dirs: string[] = [];
const open: RunningService[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
  for (const d of dirs.splice(0)) {
    fs.chmodSync(d, 0o755);
    if (fs.existsSync(path.join(d, LIB))) fs.chmodSync(path.join(d, LIB), 0o644);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

async function startIn(dir: string, seedDemo = true): Promise<RunningService> {
  const r = await start(dir, { seedDemo });
  open.push(r);
  return r;
}

/** The damaged file is inspected, refused for every library call, and left byte-identical. */
async function expectRecoveryState(dir: string, kind: string): Promise<RunningService> {
  const file = path.join(dir, LIB);
  const before = fs.existsSync(file) ? sha256File(file) : null;
  const running = await startIn(dir);
  const status = await call(running.service, 'libraryStatus', {});
  expect(status.state).toBe('damaged');
  expect(status.problem?.kind).toBe(kind);
  expect(status.problem?.message).toContain(file);
  expect(status.problem?.wayOut.length).toBeGreaterThan(20);
  for (const [name, input] of [
    ['listSources', {}],
    ['addSource', { title: 'New', body: 'text' }],
    ['createBrief', { title: 'x' }],
    ['search', { query: 'convoy' }],
  ] as const) {
    const r = await dispatch(running.service, name, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'LIBRARY_DAMAGED' } });
  }
  if (before !== null) expect(sha256File(file)).toBe(before);
  else expect(fs.existsSync(file)).toBe(false);
  return running;
}

describe('a library file that is not ours is refused, never migrated', () => {
  it('refuses another application’s SQLite file, naming it, and leaves it unchanged', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const file = path.join(dir, LIB);
    foreignSqlite(file);
    const before = sha256File(file);
    await expect(start(dir, { seedDemo: true })).rejects.toMatchObject({
      code: 'LIBRARY_REFUSED',
      message: expect.stringMatching(new RegExp(`not a Sourcemark library.*${file}.*customers.*Move library\\.sqlite out`, 's')),
    });
    expect(sha256File(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual([LIB]);
  });

  it('refuses a file that is not SQLite at all', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const file = path.join(dir, LIB);
    fs.writeFileSync(file, 'Meeting notes, not a database.\n'.repeat(100));
    const before = sha256File(file);
    await expect(start(dir)).rejects.toMatchObject({ code: 'LIBRARY_REFUSED', message: expect.stringContaining(`${file} is not a SQLite database`) });
    expect(sha256File(file)).toBe(before);
  });

  it('refuses a read-only library without changing it, and says how to fix it', async () => {
    const dir = await makeLibrary(3);
    dirs.push(dir);
    const file = path.join(dir, LIB);
    fs.chmodSync(file, 0o444);
    const before = sha256File(file);
    await expect(start(dir)).rejects.toMatchObject({ code: 'LIBRARY_REFUSED', message: expect.stringMatching(/read-only.*chmod u\+w/s) });
    expect(sha256File(file)).toBe(before);
    fs.chmodSync(file, 0o644);
    const r = await startIn(dir);
    expect((await call(r.service, 'listSources', {})).total).toBe(3);
  });
});

describe('a damaged library starts the recovery state and is never written to', () => {
  it('zero bytes: no new library and no demo over it', async () => {
    const dir = await makeLibrary(4);
    dirs.push(dir);
    fs.truncateSync(path.join(dir, LIB), 0);
    await expectRecoveryState(dir, 'empty');
  });

  it('zero bytes with no history (no sidecar) is not taken for a new library either', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, LIB), '');
    await expectRecoveryState(dir, 'empty');
  });

  it('missing after it existed', async () => {
    const dir = await makeLibrary(4);
    dirs.push(dir);
    fs.rmSync(path.join(dir, LIB));
    const running = await expectRecoveryState(dir, 'missing');
    expect((await call(running.service, 'libraryStatus', {})).problem?.message).toContain('4 sources');
  });

  it('truncated: shorter than its own header says', async () => {
    const dir = await makeLibrary(40);
    dirs.push(dir);
    const file = path.join(dir, LIB);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 4096 / 2) * 4096);
    await expectRecoveryState(dir, 'truncated');
  });

  it('a garbage page in the middle fails the quick check', async () => {
    const dir = await makeLibrary(60);
    dirs.push(dir);
    garblePage(path.join(dir, LIB));
    await expectRecoveryState(dir, 'malformed');
  });

  it('a crash with its journal intact loses nothing and is not mistaken for damage (the dead owner’s lock is taken over)', async () => {
    const { dir, committed } = await crashedCopy();
    dirs.push(dir);
    const running = await startIn(dir);
    expect((await call(running.service, 'libraryStatus', {})).state).toBe('ok');
    expect((await call(running.service, 'listSources', {})).total).toBe(committed);
  });

  it('lost journal after a crash: detected, and the newest backup brings back what the file lacks', async () => {
    const { dir, committed } = await crashedCopy();
    dirs.push(dir);
    const file = path.join(dir, LIB);
    fs.rmSync(`${file}-wal`);
    fs.rmSync(`${file}-shm`, { force: true });
    const running = await expectRecoveryState(dir, 'wal-lost');
    const before = sha256File(file);
    const status = await call(running.service, 'libraryStatus', {});
    // The backup taken at open (the library had changed) holds everything committed before the crash's start.
    expect(status.newestGoodBackup?.sources).toBeGreaterThanOrEqual(10);
    const outcome = await call(running.service, 'restoreBackup', {});
    expect(outcome.keptAside).toMatch(/^damaged\/library-.*\.sqlite$/);
    expect(sha256File(path.join(dir, outcome.keptAside!))).toBe(before);
    expect((await call(running.service, 'libraryStatus', {})).state).toBe('ok');
    expect((await call(running.service, 'listSources', {})).total).toBe(outcome.restored.sources);
    expect(committed).toBeGreaterThan(outcome.restored.sources ?? 0);
  });
});

describe('the check at open', () => {
  it('is skipped for a file exactly as a clean close left it, and runs when the file was touched since', async () => {
    const dir = await makeLibrary(3);
    dirs.push(dir);
    const file = path.join(dir, LIB);
    const checked = readSidecar(file)!.lastQuickCheckAt;
    expect(checked).not.toBeNull();
    const r1 = await startIn(dir);
    await r1.close();
    open.pop();
    expect(readSidecar(file)!.lastQuickCheckAt).toBe(checked);
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    const r2 = await startIn(dir);
    expect(readSidecar(file)!.lastQuickCheckAt).not.toBe(checked);
    expect((await call(r2.service, 'listSources', {})).total).toBe(3);
  });
});

describe('the check at open, while the app is already answering', () => {
  it('reports its progress, makes other calls wait for it, and remembers how long it took', async () => {
    const dir = await makeLibrary(40);
    dirs.push(dir);
    const file = path.join(dir, LIB);
    // Touched since the clean close: the check must run before anything writes.
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    const before = sha256File(file);
    const running = await start(dir, { seedDemo: true, background: true });
    open.push(running);
    const status = await call(running.service, 'libraryStatus', {});
    // The worker has not answered yet: nothing has opened the file for writing.
    expect(status.state).toBe('checking');
    expect(status.check).toMatchObject({ bytes: fs.statSync(file).size });
    expect(status.check!.expectedMs).toBeGreaterThan(0);
    expect(sha256File(file)).toBe(before);
    // A call made meanwhile is answered once the library is open, not refused.
    const listed = call(running.service, 'listSources', {});
    await running.ready;
    expect((await listed).total).toBe(40);
    expect(await call(running.service, 'libraryStatus', {})).toMatchObject({ state: 'ok', check: null });
    expect(readSidecar(file)!.lastQuickCheck).toMatchObject({ bytes: expect.any(Number), ms: expect.any(Number) });
  });

  it('finds a damaged page in the background and starts in the recovery state', async () => {
    const dir = await makeLibrary(60);
    dirs.push(dir);
    const file = path.join(dir, LIB);
    garblePage(file);
    const before = sha256File(file);
    const running = await start(dir, { seedDemo: true, background: true });
    open.push(running);
    const waiting = dispatch(running.service, 'listSources', {});
    await running.ready;
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'LIBRARY_DAMAGED' } });
    const status = await call(running.service, 'libraryStatus', {});
    expect(status).toMatchObject({ state: 'damaged', check: null, problem: { kind: 'malformed' } });
    expect(sha256File(file)).toBe(before);
  });
});

describe('damage found while the library is open', () => {
  it('stops every write at once, keeps a copy as it was, and offers the same ways out', async () => {
    const dir = await makeLibrary(60);
    dirs.push(dir);
    const file = path.join(dir, LIB);
    const running = await startIn(dir);
    const db = running.ctx.store.db;
    db.pragma('cache_size = 1');
    garblePage(file);
    const garbled = sha256File(file);
    const sources = await call(running.service, 'listSources', { limit: 500 }).catch((e: { error: unknown }) => e.error);
    expect(sources).toMatchObject({ code: 'LIBRARY_DAMAGED', message: expect.stringContaining(file) });
    expect(await dispatch(running.service, 'addSource', { title: 'After', body: 'Written after the damage.' })).toMatchObject({ ok: false, error: { code: 'LIBRARY_DAMAGED' } });
    const status = await call(running.service, 'libraryStatus', {});
    expect(status).toMatchObject({ state: 'damaged', problem: { kind: 'malformed' } });
    const outcome = await call(running.service, 'restoreBackup', {});
    expect(sha256File(path.join(dir, outcome.keptAside!))).toBe(garbled);
    expect((await call(running.service, 'listSources', {})).total).toBe(60);
  });
});

describe('out of the recovery state', () => {
  it('restores the newest good backup; the damaged file is kept aside byte for byte', async () => {
    const dir = await makeLibrary(60);
    dirs.push(dir);
    const file = path.join(dir, LIB);
    garblePage(file);
    const before = sha256File(file);
    const running = await expectRecoveryState(dir, 'malformed');
    const status = await call(running.service, 'libraryStatus', {});
    expect(status.newestGoodBackup).toMatchObject({ sources: 60, briefs: 1, ok: true });
    const outcome = await call(running.service, 'restoreBackup', {});
    expect(outcome.restored.sources).toBe(60);
    expect(sha256File(path.join(dir, outcome.keptAside!))).toBe(before);
    expect((await call(running.service, 'listSources', {})).total).toBe(60);
    await addWork(running.service, 1, 500);
    expect((await call(running.service, 'listSources', {})).total).toBe(61);
  });

  it('salvages what can be read into a new library, table by table, reporting what was lost', async () => {
    const dir = await makeLibrary(120);
    dirs.push(dir);
    const file = path.join(dir, LIB);
    garblePage(file);
    const before = sha256File(file);
    const running = await expectRecoveryState(dir, 'malformed');
    const outcome = await call(running.service, 'salvageLibrary', {});
    expect(outcome.report.opened).toBe(true);
    const sources = outcome.report.tables.find((t) => t.table === 'source')!;
    expect(sources.recovered + sources.rejected).toBeLessThanOrEqual(120);
    expect(sources.recovered).toBeGreaterThan(0);
    expect(outcome.sources).toBe(sources.recovered);
    const lostSomewhere = outcome.report.tables.some((t) => t.unreadable.length > 0 || t.rejected > 0 || (t.expected !== null && t.expected > t.recovered));
    expect(sources.recovered).toBeLessThan(120);
    expect(sources.unreadable.length).toBeGreaterThan(0);
    expect(lostSomewhere).toBe(true);
    expect(sha256File(path.join(dir, outcome.keptAside!))).toBe(before);
    expect((await call(running.service, 'libraryStatus', {})).state).toBe('ok');
    expect((await call(running.service, 'listSources', {})).total).toBe(outcome.sources);
    // The salvaged library passes SQLite's full check and takes new work.
    expect(running.ctx.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await addWork(running.service, 1, 900);
  });

  it('salvage of an emptied library starts a new, empty one without the demo', async () => {
    const dir = await makeLibrary(2);
    dirs.push(dir);
    fs.truncateSync(path.join(dir, LIB), 0);
    const running = await expectRecoveryState(dir, 'empty');
    const outcome = await call(running.service, 'salvageLibrary', {});
    expect(outcome).toMatchObject({ sources: 0, briefs: 0, keptAside: expect.stringMatching(/^damaged\//) });
    expect(fs.statSync(path.join(dir, outcome.keptAside!)).size).toBe(0);
    await running.close();
    open.pop();
    const again = await startIn(dir, true);
    expect((await call(again.service, 'listSources', {})).total).toBe(0);
  });

  it('salvage is refused on a healthy library', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const running = await startIn(dir, false);
    const r = await dispatch(running.service, 'salvageLibrary', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
