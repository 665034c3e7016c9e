// The packaged app's smoke test (desktop CI, after `npm run dist`): starts the app that
// electron-builder laid out in release/, on a fresh library, with SOURCEMARK_SMOKE_DIR pointing at
// one saved web page and one PDF; the app imports both from inside its asar layout, exports the
// demo brief to PDF, writes smoke-report.json and exits. Linux needs a display: run under xvfb-run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where electron-builder's unpacked app (the --dir layout every installer is made from) keeps its executable. */
export function packagedExecutable(releaseDir, platform) {
  const candidates =
    platform === 'win32'
      ? ['win-unpacked/Sourcemark.exe', 'win-arm64-unpacked/Sourcemark.exe']
      : platform === 'darwin'
        ? ['mac-arm64/Sourcemark.app/Contents/MacOS/Sourcemark', 'mac/Sourcemark.app/Contents/MacOS/Sourcemark', 'mac-universal/Sourcemark.app/Contents/MacOS/Sourcemark']
        : ['linux-unpacked/sourcemark', 'linux-arm64-unpacked/sourcemark'];
  return candidates.map((c) => path.join(releaseDir, c)).find((file) => fs.existsSync(file)) ?? null;
}

/** One saved web page (canal.html) and one single-page PDF (report.pdf) with text, written into dir. */
export async function writeSmokeFixtures(dir) {
  fs.writeFileSync(
    path.join(dir, 'canal.html'),
    '<!doctype html><html lang="en"><head><title>Canal closed</title></head><body><article><h1>Canal closed</h1>' +
      '<p>The Maren canal closed to barges on Monday after the water level fell below the safe draught.</p>' +
      '<p>Port officials said traffic would resume once the autumn rains raise the level again.</p></article></body></html>',
  );
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Barge traffic on the Maren canal stopped on Monday.', { x: 72, y: 760, size: 12, font });
  fs.writeFileSync(path.join(dir, 'report.pdf'), await doc.save());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const exe = packagedExecutable(path.join(root, 'release'), process.platform);
  if (!exe) {
    process.stderr.write('No packaged app in release/; run `npm run dist` first.\n');
    process.exit(1);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-smoke-'));
  const smokeDir = path.join(work, 'files');
  fs.mkdirSync(smokeDir);
  await writeSmokeFixtures(smokeDir);
  process.stdout.write(`Smoke test of ${exe}\n`);
  const run = spawnSync(exe, ['--data-dir', path.join(work, 'library')], {
    env: { ...process.env, SOURCEMARK_SMOKE_DIR: smokeDir, ELECTRON_ENABLE_LOGGING: '1' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  const reportFile = path.join(smokeDir, 'smoke-report.json');
  if (!fs.existsSync(reportFile)) {
    process.stderr.write(`The packaged app wrote no report (exit ${run.status}, signal ${run.signal}${run.error ? `, ${run.error.message}` : ''}).\n`);
    process.exit(1);
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  for (const item of report.imports) process.stdout.write(`${item.ok ? 'ok  ' : 'FAIL'} import ${item.file}: ${item.detail}\n`);
  process.stdout.write(`${report.export.ok ? 'ok  ' : 'FAIL'} export: ${report.export.detail}\n`);
  const passed = report.ok && report.imports.length === 2 && run.status === 0;
  process.stdout.write(`${passed ? 1 : 0} passed, ${passed ? 0 : 1} failed\n`);
  process.exit(passed ? 0 : 1);
}
