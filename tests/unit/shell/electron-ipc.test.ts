// The IPC registry against a real service and the real desktop shell (Electron's dialogs stubbed): one
// handler per contract method, refusing calls from foreign frames and file paths the analyst did not
// pick, and otherwise dispatching. An export asks where to save in the main process: the page never
// names a file to write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, electronModule } from './electron-mock';

vi.mock('electron', () => electronModule());

const { registerIpc } = await import('../../../main/electron/ipc');
const { methodNames } = await import('../../../main/contract');
const { openService } = await import('../../../main/service/index');
const { createDesktopShell } = await import('../../../main/electron/dialogs');

let tmp: string;
let running: Awaited<ReturnType<typeof openService>>;
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
  const desktop = createDesktopShell(() => null);
  running = await openService({
    dataDir: tmp,
    mode: 'electron',
    version: 'test',
    seedDemo: false,
    pdf: { render: () => Promise.reject(new Error('no PDF here')), close: () => Promise.resolve() },
    // As main.ts does: native dialogs, and imports read only what the open dialog picked.
    shell: desktop.ops,
    importAccess: desktop.importAccess,
  });
  unregister = registerIpc(() => running.service, { rendererDir: path.join(tmp, 'renderer') });
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
    electronMock.openDialogResult = { canceled: false, filePaths: [secret] };
    expect(await invoke('pickOpenPaths', { filters: [], multiple: true })).toEqual({ ok: true, value: { paths: [secret] } });
    const allowed = await invoke('importPaths', { paths: [secret] });
    expect(allowed).toMatchObject({ ok: true });
  });
});

