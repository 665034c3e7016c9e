// The ui suite (issue 3): the workspace in system Chromium against browser mode, on data built
// through the contract over HTTP. Measures navigation to an interactive brief of 2,000 claims with
// 4,000 citation tags, opening a 50,000-word source with 1,000 highlights, and the longest frame while
// scrolling each. An empty workspace is loaded in the same run as the baseline for the first number.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { chromiumExecutable, loopbackChromiumArgs } from '../../../main/platform/chromium';
import type { MethodInput, MethodName, MethodResult, Result } from '../../../main/contract';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';
import { line, percentile, type BenchContext } from '../harness';
import { coldStart } from '../ui-cold-start';
import { achMatrixOnScreen } from '../ui-ach';

const SUITE = 'ui';
const RUNS = 5;
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function caller(server: RunningWebServer) {
  return async <K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodResult<K>> => {
    const res = await fetch(`${server.baseURL}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify(input),
    });
    const result = (await res.json()) as Result<MethodResult<K>>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
}

/** Runs fn over items with a few requests in flight, as a busy analyst's app would. */
async function pool<T>(items: readonly T[], width: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i] as T, i);
      }
    }),
  );
}

const WORDS = 'harbour ministry convoy reservoir statement analyst shipment border council report engineers bridge outage river tariff grain ferry ledger minister signal'.split(' ');

/** Deterministic prose: `words` words in paragraphs of about 100, with sentence breaks. */
function prose(words: number, seed: number): string {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const paragraphs: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 80 + Math.floor(rnd() * 40));
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push((WORDS[Math.floor(rnd() * WORDS.length)] as string) + (i % 14 === 13 ? '.' : ''));
    paragraphs.push(w.join(' '));
    left -= n;
  }
  return paragraphs.join('\n\n');
}

/** Start offsets of `count` non-overlapping passages of about eight words, spread over the body. */
function passages(body: string, count: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const step = Math.floor(body.length / count);
  for (let i = 0; i < count; i++) {
    let start = i * step;
    while (start < body.length && !/\w/.test(body[start] as string)) start++;
    while (start > 0 && /\w/.test(body[start - 1] as string)) start++;
    let end = Math.min(body.length, start + Math.min(60, step - 2));
    while (end > start && !/\w/.test(body[end - 1] as string)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The same page under a new query string, so going there is a full load, not a fragment change. */
let loads = 0;
function fresh(url: string): string {
  const u = new URL(url);
  u.search = `?load=${++loads}`;
  return u.href;
}

/** Time from navigation start until the selector's element exists, measured in the page's own clock. */
async function loadUntil(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(fresh(url), { waitUntil: 'commit' });
  const handle = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : false), selector, { polling: 'raf', timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

/**
 * Scrolls an element through its content, one step per frame, three times over, and returns the
 * median of the three longest frames: one OS scheduling stall on a shared 2-core machine is not the
 * app's frame, but a frame that is long on every pass is.
 */
async function longestScrollFrame(page: Page, scrollerSelector: string, frames: number): Promise<{ longest: number; p95: number }> {
  const passes: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.evaluate(async (sel) => {
      (document.querySelector(sel) as HTMLElement).scrollTo(0, 0);
      // Let the jump back to the top render and settle before the pass is timed.
      for (let f = 0; f < 10; f++) await new Promise((r) => requestAnimationFrame(r));
    }, scrollerSelector);
    const pass = await scrollPass(page, scrollerSelector, frames);
    passes.push(pass.longest);
    all.push(...pass.deltas);
  }
  return { longest: median(passes), p95: percentile([...all].sort((a, b) => a - b), 95) };
}

async function scrollPass(page: Page, scrollerSelector: string, frames: number): Promise<{ longest: number; deltas: number[] }> {
  const result = await page.evaluate(
    async ({ sel, frames }) => {
      const el = document.querySelector(sel) as HTMLElement;
      const step = Math.max(200, (el.scrollHeight - el.clientHeight) / frames);
      let longest = 0;
      let longTask = 0;
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTask = Math.max(longTask, e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      let last = performance.now();
      const deltas: number[] = [];
      for (let i = 0; i < frames; i++) {
        el.scrollTop += step;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        longest = Math.max(longest, now - last);
        deltas.push(Math.round(now - last));
        last = now;
      }
      observer.disconnect();
      return { longest: Math.max(longest, longTask), longTask, deltas };
    },
    { sel: scrollerSelector, frames },
  );
  if (process.env.UI_BENCH_VERBOSE) process.stderr.write(`ui: ${scrollerSelector}: long task ${result.longTask} ms; frames ${result.deltas.join(' ')}\n`);
  return { longest: result.longest, deltas: result.deltas };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export default async function ui(ctx: BenchContext): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    process.stderr.write('ui: building the renderer (vite build)…\n');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  const claims = Math.max(10, Math.round(2_000 * ctx.scale));
  const words = Math.max(1_000, Math.round(50_000 * ctx.scale));
  const highlights = Math.max(10, Math.round(1_000 * ctx.scale));
  // `npm run bench -- ui cold-start` measures only the cold start.
  if (ctx.args.includes('cold-start')) {
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: loopbackChromiumArgs });
    try {
      await coldStart(ctx, browser);
      ctx.emit(line(SUITE, 'machine_load_1min', os.loadavg()[0] ?? 0, 'runnable'));
    } finally {
      await browser.close();
    }
    return;
  }
  const server = await startWebServer({ dataDir: ctx.tmpDir, seedDemo: false, quiet: true });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: loopbackChromiumArgs });
  const call = caller(server);
  // The ACH matrix of issue 12: its own brief and passages, so it runs alone too (`npm run bench -- ui ach`).
  const ach = async () => {
    const body = prose(12_000, 17);
    await achMatrixOnScreen(ctx, browser, { url: server.url, call }, (n, fn) => pool(Array.from({ length: n }, (_, i) => i), 8, (i) => fn(i)), body, passages(body, 200));
  };
  if (ctx.args.includes('ach')) {
    try {
      await ach();
      ctx.emit(line(SUITE, 'machine_load_1min', os.loadavg()[0] ?? 0, 'runnable'));
    } finally {
      await browser.close();
      await server.close();
    }
    return;
  }
  try {
    process.stderr.write(`ui: building a brief of ${claims} claims and a source of ${words} words with ${highlights} quotes…\n`);
    const evidenceBody = prose(Math.max(5_000, claims * 6), 11);
    const { source: evidence } = await call('addSource', { title: 'Evidence pool', outlet: 'Bench Wire', body: evidenceBody });
    const pool2 = passages(evidenceBody, Math.min(400, claims));
    const quoteIds: number[] = [];
    await pool(pool2, 8, async (p) => void quoteIds.push((await call('createQuote', { sourceId: evidence.id, ...p })).id));
    const brief = await call('createBrief', { title: `Brief of ${claims} claims` });
    const claimIds = new Array<number>(claims);
    // Claims go in one after another (each appends); citations then fill in with requests in flight.
    for (let i = 0; i < claims; i++) claimIds[i] = (await call('addClaim', { briefId: brief.id, text: `Claim ${i + 1}: ${prose(20, i + 3)}` })).id;
    await pool(claimIds, 8, async (claimId, i) => {
      await call('addCitation', { claimId, quoteId: quoteIds[i % quoteIds.length] as number });
      await call('addCitation', { claimId, quoteId: quoteIds[(i + 1) % quoteIds.length] as number, relation: i % 10 === 0 ? 'contradicts' : 'supports' });
    });

    const bigBody = prose(words, 5);
    const { source: big } = await call('addSource', { title: 'Long report', outlet: 'Bench Wire', body: bigBody });
    await pool(passages(bigBody, highlights), 8, async (p) => void (await call('createQuote', { sourceId: big.id, ...p })));

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const place = (p: { briefId: number | null; sourceId: number | null }) =>
      page.evaluate((v) => localStorage.setItem('sourcemark.workspace', JSON.stringify(v)), p);
    await page.goto(server.url);

    // Baseline: the same page with nothing open.
    const empty = await call('createBrief', { title: 'Empty' });
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await place({ briefId: empty.id, sourceId: null });
      baseline.push(await loadUntil(page, server.url, '[aria-label="Brief title"]'));
    }
    const navigation: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await place({ briefId: brief.id, sourceId: null });
      navigation.push(await loadUntil(page, server.url, '[aria-label="Citations of claim 1"] button'));
    }
    const nav = median(navigation);
    // What part of that is the back end: the one read the brief pane makes, timed from Node.
    const reads: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      bytes = JSON.stringify(await call('getBrief', { id: brief.id })).length;
      reads.push(performance.now() - t);
    }
    ctx.emit(line(SUITE, 'get_brief_over_http_ms', median(reads), 'ms'));
    // Each passage and source once, by id (issue 9): 3.9 MB when every citation carried both.
    ctx.emit(line(SUITE, 'get_brief_json_mb', bytes / 1e6, 'MB', { atMost: 1 }));
    ctx.emit(line(SUITE, 'load_empty_workspace_ms', median(baseline), 'ms'));
    ctx.emit(line(SUITE, `navigate_brief_${claims}_claims_ms`, nav, 'ms', { atMost: 500 }));
    ctx.emit(line(SUITE, 'navigate_brief_vs_empty_ratio', nav / median(baseline), 'x', { atMost: 1.5 }));
    const briefScroll = await longestScrollFrame(page, '.claim-scroller', 150);
    ctx.emit(line(SUITE, 'scroll_brief_longest_frame_ms', briefScroll.longest, 'ms', { atMost: 50 }));
    ctx.emit(line(SUITE, 'scroll_brief_p95_frame_ms', briefScroll.p95, 'ms'));

    // Opening the source: from the library click to its highlighted text on screen, data not cached.
    const opening: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await place({ briefId: null, sourceId: null });
      await page.goto(fresh(server.url));
      await page.getByRole('button', { name: /^Long report/ }).waitFor();
      opening.push(
        await page.evaluate(async () => {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Long report')) as HTMLButtonElement;
          const t0 = performance.now();
          button.click();
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r));
            if (document.querySelector('[aria-label="Source text"] mark')) return performance.now() - t0;
          }
        }),
      );
    }
    ctx.emit(line(SUITE, `open_source_${words}_words_${highlights}_highlights_ms`, median(opening), 'ms', { atMost: 300 }));
    const sourceScroll = await longestScrollFrame(page, '[aria-label="Source text"]', 150);
    ctx.emit(line(SUITE, 'scroll_source_longest_frame_ms', sourceScroll.longest, 'ms', { atMost: 50 }));
    ctx.emit(line(SUITE, 'scroll_source_p95_frame_ms', sourceScroll.p95, 'ms'));
    await ach();
    await coldStart(ctx, browser);
    // Frame times are wall-clock: on a shared 2-core machine other work shows up in them.
    ctx.emit(line(SUITE, 'machine_load_1min', os.loadavg()[0] ?? 0, 'runnable'));
  } finally {
    await browser.close();
    await server.close();
  }
}
