// Part of the ui suite (issue 9): cold start of browser mode on the demo library. The clock starts
// when the server process is spawned (the same bundle as `npm run web`) and stops when the workspace
// is interactive in Chromium: the library lists its sources and the demo brief's first claim shows its
// citation buttons. The baseline, in the same run, is reloading that page once the server is up: what
// the browser's part costs when nothing has to start.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, removeServerBundle, serverBundle, type ServerProcess } from '../support/server-process';
import { line, nowMs, type BenchContext } from './harness';

const SUITE = 'ui';
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function interactive(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Library' }).getByRole('list', { name: 'Sources' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
  await page.locator('[aria-label="Citations of claim 1"] button').first().waitFor({ timeout: 60_000 });
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

export async function coldStart(ctx: BenchContext, browser: Browser): Promise<void> {
  const dataDir = path.join(ctx.tmpDir, 'cold-start');
  fs.mkdirSync(dataDir, { recursive: true });
  // Bundled before the clock runs: `npm run web` starts from an already built bundle.
  await serverBundle();
  try {
    // The first run writes the demo library; the cold starts measured below open it as it is.
    const first = await spawnServer({ dataDir });
    await stop(first);

    const cold: number[] = [];
    const ready: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const t0 = nowMs();
      const server = await spawnServer({ dataDir });
      try {
        ready.push(nowMs() - t0);
        await page.goto(`${server.baseURL}/#token=${server.token}`);
        await interactive(page);
        cold.push(nowMs() - t0);
        const t1 = nowMs();
        await page.reload();
        await interactive(page);
        warm.push(nowMs() - t1);
      } finally {
        await page.close();
        await stop(server);
      }
    }
    const coldMs = median(cold);
    ctx.emit(line(SUITE, 'cold_start_server_ready_ms', median(ready), 'ms'));
    ctx.emit(line(SUITE, 'cold_start_to_interactive_workspace_ms', coldMs, 'ms', { atMost: 1500 }));
    ctx.emit(line(SUITE, 'reload_interactive_workspace_ms', median(warm), 'ms'));
    ctx.emit(line(SUITE, 'cold_start_vs_reload', coldMs / median(warm), 'x'));
  } finally {
    removeServerBundle();
  }
}
