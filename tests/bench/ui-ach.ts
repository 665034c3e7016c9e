// Part of the ui suite (issue 12): a 9 × 200 ACH matrix on screen. A cell is changed by keyboard (I on
// a C cell, C on an I cell) and the clock runs from the key press (the keydown event's own time stamp)
// until the cell shows its new rating, its hypothesis's score and rank are updated (they come with the
// back end's answer), and that frame is painted: a MutationObserver sees the DOM change, then a
// setTimeout queued from the next requestAnimationFrame runs after that frame's paint.
import type { Browser } from 'playwright-core';
import type { MethodInput, MethodName, MethodResult } from '../../main/contract';
import { line, percentile, type BenchContext } from './harness';

const SUITE = 'ui';
const HYPOTHESES = 9;
const ROWS = 200;
const CHANGES = 24;
const WARM_UP = 3;
const RATINGS = ['C', 'I', 'N', 'CC', 'II', 'C', 'N'] as const;

interface AchProbe {
  keyAt: number | null;
  cellAt: number;
  scoresAt: number;
  events: { start: number; duration: number; processingEnd: number }[];
  done: Promise<number>;
}

type Call = <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<MethodResult<K>>;
type Place = (p: { briefId: number | null; sourceId: null }) => Promise<void>;

/** The cells changed, (row, hypothesis) from 1: every hypothesis, in the rows of the first screen
 * (the rows render as the pane scrolls; which row changes does not matter to the cost). */
const changed = Array.from({ length: CHANGES + WARM_UP }, (_, i) => ({ row: 1 + ((i * 5) % 8), hypothesis: 1 + (i % HYPOTHESES) }));

async function buildMatrix(call: Call, pool: (n: number, fn: (i: number) => Promise<void>) => Promise<void>, body: string, spans: { start: number; end: number }[]): Promise<number> {
  const { source } = await call('addSource', { title: 'ACH evidence', outlet: 'Bench Wire', body });
  const quoteIds: number[] = new Array<number>(ROWS);
  await pool(ROWS, async (i) => void (quoteIds[i] = (await call('createQuote', { sourceId: source.id, ...spans[i]! })).id));
  const brief = await call('createBrief', { title: `ACH ${HYPOTHESES} × ${ROWS}` });
  let a = await call('createAnalysis', { briefId: brief.id, question: 'Which explanation survives?' });
  for (let h = 0; h < HYPOTHESES; h++) a = await call('addHypothesis', { analysisId: a.id, text: `Hypothesis ${h + 1}: the ${['ministry', 'convoy', 'harbour', 'council', 'engineers', 'river', 'tariff', 'grain', 'ferry'][h]} explains it` });
  // Rows in order, so E1…E200 follow the passages.
  for (const quoteId of quoteIds) a = await call('addEvidenceRow', { analysisId: a.id, quoteId });
  const hypotheses = a.hypotheses.map((h) => h.id);
  const rows = a.rows.map((r) => r.id);
  const toChange = new Set(changed.map((c) => `${c.row}:${c.hypothesis}`));
  await pool(ROWS * HYPOTHESES, async (i) => {
    const r = Math.floor(i / HYPOTHESES);
    const h = i % HYPOTHESES;
    // The cells the bench changes start at C; the others carry a spread of ratings.
    const rating = toChange.has(`${r + 1}:${h + 1}`) ? 'C' : RATINGS[(r * 3 + h * 5) % RATINGS.length]!;
    await call('rateCell', { hypothesisId: hypotheses[h]!, rowId: rows[r]!, rating });
  });
  return brief.id;
}

