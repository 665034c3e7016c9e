// The import suite (issue 5): 1,000 saved web pages and 100 ten-page PDFs (printed by Chromium from
// generated articles) imported through the service from disk, as the desktop open dialog would:
// files/s and MB/s for each kind. Then, in Chromium against browser mode, a batch of pages imported
// through the file input while every frame is timed: the longest frame is the UI's worst freeze.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { chromiumExecutable, loopbackChromiumArgs } from '../../../main/platform/chromium';
import { dispatch } from '../../../main/contract/dispatch';
import { openService, type RunningService } from '../../../main/service/index';
import { startWebServer } from '../../../main/web/server';
import { makeVocab, TextMaker } from '../generate-library';
import { line, loadAverage, nowMs, peakRssMb, percentile, type BenchContext } from '../harness';
import { withPeak } from '../process-tree';
import { importInChild } from '../import-run';
import { domComparison, fidelity } from './import-fidelity';
import { pageCorpus } from '../../fixtures/import-pages';

const SUITE = 'import';
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A saved news page: navigation, article with metadata, sidebar, footer, and the scripts and styles real pages carry. */
export function savedPage(maker: TextMaker, i: number): string {
  const title = maker.sentence('en').slice(0, 80);
  const nav = Array.from({ length: 30 }, (_, k) => `<li><a href="/section/${k}">${maker.sentence('en').split(' ')[0]}</a></li>`).join('');
  const paragraphs = Array.from({ length: 12 + maker.int(20) }, () => `<p>${esc(maker.text('en', 300 + maker.int(500)).replace(/\n+/g, ' '))}</p>`).join('\n');
  const aside = Array.from({ length: 8 }, () => `<li><a href="/related">${esc(maker.sentence('en'))}</a></li>`).join('');
  return `<!doctype html>
<!-- saved from url=(0040)https://bench-news.example/articles/${i} -->
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | Bench News</title>
<meta property="og:site_name" content="Bench News"><meta name="author" content="Reporter ${i % 37}">
<meta property="article:published_time" content="2026-0${1 + (i % 9)}-1${i % 10}T08:00:00Z">
<link rel="canonical" href="https://bench-news.example/articles/${i}">
<style>${'.c{color:#333;margin:0 auto;padding:4px}'.repeat(60)}</style>
<script>window.dataLayer=[];${'function f(){return 1}'.repeat(80)}</script></head>
<body><header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>${esc(title)}</h1><p class="byline">By Reporter ${i % 37}</p>${paragraphs}</article>
<aside><h2>Related</h2><ul>${aside}</ul></aside></main>
<footer><p>© 2026 Bench News. All rights reserved.</p></footer><script>track(${i})</script></body></html>`;
}

async function call(s: RunningService, name: 'importPaths', paths: string[]) {
  const r = await dispatch(s.service, name, { paths });
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value as { ok: boolean; value?: { status: string }; error?: { message: string } }[];
}

function sizeOf(files: string[]): number {
  return files.reduce((n, f) => n + fs.statSync(f).size, 0);
}

async function makePdfs(browser: Browser, maker: TextMaker, dir: string, count: number): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  const page = await context.newPage();
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    // About 10 A4 pages: 70 paragraphs of ~600 characters at 12pt.
    const paragraphs = Array.from({ length: 70 }, () => `<p>${esc(maker.text('en', 600).replace(/\n+/g, ' '))}</p>`).join('');
    await page.setContent(`<html lang="en"><head><title>Report ${i}</title><style>body{font:12pt serif}</style></head><body><h1>Report ${i}</h1>${paragraphs}</body></html>`);
    const file = path.join(dir, `report-${String(i).padStart(3, '0')}.pdf`);
    fs.writeFileSync(file, await page.pdf({ format: 'A4', margin: { top: '1in', bottom: '1in', left: '1in', right: '1in' } }));
    files.push(file);
  }
  await context.close();
  return files;
}

