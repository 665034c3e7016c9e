// Part of the import suite (issue 15): how close the imported text is to the article, against plain
// Readability on the same pages in the same run, and what a large encyclopedia-sized page costs.
import { parseFile } from '../../../main/import/parse';
import { largePage, pageCorpus } from '../../fixtures/import-pages';
import { bagF1, plainReadabilityText } from '../extraction';
import { latencies, line, type BenchContext } from '../harness';

const SUITE = 'import';

export async function fidelity(ctx: BenchContext): Promise<void> {
  const corpus = pageCorpus();
  let ours = 0;
  let theirs = 0;
  for (const page of corpus) {
    const expected = page.expected.join('\n\n');
    const parsed = await parseFile({ name: page.name, bytes: page.bytes }).catch(() => null);
    const a = parsed ? bagF1(parsed.body, expected) : 0;
    const b = bagF1(plainReadabilityText(page.bytes), expected);
    if (a < b) process.stderr.write(`import: ${page.name}: Sourcemark F1 ${a.toFixed(3)} < Readability ${b.toFixed(3)}\n`);
    ours += a;
    theirs += b;
  }
  ctx.emit(line(SUITE, 'html_text_f1_sourcemark', ours / corpus.length, 'F1'));
  ctx.emit(line(SUITE, 'html_text_f1_readability', theirs / corpus.length, 'F1'));
  ctx.emit(line(SUITE, 'html_text_f1_vs_readability', ours / theirs, 'ratio', { atLeast: 1 }));

  // An encyclopedia-sized page (~2 MB): parsed in this thread, best of three, so a busy machine counts less.
  const large = largePage(Math.max(40, Math.round(400 * Math.min(1, ctx.scale))));
  const times = await latencies([large], (p) => parseFile({ name: p.name, bytes: p.bytes }), 3);
  ctx.emit(line(SUITE, 'html_large_page_mb', large.bytes.length / 1024 / 1024, 'MB'));
  ctx.emit(line(SUITE, 'html_large_page_ms', times.best[0]!, 'ms'));
  ctx.emit(line(SUITE, 'html_large_page_cpu_ms', times.cpu[0]!, 'ms'));
}