export async function achMatrixOnScreen(
  ctx: BenchContext,
  browser: Browser,
  app: { url: string; call: Call; place?: Place },
  pool: (n: number, fn: (i: number) => Promise<void>) => Promise<void>,
  body: string,
  spans: { start: number; end: number }[],
): Promise<void> {
  if (spans.length < ROWS) throw new Error(`The ACH bench needs ${ROWS} passages; got ${spans.length}.`);
  process.stderr.write(`ui: building an ACH matrix of ${HYPOTHESES} hypotheses × ${ROWS} evidence rows…\n`);
  const briefId = await buildMatrix(app.call, pool, body, spans);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(app.url);
    await page.evaluate((v) => localStorage.setItem('sourcemark.workspace', JSON.stringify(v)), { briefId, sourceId: null });
    await page.reload();
    await page.getByRole('tab', { name: /^Analysis/ }).click();
    const grid = page.getByRole('grid', { name: 'Evidence against hypotheses' });
    await grid.getByRole('gridcell', { name: `E1 against H${HYPOTHESES}:`, exact: false }).waitFor({ timeout: 60_000 });
    if ((await grid.getAttribute('aria-rowcount')) !== String(ROWS + 1)) throw new Error(`The grid does not hold ${ROWS} evidence rows.`);
    // tsx keeps function names with a __name helper that the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    // In the page: the key press's own time stamp (taken before the app's handler runs), and the
    // browser's Event Timing entries, whose duration runs from that stamp to the next paint after the
    // handlers (8 ms steps; only entries of 16 ms or more are reported).
    await page.evaluate(() => {
      const w = window as unknown as { ach: AchProbe };
      w.ach = { keyAt: null, cellAt: 0, scoresAt: 0, events: [], done: Promise.resolve(0) };
      window.addEventListener('keydown', (e) => void (w.ach.keyAt = e.timeStamp), { capture: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as PerformanceEventTiming[]) if (e.name === 'keydown') w.ach.events.push({ start: e.startTime, duration: e.duration, processingEnd: e.processingEnd });
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    });
    if (process.env.UI_BENCH_TRACE) await browser.startTracing(page, { path: process.env.UI_BENCH_TRACE, categories: ['devtools.timeline', 'blink', 'cc', 'gpu', 'viz'] });
    const cdp = process.env.UI_BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const times: number[] = [];
    const requests: number[] = [];
    for (const [i, c] of changed.entries()) {
      const cell = grid.getByRole('gridcell', { name: new RegExp(`^E${c.row} against H${c.hypothesis}: `) });
      await cell.focus();
      const before = (await cell.textContent())!.trim();
      const key = before === 'C' ? 'i' : 'c';
      const want = before === 'C' ? 'I' : 'C';
      // The watcher is armed before the key goes down, so no update can slip past it.
      await page.evaluate(
        ({ row, hypothesis, want }) => {
          const probe = (window as unknown as { ach: AchProbe }).ach;
          Object.assign(probe, { keyAt: null, cellAt: 0, scoresAt: 0 });
          const cellText = () => document.querySelector(`[role="gridcell"][aria-label^="E${row} against H${hypothesis}: "]`)?.textContent?.trim();
          const header = () => document.querySelectorAll('[role="grid"] thead [role="columnheader"]')[2 + hypothesis]?.querySelector('.hyp-score')?.textContent ?? '';
          const scoreBefore = header();
          performance.clearResourceTimings();
          probe.done = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              const keyAt = probe.keyAt;
              if (keyAt === null || cellText() !== want) return;
              if (!probe.cellAt) probe.cellAt = performance.now() - keyAt;
              if (header() === scoreBefore) return;
              observer.disconnect();
              probe.scoresAt = performance.now() - keyAt;
              // A task queued from the next frame's callback runs after that frame is painted.
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - keyAt)));
            });
            observer.observe(document.querySelector('[role="grid"]')!, { subtree: true, childList: true, characterData: true, attributes: true });
          });
        },
        { ...c, want },
      );
      await page.keyboard.press(key);
      const m = await page.evaluate(async () => {
        const probe = (window as unknown as { ach: AchProbe }).ach;
        const afterPaint = await probe.done;
        const keyAt = probe.keyAt!;
        // Event Timing entries arrive a frame or two after the paint they measure.
        for (let f = 0; f < 6 && !probe.events.some((e) => e.start === keyAt); f++) await new Promise((r) => requestAnimationFrame(r));
        const event = probe.events.find((e) => e.start === keyAt);
        const req = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/rateCell')) as PerformanceResourceTiming | undefined;
        return {
          afterPaint,
          cell: probe.cellAt,
          scores: probe.scoresAt,
          event: event ? { duration: event.duration, handled: event.processingEnd - keyAt } : null,
          request: req ? req.responseEnd - req.startTime : NaN,
          answered: req ? req.responseEnd - keyAt : NaN,
        };
      });
      // When the scores reached the DOM while the key was handled, the event's next paint shows them:
      // Event Timing gives that paint. Otherwise (scores later, or no entry: under 16 ms, or not
      // reported) the probe's own after-paint time counts, which can only be later.
      const ms = m.event && m.scores <= m.event.handled + 0.5 ? m.event.duration : m.afterPaint;
      if (i >= WARM_UP) {
        times.push(ms);
        requests.push(m.request);
      }
      if (process.env.UI_BENCH_VERBOSE) {
        process.stderr.write(
          `ui: ACH change ${i}: ${ms.toFixed(1)} ms; cell in DOM ${m.cell.toFixed(1)}, scores in DOM ${m.scores.toFixed(1)}, event ${m.event ? `${m.event.duration} (handled ${m.event.handled.toFixed(1)})` : '< 16'}, probe after paint ${m.afterPaint.toFixed(1)}, answer ${m.answered.toFixed(1)} (request ${m.request.toFixed(1)})\n`,
        );
      }
    }
    if (process.env.UI_BENCH_TRACE) await browser.stopTracing();
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      (await import('node:fs')).writeFileSync(process.env.UI_BENCH_PROFILE!, JSON.stringify(profile));
    }
    const sorted = [...times].sort((a, b) => a - b);
    if (process.env.UI_BENCH_VERBOSE) process.stderr.write(`ui: ACH cell changes (ms): ${sorted.map((t) => t.toFixed(1)).join(' ')}\n`);
    ctx.emit(line(SUITE, `ach_${HYPOTHESES}x${ROWS}_cell_change_to_paint_p50_ms`, percentile(sorted, 50), 'ms', { atMost: 50 }));
    ctx.emit(line(SUITE, `ach_${HYPOTHESES}x${ROWS}_cell_change_to_paint_p95_ms`, percentile(sorted, 95), 'ms', { atMost: 50 }));
    ctx.emit(line(SUITE, `ach_${HYPOTHESES}x${ROWS}_cell_change_to_paint_max_ms`, sorted[sorted.length - 1]!, 'ms'));
    // The back end's part: the rateCell request from sending to the answer's last byte.
    ctx.emit(line(SUITE, `ach_${HYPOTHESES}x${ROWS}_rate_cell_request_p50_ms`, percentile([...requests].sort((a, b) => a - b), 50), 'ms'));
    ctx.emit(line(SUITE, `ach_${HYPOTHESES}x${ROWS}_cell_changes_measured`, sorted.length, 'changes'));
  } finally {
    await page.close();
  }
}
