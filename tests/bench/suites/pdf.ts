// The pdf suite (issues 4 and 9): PDF export of 50 and 500 claims against a plain print of the same
// text, with the peak memory of Node and Chromium together. The measured process runs from a bundle
// under plain Node, as the app's server does (see built-child.ts and pdf-export.ts).
import path from 'node:path';
import { bundleChild, runChildLines } from '../built-child';
import type { BenchContext } from '../harness';

export default async function pdf(ctx: BenchContext): Promise<void> {
  const child = await bundleChild('pdf-child', ctx.tmpDir);
  await runChildLines(child, [path.join(ctx.tmpDir, 'export'), String(ctx.scale), ...ctx.args], ctx.emit);
}
