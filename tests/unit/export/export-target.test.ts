// Where an export lands. Browser mode: inside exports/ under a name made from the title and time.
// The desktop app: where the save dialog (opened by the back end itself) pointed. Either way never
// over an earlier export or any other file, never through a link, and with a plain sentence for a
// path that cannot be used.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfRenderer } from '../../../main/ports';
import { buildBrief, openExportLibrary, type ExportLibrary } from './export-helpers';

// Markdown is enough here: the path rules do not depend on the format.
const noPdf: PdfRenderer = { render: () => Promise.reject(new Error('no PDF here')), close: () => Promise.resolve() };
let web: ExportLibrary;
let desk: ExportLibrary;
let outside: string;
beforeEach(async () => {
  web = await openExportLibrary(noPdf);
  desk = await openExportLibrary(noPdf, { desktop: true });
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-outside-'));
});
afterEach(async () => {
  await web.close();
  await desk.close();
  fs.rmSync(outside, { recursive: true, force: true });
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function brief(lib: ExportLibrary) {
  return buildBrief(lib, {
    title: 'Terminals',
    sources: [{ title: 'Ministry statement', body: 'The ministry confirmed the closure of the northern terminal on Monday.' }],
    claims: [{ text: 'The northern terminal closed.', cites: [{ source: 0, passage: 'confirmed the closure of the northern terminal' }] }],
  });
}

/** A desktop export to where the save dialog answers `chosen`. */
function saveTo(briefId: number, chosen: string) {
  desk.saveAs(chosen);
  return desk.call('exportBrief', { briefId, format: 'markdown' });
}
function refusedAt(briefId: number, chosen: string) {
  desk.saveAs(chosen);
  return desk.refuse('exportBrief', { briefId, format: 'markdown' });
}

describe('an export never replaces a file', () => {
  it('a second export to the same name gets its own file, and both records still verify', async () => {
    const id = await brief(desk);
    const wanted = path.join(outside, 'terminals.md');
    const first = await saveTo(id, wanted);
    await desk.call('updateBrief', { id, summary: 'Changed after the first export.' });
    const second = await saveTo(id, wanted);
    const third = await saveTo(id, wanted);
    expect(first.record.path).toBe(wanted);
    expect(second.record.path).toBe(path.join(outside, 'terminals-2.md'));
    expect(third.record.path).toBe(path.join(outside, 'terminals-3.md'));
    for (const { record } of [first, second, third]) {
      expect(sha(record.path)).toBe(record.sha256);
      await expect(desk.download(record.id)).resolves.toMatchObject({ fileName: path.basename(record.path) });
    }
    // No temporary files are left behind.
    expect(fs.readdirSync(outside).sort()).toEqual(['terminals-2.md', 'terminals-3.md', 'terminals.md']);
  });

  it('browser-mode exports in the same second do not collide', async () => {
    const id = await brief(web);
    const results = await Promise.all([1, 2, 3].map(() => web.call('exportBrief', { briefId: id, format: 'markdown' })));
    expect(new Set(results.map((r) => r.record.path)).size).toBe(3);
    for (const { record } of results) {
      expect(path.dirname(record.path)).toBe(web.exportsDir);
      expect(sha(record.path)).toBe(record.sha256);
    }
  });

  it('a file the analyst already had is left as it was', async () => {
    const id = await brief(desk);
    fs.writeFileSync(path.join(outside, 'notes.md'), 'my own notes');
    const { record } = await saveTo(id, path.join(outside, 'notes.md'));
    expect(record.path).toBe(path.join(outside, 'notes-2.md'));
    expect(fs.readFileSync(path.join(outside, 'notes.md'), 'utf8')).toBe('my own notes');
  });
});

describe('an export never goes through a link', () => {
  it('a link in the place of the file is not written through', async () => {
    const id = await brief(desk);
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-victim-'));
    try {
      const victim = path.join(elsewhere, 'victim.md');
      fs.writeFileSync(victim, 'precious');
      fs.symlinkSync(victim, path.join(outside, 'evil.md'));
      fs.symlinkSync(path.join(elsewhere, 'dangling.md'), path.join(outside, 'dangling.md'));
      const a = await saveTo(id, path.join(outside, 'evil.md'));
      const b = await saveTo(id, path.join(outside, 'dangling.md'));
      expect(a.record.path).toBe(path.join(outside, 'evil-2.md'));
      expect(b.record.path).toBe(path.join(outside, 'dangling-2.md'));
      expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
      expect(fs.existsSync(path.join(elsewhere, 'dangling.md'))).toBe(false);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('an exports folder that is a link is refused with the reason (browser mode)', async () => {
    const id = await brief(web);
    fs.symlinkSync(outside, web.exportsDir);
    const whole = await web.refuse('exportBrief', { briefId: id, format: 'markdown' });
    expect(whole).toMatchObject({ code: 'EXPORT_FAILED', message: expect.stringContaining('is a link to somewhere else') });
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(await web.call('exportRecords', { briefId: id })).toEqual([]);
  });
});

describe('what the save dialog may answer', () => {
  it('a NUL byte, a control character, a folder, a name too long or the library file gets a specific error, never INTERNAL', async () => {
    const id = await brief(desk);
    const cases: [string, string, RegExp][] = [
      [path.join(outside, 'a\0b.md'), 'INVALID_INPUT', /control character \(such as NUL\)/],
      [path.join(outside, 'a\nb.md'), 'INVALID_INPUT', /control character/],
      [`${outside}/`, 'INVALID_INPUT', /names a folder/],
      [path.join(outside, `${'x'.repeat(300)}.md`), 'INVALID_INPUT', /bytes long/],
      ['brief.md', 'INVALID_INPUT', /full path/],
      [path.join(desk.dir, 'library.sqlite'), 'INVALID_INPUT', /over the library file/],
      [path.join(outside, 'nope', 'x.md'), 'EXPORT_FAILED', /does not exist/],
    ];
    for (const [p, code, message] of cases) {
      const error = await refusedAt(id, p);
      expect(error.code, JSON.stringify(p)).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/ERR_|Something went wrong/);
    }
    expect(await desk.call('exportRecords', { briefId: id })).toEqual([]);
  });

  it('accepts legal names that merely look odd: ..notes.md, a name with no extension, a subfolder', async () => {
    const id = await brief(desk);
    fs.mkdirSync(path.join(outside, '2026', 'march'), { recursive: true });
    for (const name of ['..notes.md', 'README', '...md', path.join('2026', 'march', 'brief.md'), 'Сводка 報告.md']) {
      const { record, download } = await saveTo(id, path.join(outside, name));
      expect(record.path).toBe(path.join(outside, name));
      expect(sha(record.path)).toBe(record.sha256);
      expect(download).toBeNull();
    }
  });

  it('a cancelled dialog writes and records nothing', async () => {
    const id = await brief(desk);
    desk.saveAs(null);
    expect(await desk.refuse('exportBrief', { briefId: id, format: 'markdown' })).toMatchObject({ code: 'CANCELLED' });
    expect(await desk.call('exportRecords', { briefId: id })).toEqual([]);
    expect(fs.existsSync(desk.exportsDir)).toBe(false);
  });

  it('is asked only once the brief passed its check', async () => {
    const id = await desk.call('createBrief', { title: 'Nothing cited' });
    await desk.call('addClaim', { briefId: id.id, text: 'An uncited claim.' });
    // No answer set: a dialog shown here would throw "the test did not say".
    expect(await desk.refuse('exportBrief', { briefId: id.id, format: 'markdown' })).toMatchObject({ code: 'EXPORT_UNCITED' });
  });
});
