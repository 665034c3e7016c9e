// A stand-in for the parts of the 'electron' module the shell uses, recording what the shell asks
// for so tests can drive IPC handlers, protocol handlers, menus and dialogs without Electron.
import { vi } from 'vitest';

export type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const electronMock = {
  handlers: new Map<string, Handler>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, Set<Handler>>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  sent: [] as { channel: string; args: unknown[] }[],
  saveDialogResult: { canceled: false, filePath: '/home/ana/brief.pdf' } as { canceled: boolean; filePath?: string },
  openDialogResult: { canceled: false, filePaths: ['/home/ana/a.txt'] } as { canceled: boolean; filePaths: string[] },
  openPathResult: '',
  /** The options of each save dialog shown, and each file handed to shell.openPath. */
  saveDialogs: [] as unknown[],
  openedPaths: [] as string[],
  reset() {
    this.saveDialogs.length = 0;
    this.openedPaths.length = 0;
    this.handlers.clear();
    this.protocolHandlers.clear();
    this.exposed.clear();
    this.rendererListeners.clear();
    this.invoked.length = 0;
    this.sent.length = 0;
  },
};

export function electronModule() {
  const m = electronMock;
  return {
    ipcMain: {
      handle: vi.fn((channel: string, handler: Handler) => {
        if (m.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        m.handlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => m.handlers.delete(channel)),
    },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => {
        m.invoked.push({ channel, args });
        return { ok: true, value: channel };
      }),
      on: vi.fn((channel: string, listener: Handler) => {
        if (!m.rendererListeners.has(channel)) m.rendererListeners.set(channel, new Set());
        m.rendererListeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: Handler) => m.rendererListeners.get(channel)?.delete(listener)),
    },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown): void => {
        m.exposed.set(key, api);
      }),
    },
    protocol: {
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => m.protocolHandlers.set(scheme, handler)),
      registerSchemesAsPrivileged: vi.fn(),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })) },
    dialog: {
      showSaveDialog: vi.fn(async (...args: unknown[]) => {
        m.saveDialogs.push(args.at(-1));
        return m.saveDialogResult;
      }),
      showOpenDialog: vi.fn(async () => m.openDialogResult),
    },
    shell: {
      openPath: vi.fn(async (file: string) => {
        m.openedPaths.push(file);
        return m.openPathResult;
      }),
      openExternal: vi.fn(),
    },
  };
}
