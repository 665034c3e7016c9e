// `npm run web` is a wrapper (scripts/web.mjs) that starts the server as its child. When the wrapper
// dies, even by kill -9, the server must not live on as an orphan still serving the library: it closes
// the library and exits. Played with the real wrapper code (scripts/serve-child.mjs) and the real server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { appPackage } from '../../../main/platform/app-root';
import { childPids, isAlive, removeServerBundle, serverBundle } from '../../support/server-process';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-wrapper-'));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  removeServerBundle();
});

/** Polls a condition until it holds or the deadline passes (for a process to end, which has no event here). */
async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('the server closes the library and exits when its wrapper is killed with kill -9', async () => {
  const bundle = await serverBundle();
  const dataDir = path.join(tmp, 'data');
  const wrapperCode = `import(${JSON.stringify(pathToFileURL(path.join(appPackage().root, 'scripts/serve-child.mjs')).href)})
    .then((m) => m.runServerChild(${JSON.stringify(bundle)}, ['--port', '0', '--data', ${JSON.stringify(dataDir)}], { cwd: ${JSON.stringify(appPackage().root)} }))`;
  const wrapper = spawn(process.execPath, ['--input-type=module', '-e', wrapperCode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  wrapper.stdout.on('data', (c: Buffer) => (out += c.toString()));
  wrapper.stderr.on('data', (c: Buffer) => (err += c.toString()));
  await until('the server to print its address', () => /running at (http:\S+)\/#token=(\S+)/.test(out) || wrapper.exitCode !== null);
  const [, baseURL, token] = /running at (http:\S+)\/#token=(\S+)/.exec(out) ?? [];
  expect(baseURL, err).toBeTruthy();
  const [serverPid] = childPids(wrapper.pid!);
  expect(serverPid).toBeGreaterThan(0);
  const info = await fetch(`${baseURL}/api/appInfo`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
  expect(info.status).toBe(200);
  expect(fs.existsSync(path.join(dataDir, 'sourcemark.lock'))).toBe(true);

  process.kill(wrapper.pid!, 'SIGKILL');
  await until('the orphaned server to exit', () => !isAlive(serverPid!));
  // It closed the library on the way out (its lock is released), and nothing listens any more.
  expect(fs.existsSync(path.join(dataDir, 'sourcemark.lock'))).toBe(false);
  await expect(fetch(`${baseURL}/api/appInfo`, { method: 'POST', body: '{}' })).rejects.toThrow();
});