describe('bundles on the desktop', () => {
  async function sharedBrief(): Promise<number> {
    const source = (await invoke('addSource', { title: 'Wire', body: 'The ministry confirmed the closure of the northern terminal on Monday.' })) as { value: { source: { id: number } } };
    const quote = (await invoke('createQuote', { sourceId: source.value.source.id, start: 4, end: 30 })) as { value: { id: number } };
    const made = (await invoke('createBrief', { title: 'Harbour closures' })) as { value: { id: number } };
    const claim = (await invoke('addClaim', { briefId: made.value.id, text: 'The northern terminal closed.' })) as { value: { id: number } };
    await invoke('addCitation', { claimId: claim.value.id, quoteId: quote.value.id });
    return made.value.id;
  }

  it('Export bundle… asks where in the main process once the bundle is made, and records it like any export', async () => {
    const briefId = await sharedBrief();
    const chosen = path.join(tmp, 'for-bob.sourcemark');
    electronMock.saveDialogResult = { canceled: false, filePath: chosen };
    const r = (await invoke('exportBundle', { briefIds: [briefId] })) as { ok: boolean; value: { record: { id: number; path: string; sha256: string; format: string }; download: string | null } };
    expect(r).toMatchObject({ ok: true, value: { record: { path: chosen, format: 'bundle', briefId }, download: null } });
    expect(electronMock.saveDialogs.at(-1)).toMatchObject({ defaultPath: 'Harbour closures.sourcemark', filters: [{ name: 'Sourcemark bundle', extensions: ['sourcemark'] }] });
    expect(fs.readFileSync(chosen).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(await invoke('exportRecords', { briefId })).toMatchObject({ ok: true, value: [{ id: r.value.record.id, format: 'bundle' }] });
    // Nothing was left in exports/ or beside the library: the bundle went only where the analyst chose.
    expect(fs.existsSync(path.join(tmp, 'exports'))).toBe(false);
    // A page cannot name the file itself.
    expect(await invoke('exportBundle', { briefIds: [briefId], path: path.join(tmp, 'x.sourcemark') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('a cancelled save dialog writes nothing and records nothing', async () => {
    const briefId = await sharedBrief();
    electronMock.saveDialogResult = { canceled: true };
    expect(await invoke('exportBundle', { briefIds: [briefId] })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await invoke('exportRecords', {})).toEqual({ ok: true, value: [] });
    expect(fs.readdirSync(tmp).filter((n) => n.endsWith('.sourcemark'))).toEqual([]);
  });

  it('Import bundle… picks the file in the main process: the page gets an upload id, never the path', async () => {
    const briefId = await sharedBrief();
    const file = path.join(tmp, 'in.sourcemark');
    electronMock.saveDialogResult = { canceled: false, filePath: file };
    await invoke('exportBundle', { briefIds: [briefId] });
    await invoke('deleteBrief', { id: briefId });
    electronMock.openDialogResult = { canceled: false, filePaths: [file] };
    const picked = (await invoke('pickBundleFile', {})) as { ok: boolean; value: { picked: { upload: string; name: string; bytes: number } } };
    expect(picked).toMatchObject({ ok: true, value: { picked: { name: 'in.sourcemark', bytes: fs.statSync(file).size } } });
    expect(JSON.stringify(picked)).not.toContain(tmp);
    const { upload, name } = picked.value.picked;
    expect(await invoke('inspectBundle', { name, upload })).toMatchObject({ ok: true, value: { briefTitles: ['Harbour closures'], signer: { status: 'unknown' } } });
    expect(await invoke('importBundle', { name, upload, acceptUnverified: true })).toMatchObject({ ok: true, value: { briefsAdded: 1 } });
    electronMock.openDialogResult = { canceled: true, filePaths: [] };
    expect(await invoke('pickBundleFile', {})).toEqual({ ok: true, value: { picked: null } });
    // A file that is not a bundle is turned away at the pick, with the reason.
    const notes = path.join(tmp, 'notes.sourcemark');
    fs.writeFileSync(notes, 'just some notes');
    electronMock.openDialogResult = { canceled: false, filePaths: [notes] };
    expect(await invoke('pickBundleFile', {})).toMatchObject({ ok: false, error: { code: 'BUNDLE_INVALID', message: 'notes.sourcemark is not a Sourcemark bundle: it is not a SQLite file. Nothing was imported.' } });
  });
});

describe('export on the desktop', () => {
  async function brief(): Promise<number> {
    const made = (await invoke('createBrief', { title: 'Harbour closures' })) as { value: { id: number } };
    await invoke('addClaim', { briefId: made.value.id, text: 'The northern terminal closed.' });
    return made.value.id;
  }

  it('opens the save dialog in the main process and writes where the analyst chose', async () => {
    const briefId = await brief();
    const chosen = path.join(tmp, 'chosen.md');
    electronMock.saveDialogResult = { canceled: false, filePath: chosen };
    const r = (await invoke('exportBrief', { briefId, format: 'markdown', allowUncited: true })) as {
      ok: boolean;
      value: { record: { path: string; id: number }; download: string | null };
    };
    expect(r).toMatchObject({ ok: true, value: { record: { path: chosen }, download: null } });
    const asked = electronMock.saveDialogs.at(-1);
    expect(asked).toMatchObject({ defaultPath: 'Harbour closures.md', filters: [{ name: 'Markdown', extensions: ['md'] }] });
    expect(fs.readFileSync(chosen, 'utf8')).toContain('The northern terminal closed.');
    // Opening it goes by the export's record, never by a path from the page.
    expect(await invoke('openExport', { recordId: r.value.record.id })).toEqual({ ok: true, value: { opened: true } });
    expect(electronMock.openedPaths).toEqual([chosen]);
  });

  it('writes nothing when the dialog is cancelled, and takes no path from the page', async () => {
    const briefId = await brief();
    electronMock.saveDialogResult = { canceled: true };
    expect(await invoke('exportBrief', { briefId, format: 'markdown', allowUncited: true })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const named = await invoke('exportBrief', { briefId, format: 'markdown', allowUncited: true, path: path.join(tmp, 'x.md') });
    expect(named).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke('exportRecords', { briefId })).toEqual({ ok: true, value: [] });
    expect(fs.existsSync(path.join(tmp, 'x.md'))).toBe(false);
  });

  it('opens an export only as the document it is, and only while its bytes match the record', async () => {
    const briefId = await brief();
    electronMock.saveDialogResult = { canceled: false, filePath: path.join(tmp, 'brief.sh') };
    const sh = (await invoke('exportBrief', { briefId, format: 'markdown', allowUncited: true })) as { value: { record: { id: number } } };
    expect(await invoke('openExport', { recordId: sh.value.record.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    electronMock.saveDialogResult = { canceled: false, filePath: path.join(tmp, 'brief.md') };
    const md = (await invoke('exportBrief', { briefId, format: 'markdown', allowUncited: true })) as { value: { record: { id: number } } };
    fs.appendFileSync(path.join(tmp, 'brief.md'), 'edited afterwards');
    expect(await invoke('openExport', { recordId: md.value.record.id })).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
    expect(electronMock.openedPaths).toEqual([]);
  });

  it('are removed again', () => {
    unregister();
    expect(electronMock.handlers.size).toBe(0);
    unregister = () => undefined;
  });
});
