// One owner per library: a second service on the same data folder, in this process or another, is
// refused at once naming the folder and the holder's pid; a lock left by a dead process is taken over.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../main/service/owner-lock';
import type { RunningService } from '../../../main/service/index';
import { call, start, tempDataDir } from '../store/damage';

const dirs: string[] = [];
const open: RunningService[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const root = path.resolve(__dirname, '../../..');

describe('one owner per library', () => {
  it('refuses a second service on the same folder, naming it and the holder, while the first keeps working', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const first = await start(dir);
    open.push(first);
    await expect(start(dir)).rejects.toMatchObject({
      code: 'LIBRARY_IN_USE',
      message: expect.stringContaining(`The library in ${dir} is already open in Sourcemark process ${process.pid}`),
    });
    await call(first.service, 'addSource', { title: 'Still mine', body: 'The first owner still writes.' });
    expect((await call(first.service, 'listSources', {})).total).toBe(1);
  });

  it('opens again once the owner has closed, and the lock goes with it', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const first = await start(dir);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    await first.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    open.push(await start(dir));
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    expect(dead.pid).toBeGreaterThan(0);
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: dead.pid, host: (await import('node:os')).hostname(), mode: 'web', startedAt: '2026-01-01T00:00:00Z' }));
    const r = await start(dir);
    open.push(r);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });

  it('a second `npm run web` process on the folder exits non-zero at once, saying who holds it', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const first = await start(dir);
    open.push(first);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main/web/cli.ts'), '--data', dir, '--port', '0'], { cwd: root });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).not.toBe(0);
    expect(stdout).not.toContain('is running at');
    expect(stderr).toContain(`The library in ${dir} is already open in Sourcemark process ${process.pid}`);
    expect((await call(first.service, 'listSources', {})).total).toBe(0);
  }, 60_000);
});
