// The app:// protocol, the menu and the native dialogs, driven through a stand-in for Electron.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, electronModule } from './electron-mock';

vi.mock('electron', () => electronModule());

const { serveRenderer } = await import('../../../main/electron/protocol');
const { buildMenu } = await import('../../../main/electron/menu');
const { createDesktopShell } = await import('../../../main/electron/dialogs');
const { CONTENT_SECURITY_POLICY } = await import('../../../main/security/csp');
const { MENU_COMMAND_CHANNEL } = await import('../../../main/electron/channels');

let tmp: string;
beforeEach(() => {
  electronMock.reset();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-shell-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('app://sourcemark/', () => {
  const get = (url: string) => {
    const handler = electronMock.protocolHandlers.get('app');
    if (!handler) throw new Error('app: is not handled');
    return handler(new Request(url));
  };

  beforeEach(() => {
    const renderer = path.join(tmp, 'renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Sourcemark</title>');
    fs.writeFileSync(path.join(renderer, 'assets', 'a.css'), 'body{}');
    fs.writeFileSync(path.join(tmp, 'library.sqlite'), 'secret');
    serveRenderer(renderer);
  });

  it('serves the renderer with the CSP and the right type', async () => {
    const page = await get('app://sourcemark/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Sourcemark</title>');
    expect((await get('app://sourcemark/')).status).toBe(200);
    expect((await get('app://sourcemark/assets/a.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves nothing outside the renderer folder or for another host', async () => {
    for (const url of ['app://sourcemark/../library.sqlite', 'app://sourcemark/%2e%2e/library.sqlite', 'app://sourcemark/assets/..%2f..%2flibrary.sqlite', 'app://other/index.html', 'app://sourcemark/missing.js']) {
      const res = await get(url);
      expect([400, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toContain('secret');
    }
  });
});

type Item = { label?: string; role?: string; click?: () => void; submenu?: Item[]; registerAccelerator?: boolean };

describe('the menu', () => {
  const menuOf = (devTools: boolean) => {
    const sent: unknown[] = [];
    const win = { webContents: { send: (channel: string, command: unknown) => sent.push([channel, command]) } };
    const menu = buildMenu(() => win as never, { devTools }) as unknown as { template: Item[] };
    return { menu: menu.template, sent };
  };
  const find = (items: Item[], label: string) => items.find((i) => i.label?.replace('&', '') === label);

  it('has File, Edit and View with the analyst’s commands', () => {
    const { menu } = menuOf(false);
    const file = find(menu, 'File')?.submenu ?? [];
    expect(file.map((i) => i.label ?? i.role).filter(Boolean)).toEqual(expect.arrayContaining(['New Brief', 'Import…', 'Export…']));
    expect(file.some((i) => i.role === 'quit' || i.role === 'close')).toBe(true);
    const edit = (find(menu, 'Edit')?.submenu ?? []).map((i) => i.role ?? i.label);
    expect(edit).toEqual(expect.arrayContaining(['Undo', 'Redo', 'cut', 'copy', 'paste', 'selectAll']));
    const view = (find(menu, 'View')?.submenu ?? []).map((i) => i.role);
    expect(view).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    expect(view).not.toContain('toggleDevTools');
    expect((find(menuOf(true).menu, 'View')?.submenu ?? []).map((i) => i.role)).toContain('toggleDevTools');
  });

  it('sends File and Undo/Redo commands to the page on the menu channel', () => {
    const { menu, sent } = menuOf(false);
    const file = find(menu, 'File')?.submenu ?? [];
    for (const label of ['New Brief', 'Import…', 'Export…']) find(file, label)?.click?.();
    const edit = find(menu, 'Edit')?.submenu ?? [];
    for (const label of ['Undo', 'Redo']) find(edit, label)?.click?.();
    expect(sent).toEqual([
      [MENU_COMMAND_CHANNEL, 'new-brief'],
      [MENU_COMMAND_CHANNEL, 'import'],
      [MENU_COMMAND_CHANNEL, 'export'],
      [MENU_COMMAND_CHANNEL, 'undo'],
      [MENU_COMMAND_CHANNEL, 'redo'],
    ]);
    // Outside macOS, Ctrl+Z must reach the page so that a text field keeps its own undo.
    if (process.platform !== 'darwin') for (const label of ['Undo', 'Redo']) expect(find(edit, label)?.registerAccelerator).toBe(false);
  });
});

describe('native dialogs', () => {
  it('hand back what the analyst chose, and let an import read only the files picked', async () => {
    const { ops, importAccess } = createDesktopShell(() => null);
    const mayRead = (file: string) => importAccess.kind === 'picked' && importAccess.mayRead(file);
    electronMock.saveDialogResult = { canceled: false, filePath: path.join(tmp, 'brief.pdf') };
    expect(await ops.chooseSavePath('brief.pdf', { name: 'PDF', extensions: ['pdf'] })).toBe(path.join(tmp, 'brief.pdf'));
    expect(electronMock.saveDialogs.at(-1)).toMatchObject({ defaultPath: 'brief.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    // Saving somewhere gives no right to read it back as an import.
    expect(mayRead(path.join(tmp, 'brief.pdf'))).toBe(false);

    electronMock.openDialogResult = { canceled: false, filePaths: [path.join(tmp, 'a.txt')] };
    expect(await ops.pickOpenPaths({ filters: [], multiple: true })).toEqual({ paths: [path.join(tmp, 'a.txt')] });
    expect(mayRead(path.join(tmp, 'a.txt'))).toBe(true);
    expect(mayRead(path.join(tmp, 'b.txt'))).toBe(false);

    electronMock.saveDialogResult = { canceled: true };
    expect(await ops.chooseSavePath('x.pdf', { name: 'PDF', extensions: ['pdf'] })).toBeNull();
    electronMock.openDialogResult = { canceled: true, filePaths: [] };
    expect(await ops.pickOpenPaths({ filters: [], multiple: false })).toEqual({ paths: [] });
  });

  it('report a file the OS could not open', async () => {
    const { ops } = createDesktopShell(() => null);
    electronMock.openPathResult = 'No application is registered for .pdf';
    await expect(ops.openPath('/x/brief.pdf')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('No application') });
    electronMock.openPathResult = '';
    await expect(ops.openPath('/x/brief.pdf')).resolves.toBeUndefined();
  });
});
