// The IPC registry against a real service: one handler per contract method, refusing calls from
// foreign frames and file paths the analyst did not pick, and otherwise dispatching.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, electronModule } from './electron-mock';

vi.mock('electron', () => electronModule());

const { registerIpc } = await import('../../../main/electron/ipc');
const { methodNames } = await import('../../../main/contract');
const { openService } = await import('../../../main/service/index');
const { PathGrants } = await import('../../../main/security/path-grants');

let tmp: string;
let running: Awaited<ReturnType<typeof openService>>;
let grants: InstanceType<typeof PathGrants>;
let unregister: () => void;

const frame = (url: string | null) => ({ senderFrame: url === null ? null : { url } });
const invoke = (method: string, input: unknown, url: string | null = 'app://sourcemark/index.html') => {
  const handler = electronMock.handlers.get(`sourcemark:${method}`);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler(frame(url), input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
};

beforeEach(async () => {
  electronMock.reset();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-ipc-'));
  grants = new PathGrants([path.join(tmp, 'exports')]);
  const picked = grants;
  running = await openService({
    dataDir: tmp,
    mode: 'electron',
    version: 'test',
    seedDemo: false,
    pdf: { render: () => Promise.reject(new Error('no PDF here')), close: () => Promise.resolve() },
    // As main.ts does: the service reads only what the open dialog granted.
    importAccess: { kind: 'picked', mayRead: (file) => picked.mayRead(file) },
  });
  unregister = registerIpc(() => running.service, { rendererDir: path.join(tmp, 'renderer') }, grants);
});

afterEach(async () => {
  unregister();
  await running.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('IPC handlers', () => {
  it('exist once for every contract method and for nothing else', () => {
    expect([...electronMock.handlers.keys()].sort()).toEqual(methodNames.map((n) => `sourcemark:${n}`).sort());
  });

  it('dispatch calls from our page, with the schema check', async () => {
    expect(await invoke('createTag', { name: 'Ports' })).toMatchObject({ ok: true, value: { name: 'Ports' } });
    expect(await invoke('createTag', { name: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke('appInfo', {})).toMatchObject({ ok: true, value: { mode: 'electron', dataDir: tmp } });
  });

  it('refuse foreign or missing sender frames and change nothing', async () => {
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///tmp/evil.html', 'about:blank', null]) {
      expect(await invoke('createTag', { name: `From ${String(url)}` }, url), String(url)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await invoke('listTags', {})).toEqual({ ok: true, value: [] });
  });

  it('refuse file paths that were not picked in a dialog', async () => {
    const secret = path.join(tmp, 'secret.txt');
    fs.writeFileSync(secret, 'private key material');
    expect(await invoke('importPaths', { paths: [secret] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await invoke('listSources', {})) as { value: { total: number } }).toMatchObject({ ok: true, value: { total: 0 } });
    grants.grantOpen([secret]);
    const allowed = await invoke('importPaths', { paths: [secret] });
    expect(allowed).toMatchObject({ ok: true });
  });

  it('are removed again', () => {
    unregister();
    expect(electronMock.handlers.size).toBe(0);
    unregister = () => undefined;
  });
});
