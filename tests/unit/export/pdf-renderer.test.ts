// The Playwright PDF renderer keeps one single-process Chromium with one page for every export: two
// exports asked for at once are printed one after the other, each with its own text, and a Chromium
// that died between exports is replaced by the next export instead of failing it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { chromiumExecutable } from '../../../main/platform/chromium';
import { createPlaywrightPdfRenderer } from '../../../main/export/pdf-playwright';
import type { PrintOptions } from '../../../main/ports';

const renderer = createPlaywrightPdfRenderer();
afterAll(() => renderer.close());

const options: PrintOptions = {
  format: 'A4',
  margin: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 },
  headerTemplate: '<span></span>',
  footerTemplate: '<span></span>',
  outline: false,
};

const text = (pdf: Uint8Array) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();

/** Chromium processes started by this test process (the renderer's browser, in one process). */
function ourChromiums(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim().startsWith('chrom')) pids.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return pids;
}

test.skipIf(!chromiumExecutable())('two exports at once each print their own document', { timeout: 120_000 }, async () => {
  const [a, b] = await Promise.all([renderer.render('<p>Alpha brief</p>', options), renderer.render('<p>Bravo brief</p>', options)]);
  expect(text(a)).toContain('Alpha brief');
  expect(text(a)).not.toContain('Bravo');
  expect(text(b)).toContain('Bravo brief');
  // One browser process: no zygote, GPU, utility or renderer processes beside it.
  expect(ourChromiums()).toHaveLength(1);
});

test.skipIf(!chromiumExecutable())('a Chromium that died is replaced by the next export', { timeout: 120_000 }, async () => {
  await renderer.render('<p>First</p>', options);
  const [pid] = ourChromiums();
  expect(pid).toBeDefined();
  process.kill(pid!, 'SIGKILL');
  await expect.poll(() => ourChromiums().includes(pid!), { timeout: 30_000 }).toBe(false);
  expect(text(await renderer.render('<p>After the crash</p>', options))).toContain('After the crash');
});
