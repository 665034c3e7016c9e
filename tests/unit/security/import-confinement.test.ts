// The service, not the transport, decides which files on disk an import may read: browser mode reads
// nothing by path unless the server was started with --import-dir, and then only inside those folders,
// through no link; the desktop app reads what was picked in the open dialog.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openService, type RunningService } from '../../../main/service/index';
import { dispatch } from '../../../main/contract/dispatch';
import { startWebServer } from '../../../main/web/server';
import type { PdfRenderer } from '../../../main/ports';
import type { ImportAccess } from '../../../main/security/file-access';

const noPdf: PdfRenderer = { render: () => Promise.reject(new Error('no PDF here')), close: () => Promise.resolve() };

let tmp: string;
let inbox: string;
let outside: string;
beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-confine-')));
  inbox = path.join(tmp, 'inbox');
  outside = path.join(tmp, 'private');
  fs.mkdirSync(path.join(inbox, 'sub'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(inbox, 'report.txt'), 'Field report\n\nThe convoy arrived on Monday.');
  fs.writeFileSync(path.join(inbox, 'sub', 'note.md'), '# Note\n\nA second finding.');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'Secret\n\nNot for the library.');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(inbox, 'sub', 'link.txt'));
  fs.symlinkSync(outside, path.join(inbox, 'door'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function open(access?: ImportAccess): Promise<RunningService> {
  return openService({ dataDir: path.join(tmp, 'data'), mode: 'web', version: 't', pdf: noPdf, seedDemo: false, ...(access ? { importAccess: access } : {}) });
}

const titles = (s: RunningService) => (s.ctx.store.db.prepare('SELECT title FROM source ORDER BY id').pluck().all() as string[]);

describe('browser mode without --import-dir', () => {
  it('refuses every path, /etc included, and reads nothing', async () => {
    const s = await open();
    try {
      for (const paths of [['/etc'], ['/etc/hostname'], [path.join(inbox, 'report.txt')]]) {
        const r = await dispatch(s.service, 'importPaths', { paths });
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('--import-dir') } });
      }
      expect(titles(s)).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('browser mode with --import-dir', () => {
  it('imports inside the folder and refuses a path outside it, before reading anything', async () => {
    const s = await open({ kind: 'folders', folders: [inbox] });
    try {
      for (const p of ['/etc', path.join(outside, 'secret.txt'), `${inbox}/../private/secret.txt`, `${inbox}-evil/x.txt`]) {
        const r = await dispatch(s.service, 'importPaths', { paths: [path.join(inbox, 'report.txt'), p] });
        expect(r, p).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('outside the folders') } });
      }
      expect(titles(s)).toEqual([]);
      const nul = await dispatch(s.service, 'importPaths', { paths: [`${inbox}/report.txt\0.pdf`] });
      expect(nul).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('NUL') } });
      const relative = await dispatch(s.service, 'importPaths', { paths: ['inbox/report.txt'] });
      expect(relative).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('full path') } });

      const r = await dispatch(s.service, 'importPaths', { paths: [inbox] });
      if (!r.ok) throw new Error(r.error.message);
      const lines = (r.value as { ok: boolean; fileName: string; value?: { fileName: string }; error?: { message: string } }[]).map((x) =>
        x.ok ? `${x.value!.fileName}: imported` : x.error!.message,
      );
      // The folder's links are named and skipped, never followed out of the folder.
      expect(lines).toEqual([
        'door: it is a link; links inside a folder are not followed.',
        'report.txt: imported',
        'link.txt: it is a link; links inside a folder are not followed.',
        'note.md: imported',
      ]);
      expect(titles(s).sort()).toEqual(['Field report', 'Note']);
    } finally {
      await s.close();
    }
  });

  it('refuses a link named directly when it leads out of the folder', async () => {
    const s = await open({ kind: 'folders', folders: [inbox] });
    try {
      const r = await dispatch(s.service, 'importPaths', { paths: [path.join(inbox, 'sub', 'link.txt'), path.join(inbox, 'door', 'secret.txt')] });
      expect(r).toMatchObject({
        ok: true,
        value: [
          { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('outside the folders') } },
          { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('outside the folders') } },
        ],
      });
      expect(titles(s)).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('is enforced over HTTP, and a missing --import-dir folder stops the server from starting', async () => {
    const renderer = path.join(tmp, 'renderer');
    const server = await startWebServer({ dataDir: path.join(tmp, 'data'), rendererDir: renderer, seedDemo: false, quiet: true, pdf: noPdf, importDirs: [inbox] });
    try {
      const post = (paths: string[]) =>
        fetch(`${server.baseURL}/api/importPaths`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ paths }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string } } }));
      expect(await post(['/etc'])).toMatchObject({ status: 200, body: { ok: false, error: { code: 'FORBIDDEN' } } });
      expect(await post([path.join(inbox, 'report.txt')])).toMatchObject({ status: 200, body: { ok: true, value: [{ ok: true }] } });
    } finally {
      await server.close();
    }
    await expect(
      startWebServer({ dataDir: path.join(tmp, 'data2'), rendererDir: renderer, seedDemo: false, quiet: true, pdf: noPdf, importDirs: [path.join(tmp, 'nowhere')] }),
    ).rejects.toThrow(/--import-dir .*nowhere: there is no folder there/);
  });
});

describe('the desktop app', () => {
  it('imports what was picked in the open dialog and nothing else', async () => {
    const picked = new Set([path.join(inbox, 'report.txt')]);
    const s = await open({ kind: 'picked', mayRead: (f) => picked.has(f) });
    try {
      const refused = await dispatch(s.service, 'importPaths', { paths: [path.join(outside, 'secret.txt')] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('open dialog') } });
      const ok = await dispatch(s.service, 'importPaths', { paths: [path.join(inbox, 'report.txt')] });
      expect(ok).toMatchObject({ ok: true, value: [{ ok: true, value: { fileName: 'report.txt' } }] });
    } finally {
      await s.close();
    }
  });
});
