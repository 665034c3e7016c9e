// The packaged app's self-test, run here against a real library with the import worker from
// sources and a stand-in printer; the desktop workflow runs the same code inside packaged Electron.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSmokeTest, smokeShell, SMOKE_REPORT } from '../../../main/desktop/smoke';
import { browserShell, openService, type RunningService } from '../../../main/service/index';
import { packagedExecutable, writeSmokeFixtures } from '../../../scripts/packaged-smoke.mjs';

async function onePagePdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 12, font });
  // Like Chromium's: a classic cross-reference table, which the export's post-processing expects.
  return doc.save({ useObjectStreams: false });
}

let tmp: string;
let running: RunningService;
beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-smoke-'));
  const printed = await onePagePdf('Printed brief');
  running = await openService({
    dataDir: path.join(tmp, 'library'),
    mode: 'electron',
    version: '0.0.0-test',
    pdf: { render: async () => printed, close: async () => {} },
    // As the packaged app does under SOURCEMARK_SMOKE_DIR: the export is saved into the files folder.
    shell: smokeShell(browserShell, path.join(tmp, 'files')),
  });
  fs.mkdirSync(path.join(tmp, 'files'));
});
afterEach(async () => {
  await running.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the packaged self-test', () => {
  it('imports a page and a PDF, exports the demo brief, and writes its report', async () => {
    await writeSmokeFixtures(path.join(tmp, 'files'));
    fs.writeFileSync(path.join(tmp, 'files', 'notes.docx'), 'ignored');
    const report = await runSmokeTest(running.service, path.join(tmp, 'files'));
    expect(report.imports.map((i) => [i.file, i.ok])).toEqual([
      ['canal.html', true],
      ['report.pdf', true],
    ]);
    expect(report.export).toMatchObject({ ok: true, detail: expect.stringMatching(/\.pdf: 1 pages, \d+ bytes$/) });
    expect(report.ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'files', SMOKE_REPORT), 'utf8'))).toEqual(report);
  });

  it('fails when a file cannot be imported, naming it and the reason', async () => {
    fs.writeFileSync(path.join(tmp, 'files', 'broken.pdf'), '%PDF-1.7 this is not really a PDF');
    const report = await runSmokeTest(running.service, path.join(tmp, 'files'));
    expect(report.ok).toBe(false);
    expect(report.imports[0]).toMatchObject({ file: 'broken.pdf', ok: false, detail: expect.stringMatching(/^[A-Z_]+: .*broken\.pdf/) });
  });

  it('fails on an empty folder rather than passing on nothing', async () => {
    expect((await runSmokeTest(running.service, path.join(tmp, 'files'))).ok).toBe(false);
  });
});

describe('finding the packaged app', () => {
  it('looks where electron-builder lays out each platform', () => {
    const release = path.join(tmp, 'release');
    expect(packagedExecutable(release, 'linux')).toBeNull();
    const linux = path.join(release, 'linux-unpacked', 'sourcemark');
    const mac = path.join(release, 'mac-arm64', 'Sourcemark.app', 'Contents', 'MacOS', 'Sourcemark');
    const win = path.join(release, 'win-unpacked', 'Sourcemark.exe');
    for (const file of [linux, mac, win]) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
    }
    expect(packagedExecutable(release, 'linux')).toBe(linux);
    expect(packagedExecutable(release, 'darwin')).toBe(mac);
    expect(packagedExecutable(release, 'win32')).toBe(win);
  });
});
