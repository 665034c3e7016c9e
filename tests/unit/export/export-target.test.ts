// Where an export lands: inside exports/ in browser mode, never over an earlier export or any other
// file, never through a link, and with a plain sentence for a path that cannot be used.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openService } from '../../../main/service/index';
import { dispatch } from '../../../main/contract/dispatch';
import type { PdfRenderer } from '../../../main/ports';
import { buildBrief, openExportLibrary, type ExportLibrary } from './export-helpers';

// Markdown is enough here: the path rules do not depend on the format.
const noPdf: PdfRenderer = { render: () => Promise.reject(new Error('no PDF here')), close: () => Promise.resolve() };
let lib: ExportLibrary;
let outside: string;
beforeEach(async () => {
  lib = await openExportLibrary(noPdf);
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-outside-'));
});
afterEach(async () => {
  await lib.close();
  fs.rmSync(outside, { recursive: true, force: true });
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function brief() {
  return buildBrief(lib, {
    title: 'Terminals',
    sources: [{ title: 'Ministry statement', body: 'The ministry confirmed the closure of the northern terminal on Monday.' }],
    claims: [{ text: 'The northern terminal closed.', cites: [{ source: 0, passage: 'confirmed the closure of the northern terminal' }] }],
  });
}

const markdown = (briefId: number, p?: string) => lib.call('exportBrief', { briefId, format: 'markdown', ...(p ? { path: p } : {}) });

describe('an export never replaces a file', () => {
  it('a second export to the same name gets its own file, and both records still verify', async () => {
    const id = await brief();
    const wanted = path.join(lib.exportsDir, 'terminals.md');
    const first = await markdown(id, wanted);
    await lib.call('updateBrief', { id, summary: 'Changed after the first export.' });
    const second = await markdown(id, wanted);
    const third = await markdown(id, wanted);
    expect(first.record.path).toBe(wanted);
    expect(second.record.path).toBe(path.join(lib.exportsDir, 'terminals-2.md'));
    expect(third.record.path).toBe(path.join(lib.exportsDir, 'terminals-3.md'));
    for (const { record } of [first, second, third]) {
      expect(sha(record.path)).toBe(record.sha256);
      await expect(lib.call('readExport', { recordId: record.id })).resolves.toMatchObject({ fileName: path.basename(record.path) });
    }
    // No temporary files are left behind.
    expect(fs.readdirSync(lib.exportsDir).sort()).toEqual(['terminals-2.md', 'terminals-3.md', 'terminals.md']);
  });

  it('exports in the same second to the default name do not collide', async () => {
    const id = await brief();
    const results = await Promise.all([markdown(id), markdown(id), markdown(id)]);
    expect(new Set(results.map((r) => r.record.path)).size).toBe(3);
    for (const { record } of results) expect(sha(record.path)).toBe(record.sha256);
  });

  it('a file the analyst put in exports/ is left as it was', async () => {
    const id = await brief();
    fs.mkdirSync(lib.exportsDir, { recursive: true });
    fs.writeFileSync(path.join(lib.exportsDir, 'notes.md'), 'my own notes');
    const { record } = await markdown(id, path.join(lib.exportsDir, 'notes.md'));
    expect(record.path).toBe(path.join(lib.exportsDir, 'notes-2.md'));
    expect(fs.readFileSync(path.join(lib.exportsDir, 'notes.md'), 'utf8')).toBe('my own notes');
  });
});

describe('an export never goes through a link', () => {
  it('a link in the place of the file is not written through', async () => {
    const id = await brief();
    const victim = path.join(outside, 'victim.md');
    fs.writeFileSync(victim, 'precious');
    fs.mkdirSync(lib.exportsDir, { recursive: true });
    fs.symlinkSync(victim, path.join(lib.exportsDir, 'evil.md'));
    fs.symlinkSync(path.join(outside, 'dangling.md'), path.join(lib.exportsDir, 'dangling.md'));
    const a = await markdown(id, path.join(lib.exportsDir, 'evil.md'));
    const b = await markdown(id, path.join(lib.exportsDir, 'dangling.md'));
    expect(a.record.path).toBe(path.join(lib.exportsDir, 'evil-2.md'));
    expect(b.record.path).toBe(path.join(lib.exportsDir, 'dangling-2.md'));
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    expect(fs.existsSync(path.join(outside, 'dangling.md'))).toBe(false);
  });

  it('an exports folder, or a folder inside it, that is a link is refused with the reason', async () => {
    const id = await brief();
    fs.mkdirSync(lib.exportsDir);
    fs.symlinkSync(outside, path.join(lib.exportsDir, 'sub'));
    const sub = await lib.refuse('exportBrief', { briefId: id, format: 'markdown', path: path.join(lib.exportsDir, 'sub', 'x.md') });
    expect(sub).toMatchObject({ code: 'EXPORT_FAILED', message: expect.stringContaining('is a link to somewhere else') });
    const deeper = await lib.refuse('exportBrief', { briefId: id, format: 'markdown', path: path.join(lib.exportsDir, 'sub', 'new', 'x.md') });
    expect(deeper.code).toBe('EXPORT_FAILED');
    fs.rmSync(lib.exportsDir, { recursive: true });
    fs.symlinkSync(outside, lib.exportsDir);
    const whole = await lib.refuse('exportBrief', { briefId: id, format: 'markdown' });
    expect(whole).toMatchObject({ code: 'EXPORT_FAILED', message: expect.stringContaining(lib.exportsDir) });
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(await lib.call('exportRecords', { briefId: id })).toEqual([]);
  });
});

describe('bad and unusual paths', () => {
  it('a NUL byte, a control character, a folder or a name too long gets a specific error, never INTERNAL', async () => {
    const id = await brief();
    const cases: [string, string, RegExp][] = [
      [path.join(lib.exportsDir, 'a\0b.md'), 'INVALID_INPUT', /control character \(such as NUL\)/],
      [path.join(lib.exportsDir, 'a\nb.md'), 'INVALID_INPUT', /control character/],
      [`${lib.exportsDir}/`, 'INVALID_INPUT', /names a folder/],
      [path.join(lib.exportsDir, `${'x'.repeat(300)}.md`), 'INVALID_INPUT', /bytes long/],
      [path.join(lib.exportsDir, '..', 'x.md'), 'FORBIDDEN', /only inside/],
      [path.join(lib.exportsDir, '..', 'library.sqlite'), 'INVALID_INPUT', /over the library file/],
    ];
    for (const [p, code, message] of cases) {
      const error = await lib.refuse('exportBrief', { briefId: id, format: 'markdown', path: p });
      expect(error.code, JSON.stringify(p)).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/ERR_|Something went wrong/);
    }
    expect(await lib.call('exportRecords', { briefId: id })).toEqual([]);
  });

  it('accepts legal names that merely look odd: ..notes.md, a name with no extension, a subfolder', async () => {
    const id = await brief();
    for (const name of ['..notes.md', 'README', '...md', path.join('2026', 'march', 'brief.md'), 'Сводка 報告.md']) {
      const { record } = await markdown(id, path.join(lib.exportsDir, name));
      expect(record.path).toBe(path.join(lib.exportsDir, name));
      expect(sha(record.path)).toBe(record.sha256);
    }
  });
});

describe('the desktop app', () => {
  it('writes where the save dialog pointed, but beside an existing file rather than over it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-desktop-'));
    const running = await openService({ dataDir: dir, mode: 'electron', version: 't', pdf: noPdf, seedDemo: false });
    try {
      const call = async (name: string, input: unknown) => {
        const r = await dispatch(running.service, name, input);
        if (!r.ok) throw new Error(r.error.message);
        return r.value as { id: number; record: { path: string } };
      };
      const briefId = (await call('createBrief', { title: 'Desk' })).id;
      await call('addClaim', { briefId, text: 'One claim.' });
      const chosen = path.join(outside, 'desk.md');
      fs.writeFileSync(chosen, 'an older file the analyst chose to keep');
      fs.symlinkSync(path.join(outside, 'target.md'), path.join(outside, 'link.md'));
      const a = await call('exportBrief', { briefId, format: 'markdown', path: chosen, allowUncited: true });
      const b = await call('exportBrief', { briefId, format: 'markdown', path: path.join(outside, 'link.md'), allowUncited: true });
      expect(a.record.path).toBe(path.join(outside, 'desk-2.md'));
      expect(b.record.path).toBe(path.join(outside, 'link-2.md'));
      expect(fs.readFileSync(chosen, 'utf8')).toBe('an older file the analyst chose to keep');
      expect(fs.existsSync(path.join(outside, 'target.md'))).toBe(false);
      const missing = await dispatch(running.service, 'exportBrief', { briefId, format: 'markdown', path: path.join(outside, 'nope', 'x.md'), allowUncited: true });
      expect(missing).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED', message: expect.stringContaining('does not exist') } });
    } finally {
      await running.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
