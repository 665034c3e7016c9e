// Part of the import suite (issue 15): how close the imported text is to the article, against plain
// Readability on the same pages in the same run, and what a large encyclopedia-sized page costs.
import { parseFile } from '../../../main/import/parse';
import { parseHtml } from '../../../main/import/html';
import { largePage, pageCorpus } from '../../fixtures/import-pages';
import { bagF1, jsdomDocument, plainReadabilityText } from '../extraction';
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

/**
 * Issue 9: saved pages are read into linkedom's DOM by parse5 (main/import/dom.ts) instead of jsdom.
 * On the corpus and the benchmark's own saved pages, in this thread: how many come out the same
 * (title, text, metadata, warnings) under both, and the CPU time of each, alternating page by page.
 */
export function domComparison(ctx: BenchContext, pages: { name: string; bytes: Uint8Array }[]): void {
  let alike = 0;
  let ours = 0;
  let before = 0;
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  // Both readers warm up first: their first page loads and compiles code that later pages reuse.
  for (const page of pages.slice(0, 5)) {
    parseHtml(page.name, page.bytes);
    parseHtml(page.name, page.bytes, undefined, undefined, jsdomDocument);
  }
  for (const page of pages) {
    let t = cpu();
    const a = parseHtml(page.name, page.bytes);
    ours += cpu() - t;
    t = cpu();
    const b = parseHtml(page.name, page.bytes, undefined, undefined, jsdomDocument);
    before += cpu() - t;
    if (JSON.stringify(a) === JSON.stringify(b)) alike += 1;
    else process.stderr.write(`import: ${page.name} is read differently by jsdom\n`);
  }
  ctx.emit(line(SUITE, 'html_pages_compared_with_jsdom', pages.length, 'pages'));
  ctx.emit(line(SUITE, 'html_pages_read_alike_by_jsdom', alike / pages.length, 'share', { atLeast: 1 }));
  ctx.emit(line(SUITE, 'html_parse_cpu_ms_per_page', ours / pages.length, 'ms'));
  ctx.emit(line(SUITE, 'html_parse_cpu_ms_per_page_jsdom', before / pages.length, 'ms'));
  ctx.emit(line(SUITE, 'html_parse_cpu_vs_jsdom', ours / before, 'x', { atMost: 1 }));
}