async function throughput(ctx: BenchContext, s: RunningService, kind: string, files: string[]): Promise<{ filesPerS: number; peakMb: number }> {
  const bytes = sizeOf(files);
  // The whole process tree: this process with its parsing workers (threads), and any child process.
  const run = await withPeak(() => call(s, 'importPaths', files));
  const results = run.value;
  const seconds = run.ms / 1000;
  const failed = results.filter((r) => !r.ok);
  if (failed.length) process.stderr.write(`import: ${failed.length} ${kind} files failed, e.g. ${failed[0]?.error?.message}\n`);
  const filesPerS = files.length / seconds;
  ctx.emit(line(SUITE, `${kind}_files_per_s`, filesPerS, 'files/s'));
  ctx.emit(line(SUITE, `${kind}_mb_per_s`, bytes / 1024 / 1024 / seconds, 'MB/s'));
  // CPU time is what the import costs; wall-clock throughput also counts the wait for a busy core.
  ctx.emit(line(SUITE, `${kind}_cpu_ms_per_file`, run.cpuMs / files.length, 'ms'));
  ctx.emit(line(SUITE, `${kind}_peak_rss_tree_mb`, run.peakMb, 'MB'));
  ctx.emit(line(SUITE, `${kind}_failed_files`, failed.length, 'files', { atMost: 0 }));
  return { filesPerS, peakMb: run.peakMb };
}

export default async function importSuite(ctx: BenchContext): Promise<void> {
  // `npm run bench -- import fidelity` measures only extraction quality and large-page time.
  if (!ctx.args.includes('ui')) await fidelity(ctx);
  if (ctx.args.includes('fidelity')) return;
  const htmlCount = Math.max(10, Math.round(1_000 * ctx.scale));
  const pdfCount = Math.max(2, Math.round(100 * ctx.scale));
  const uiCount = Math.max(10, Math.round(200 * ctx.scale));
  const maker = new TextMaker(makeVocab(), 5);
  const htmlDir = path.join(ctx.tmpDir, 'pages');
  const pdfDir = path.join(ctx.tmpDir, 'pdfs');
  fs.mkdirSync(htmlDir, { recursive: true });
  fs.mkdirSync(pdfDir, { recursive: true });

  process.stderr.write(`import: writing ${htmlCount} saved pages and printing ${pdfCount} ten-page PDFs…\n`);
  const pages = Array.from({ length: htmlCount }, (_, i) => {
    const file = path.join(htmlDir, `page-${String(i).padStart(4, '0')}.html`);
    fs.writeFileSync(file, savedPage(maker, i));
    return file;
  });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: loopbackChromiumArgs });
  let pdfs: string[];
  try {
    // `npm run bench -- import ui` measures only the UI part, for quick iteration on the panel.
    if (ctx.args.includes('ui')) return await uiLongestFrame(ctx, browser, pages.slice(0, uiCount));
    pdfs = await makePdfs(browser, maker, pdfDir, pdfCount);
  } finally {
    // Closed before importing: its processes are children of this one and would count in the import's memory.
    await browser.close();
  }

  // The same pages and the corpus through both DOMs, in this process, before the timed imports.
  const compared = Math.max(10, Math.round(300 * ctx.scale));
  domComparison(ctx, [...pages.slice(0, compared).map((file) => ({ name: path.basename(file), bytes: fs.readFileSync(file) })), ...pageCorpus()]);

  // Saved pages: each import in a process of its own, whose whole tree is measured (see import-child.ts).
  // The baseline is the same import as it was before issue 9, in the same run: the parsing pool as it was
  // configured then, and workers that read the pages with jsdom (see import-child.ts).
  process.stderr.write('import: importing the saved pages through the service…\n');
  const bytes = sizeOf(pages);
  const app = await importInChild('app', path.join(ctx.tmpDir, 'library-app'), pages, ctx.tmpDir);
  const appRate = pages.length / (app.ms / 1000);
  ctx.emit(line(SUITE, 'html_files_per_s', appRate, 'files/s', { atLeast: 78 }));
  ctx.emit(line(SUITE, 'html_mb_per_s', bytes / 1024 / 1024 / (app.ms / 1000), 'MB/s'));
  // CPU time is what the import costs; wall-clock throughput also counts the wait for a busy core.
  ctx.emit(line(SUITE, 'html_cpu_ms_per_file', app.cpuMs / pages.length, 'ms'));
  ctx.emit(line(SUITE, 'html_peak_rss_tree_mb', app.peakMb, 'MB', { atMost: 600 }));
  ctx.emit(line(SUITE, 'html_failed_files', app.failed, 'files', { atMost: 0 }));
  if (!ctx.args.includes('no-baseline')) {
    process.stderr.write('import: the same pages as imported before (previous pool settings, jsdom)…\n');
    const base = await importInChild('previous', path.join(ctx.tmpDir, 'library-previous'), pages, ctx.tmpDir);
    const baseRate = pages.length / (base.ms / 1000);
    ctx.emit(line(SUITE, 'baseline_html_files_per_s', baseRate, 'files/s'));
    ctx.emit(line(SUITE, 'baseline_html_cpu_ms_per_file', base.cpuMs / pages.length, 'ms'));
    ctx.emit(line(SUITE, 'baseline_html_peak_rss_tree_mb', base.peakMb, 'MB'));
    ctx.emit(line(SUITE, 'html_files_per_s_vs_baseline', appRate / baseRate, 'x', { atLeast: 1 }));
    ctx.emit(line(SUITE, 'html_cpu_per_file_vs_baseline', app.cpuMs / base.cpuMs, 'x', { atMost: 1 }));
    ctx.emit(line(SUITE, 'html_peak_rss_vs_baseline', app.peakMb / base.peakMb, 'x'));
  }
  ctx.emit(line(SUITE, 'machine_load_1min', loadAverage(), 'runnable'));

  const s = await openService({
    dataDir: path.join(ctx.tmpDir, 'library'),
    mode: 'web',
    version: 'bench',
    importAccess: { kind: 'folders', folders: [ctx.tmpDir] },
    pdf: { render: async () => new Uint8Array(), close: async () => {} },
    seedDemo: false,
  });
  try {
    process.stderr.write('import: importing the PDFs through the service…\n');
    await throughput(ctx, s, 'pdf', pdfs);
    ctx.emit(line(SUITE, 'peak_rss_service_mb', peakRssMb(), 'MB'));
  } finally {
    await s.close();
  }

  // `npm run bench -- import service` stops here: no renderer build, no UI timing.
  if (!ctx.args.includes('service')) {
    const uiBrowser = await chromium.launch({ executablePath: chromiumExecutable(), args: loopbackChromiumArgs });
    try {
      await uiLongestFrame(ctx, uiBrowser, pages.slice(0, uiCount));
    } finally {
      await uiBrowser.close();
    }
  }
}

