// The preload bridge: exactly the contract's methods, each on its own channel, plus menu commands;
// and the built bundle runs where a sandboxed preload runs (it may require only 'electron').
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { electronMock, electronModule, type Handler } from './electron-mock';

vi.mock('electron', () => electronModule());

const { methodNames } = await import('../../../main/contract');
const { MENU_COMMAND_CHANNEL } = await import('../../../main/electron/channels');

type Api = Record<string, (...args: unknown[]) => unknown>;

function sendMenuCommand(command: unknown) {
  for (const listener of electronMock.rendererListeners.get(MENU_COMMAND_CHANNEL) ?? []) (listener as Handler)({}, command);
}

function checkBridge(api: Api) {
  expect(Object.keys(api).sort()).toEqual([...methodNames, 'onMenuCommand'].sort());
  expect(Object.keys(api)).not.toContain('invoke');
  for (const value of Object.values(api)) expect(typeof value).toBe('function');
}

describe('the preload bridge from source', () => {
  let api: Api;
  beforeAll(async () => {
    electronMock.reset();
    await import('../../../main/electron/preload');
    api = electronMock.exposed.get('sourcemark') as Api;
  });

  it('exposes one function per contract method and onMenuCommand, nothing generic', () => {
    checkBridge(api);
  });

  it('sends each method on its own channel', async () => {
    electronMock.invoked.length = 0;
    await api.createTag?.({ name: 'x' });
    await api.listSources?.(undefined);
    expect(electronMock.invoked).toEqual([
      { channel: 'sourcemark:createTag', args: [{ name: 'x' }] },
      { channel: 'sourcemark:listSources', args: [{}] },
    ]);
  });

  it('passes on known menu commands only, until unsubscribed', () => {
    const seen: unknown[] = [];
    const off = api.onMenuCommand?.((c: unknown) => seen.push(c)) as () => void;
    sendMenuCommand('new-brief');
    sendMenuCommand('export');
    sendMenuCommand('rm -rf');
    sendMenuCommand({ command: 'import' });
    off();
    sendMenuCommand('import');
    expect(seen).toEqual(['new-brief', 'export']);
  });
});

describe('the built preload bundle', () => {
  it('runs with nothing but electron to require', async () => {
    const { buildMain } = await import('../../../scripts/build-main.mjs');
    await buildMain({ only: ['dist/electron/preload.cjs'] });
    const code = fs.readFileSync(path.resolve('dist/electron/preload.cjs'), 'utf8');
    const required: string[] = [];
    const fake = electronModule();
    let exposed: Api | null = null;
    fake.contextBridge.exposeInMainWorld = vi.fn((_key: string, value: unknown) => {
      exposed = value as Api;
    });
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return fake;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console }, { filename: 'preload.cjs' });
    expect(required).toEqual(['electron']);
    expect(exposed).not.toBeNull();
    checkBridge(exposed as unknown as Api);
  });
});
