// Rolling backups: when they are taken, that each one is a verified, self-contained copy, the
// bounded set kept, the free-space floor, and restore (which is itself reversible).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupsToPrune, listBackups, type BackupReason } from '../../../db/backup';
import type { RunningService } from '../../../main/service/index';
import { addWork, call, makeLibrary, start, tempDataDir } from './damage';

const dirs: string[] = [];
const open: RunningService[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function startIn(dir: string, extra: Parameters<typeof start>[1] = {}): Promise<RunningService> {
  const r = await start(dir, extra);
  open.push(r);
  return r;
}

const backupsOf = (dir: string) => listBackups(path.join(dir, 'backups'));

describe('when backups are taken', () => {
  it('on open only when the library changed since the last one', async () => {
    const dir = await makeLibrary(3);
    dirs.push(dir);
    const count = backupsOf(dir).length;
    const same = await startIn(dir);
    await same.keeper.backups?.idle();
    expect(backupsOf(dir)).toHaveLength(count);
    await addWork(same.service, 1, 50);
    await same.close();
    open.pop();
    const changed = await startIn(dir);
    await changed.keeper.backups?.idle();
    const after = backupsOf(dir);
    expect(after).toHaveLength(count + 1);
    expect(after[0]).toMatchObject({ reason: 'open', sources: 4, briefs: 1, ok: true });
  });

  it('before deleting a source or a brief, holding what is about to go; one per burst of deletions', async () => {
    const dir = await makeLibrary(3);
    dirs.push(dir);
    const r = await startIn(dir);
    await addWork(r.service, 1, 70);
    const sources = await call(r.service, 'listSources', {});
    await call(r.service, 'deleteSource', { id: sources.items[0]!.id });
    await call(r.service, 'deleteSource', { id: sources.items[1]!.id });
    await r.keeper.backups?.idle();
    const pre = backupsOf(dir).filter((b) => b.reason === 'before-delete');
    expect(pre).toHaveLength(1);
    expect(pre[0]!.sources).toBe(4);
    const brief = (await call(r.service, 'listBriefs', {}))[0]!;
    await call(r.service, 'deleteBrief', { id: brief.id });
    await r.keeper.backups?.idle();
    expect(backupsOf(dir).filter((b) => b.reason === 'before-delete')).toHaveLength(1);
  });

  it('every few minutes while the library changes', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const r = await startIn(dir, { backup: { everyMinutes: 0.002 } });
    await addWork(r.service, 2);
    await vi.waitFor(() => expect(backupsOf(dir).some((b) => b.reason === 'periodic' && b.sources === 2)).toBe(true), { timeout: 20_000, interval: 50 });
  });

  it('each backup is a verified copy that opens on its own (no journal files beside it)', async () => {
    const dir = await makeLibrary(5);
    dirs.push(dir);
    for (const b of backupsOf(dir)) {
      const file = path.join(dir, 'backups', b.name);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      db.close();
    }
    expect(fs.readdirSync(path.join(dir, 'backups')).every((n) => n.endsWith('.sqlite'))).toBe(true);
  });

  it('skips with a warning when the disk is short of space, and says so in the status', async () => {
    const dir = await makeLibrary(2);
    dirs.push(dir);
    const count = backupsOf(dir).length;
    const log: string[] = [];
    const r = await start(dir, { backup: { freeSpaceFloorBytes: Number.MAX_SAFE_INTEGER }, log: (l) => log.push(l) });
    open.push(r);
    await addWork(r.service, 1, 10);
    const sources = await call(r.service, 'listSources', {});
    await call(r.service, 'deleteSource', { id: sources.items[0]!.id });
    expect(backupsOf(dir)).toHaveLength(count);
    const status = await call(r.service, 'libraryStatus', {});
    expect(status.backupWarning).toMatch(/Backups are paused: the disk holding .* MB free/);
    expect(log.join('\n')).toContain('Backups are paused');
  });
});

describe('the bounded set', () => {
  const at = (iso: string, reason: BackupReason = 'periodic') => ({ name: `b-${iso}-${reason}`, createdAt: iso, reason });

  it('keeps the last 10 plus the newest of each of the last 7 days', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const today = Array.from({ length: 14 }, (_, i) => at(`2026-11-30T${String(11 - Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00.000Z`));
    const earlier = Array.from({ length: 10 }, (_, d) => [at(`2026-11-${String(29 - d).padStart(2, '0')}T18:00:00.000Z`), at(`2026-11-${String(29 - d).padStart(2, '0')}T08:00:00.000Z`)]).flat();
    const pruned = new Set(backupsToPrune([...today, ...earlier], now));
    const kept = [...today, ...earlier].filter((b) => !pruned.has(b.name)).map((b) => b.createdAt);
    expect(kept).toEqual([
      ...today.slice(0, 10).map((b) => b.createdAt),
      '2026-11-29T18:00:00.000Z',
      '2026-11-28T18:00:00.000Z',
      '2026-11-27T18:00:00.000Z',
      '2026-11-26T18:00:00.000Z',
      '2026-11-25T18:00:00.000Z',
      '2026-11-24T18:00:00.000Z',
    ]);
  });

  it('keeps a copy set aside by a restore for a week even when newer backups push it out of the last 10', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const list = [at('2026-11-30T01:00:00.000Z', 'before-restore'), ...Array.from({ length: 12 }, (_, i) => at(`2026-11-30T${String(10 - (i % 10)).padStart(2, '0')}:${String(10 + i)}:00.000Z`))];
    expect(backupsToPrune(list, now)).not.toContain(list[0]!.name);
  });
});

describe('restore from a backup', () => {
  it('lists backups with date, size and counts, restores one, and can be undone from the copy it kept aside', async () => {
    const dir = await makeLibrary(3);
    dirs.push(dir);
    const r = await startIn(dir);
    await addWork(r.service, 2, 40);
    const list = await call(r.service, 'listBackups', {});
    const older = list.find((b) => b.sources === 3)!;
    expect(older).toMatchObject({ ok: true, briefs: 1, bytes: expect.any(Number), createdAt: expect.stringMatching(/^\d{4}-/) });

    const outcome = await call(r.service, 'restoreBackup', { name: older.name });
    expect((await call(r.service, 'listSources', {})).total).toBe(3);
    expect(outcome.keptAside).toMatch(/^backups\/library-.*-before-restore\.sqlite$/);

    const undo = await call(r.service, 'restoreBackup', { name: path.basename(outcome.keptAside!) });
    expect(undo.restored.sources).toBe(5);
    expect((await call(r.service, 'listSources', {})).total).toBe(5);
  });

  it('refuses a backup name that is not one, or a backup that fails its check, changing nothing', async () => {
    const dir = await makeLibrary(2);
    dirs.push(dir);
    const r = await startIn(dir);
    expect(await (await import('../../../main/contract/dispatch')).dispatch(r.service, 'restoreBackup', { name: '../library.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const b = backupsOf(dir)[0]!;
    fs.writeFileSync(path.join(dir, 'backups', b.name), 'broken');
    const res = await (await import('../../../main/contract/dispatch')).dispatch(r.service, 'restoreBackup', { name: b.name });
    expect(res).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED', message: expect.stringContaining(b.name) } });
    expect((await call(r.service, 'listSources', {})).total).toBe(2);
  });
});