/**
 * Times every animation frame and records long tasks until told to stop. A string, not a function:
 * tsx compiles named functions with a helper that does not exist inside the page.
 */
const FRAME_TIMER = `(() => {
  const f = (window.__frames = { longest: 0, longTask: 0, count: 0, stop: false, all: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) f.longTask = Math.max(f.longTask, e.duration);
  }).observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  const tick = (now) => {
    f.longest = Math.max(f.longest, now - last);
    f.all.push(now - last);
    f.count += 1;
    last = now;
    if (!f.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Imports files through the page's file input while timing every animation frame until the batch ends. */
async function uiLongestFrame(ctx: BenchContext, browser: Browser, files: string[]): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    process.stderr.write('import: building the renderer (vite build)…\n');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  const server = await startWebServer({ dataDir: path.join(ctx.tmpDir, 'ui-library'), seedDemo: false, quiet: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Sourcemark', level: 1 }).waitFor();
    await page.evaluate(FRAME_TIMER);
    process.stderr.write(`import: importing ${files.length} pages through the UI…\n`);
    const started = nowMs();
    await page.getByLabel('Choose files to import').setInputFiles(files);
    await page.getByRole('status').filter({ hasText: /^Import finished/ }).waitFor({ timeout: 600_000 });
    const seconds = (nowMs() - started) / 1000;
    // The batch ends by opening its first source in the reader: its first render counts as part of the import.
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 3 }).waitFor();
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    const frames = (await page.evaluate('(window.__frames.stop = true, window.__frames)')) as { longest: number; longTask: number; count: number; all: number[] };
    const summary = await page.getByRole('status').filter({ hasText: /^Import finished/ }).textContent();
    if (!summary?.includes(`${files.length} imported`)) process.stderr.write(`import: UI summary: ${summary}\n`);
    ctx.emit(line(SUITE, 'ui_files_per_s', files.length / seconds, 'files/s'));
    ctx.emit(line(SUITE, 'ui_longest_frame_ms', Math.max(frames.longest, frames.longTask), 'ms', { atMost: 100 }));
    ctx.emit(line(SUITE, 'ui_longest_task_ms', frames.longTask, 'ms'));
    ctx.emit(line(SUITE, 'ui_p95_frame_ms', percentile(frames.all.sort((a, b) => a - b), 95), 'ms'));
    // Frame times are wall-clock: on a shared 2-core machine other work (and this import's own parsing workers) shows up in them.
    ctx.emit(line(SUITE, 'machine_load_1min', loadAverage(), 'runnable'));
  } finally {
    await server.close();
  }
}
