// Analysis of Competing Hypotheses (issue 12): a 9 × 200 matrix re-scored after one cell changes,
// both the pure scoring and the whole service call the screen makes (write the cell in a transaction,
// read the analysis back, score it). Goal: at most 50 ms at the 95th percentile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openService } from '../../../main/service/index';
import { scoreAnalysis, type ScoringRow } from '../../../main/tradecraft/ach-score';
import { ACH_RATINGS, type AchRating } from '../../../main/vocabulary';
import { line, nowMs, percentile, type BenchContext } from '../harness';

const SUITE = 'ach';
const HYPOTHESES = 9;
const rating = (r: number, h: number): AchRating => ACH_RATINGS[(r * 7 + h * 3) % ACH_RATINGS.length]!;

export default async function run(ctx: BenchContext): Promise<void> {
  const rows = Math.round(200 * ctx.scale);
  const size = `${HYPOTHESES}x${rows}`;
  const hypotheses = Array.from({ length: HYPOTHESES }, (_, i) => ({ id: i + 1, text: `Hypothesis ${i + 1}` }));
  const matrix: ScoringRow[] = Array.from({ length: rows }, (_, r) => ({
    id: r + 1,
    relevance: (['low', 'medium', 'high'] as const)[r % 3]!,
    credibility: (((r % 6) + 1) as 1 | 2 | 3 | 4 | 5 | 6),
    reliability: null,
    ratings: new Map(hypotheses.map((h) => [h.id, rating(r, h.id)])),
  }));
  const pure: number[] = [];
  for (let k = 0; k < 200; k++) {
    const r = (k * 37) % rows;
    const changed = new Map(matrix[r]!.ratings);
    changed.set((k % HYPOTHESES) + 1, ACH_RATINGS[k % ACH_RATINGS.length]!);
    matrix[r] = { ...matrix[r]!, ratings: changed };
    const t = nowMs();
    scoreAnalysis({ hypotheses, rows: matrix, weighByRelevance: true, weighByCredibility: true });
    pure.push(nowMs() - t);
  }
  pure.sort((a, b) => a - b);
  ctx.emit(line(SUITE, `rescore_${size}_p95_ms`, percentile(pure, 95), 'ms', { atMost: 50 }));
  ctx.emit(line(SUITE, `rescore_${size}_median_ms`, percentile(pure, 50), 'ms'));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-bench-ach-'));
  const running = await openService({
    dataDir: dir,
    mode: 'web',
    version: 'bench',
    pdf: { render: async () => new Uint8Array(), close: async () => {} },
    seedDemo: false,
  });
  try {
    const s = running.service;
    const brief = await s.createBrief({ title: 'Bench analysis', marking: 'UNCLASSIFIED', summary: '' });
    let a = await s.createAnalysis({ briefId: brief.id, question: '' });
    for (const h of hypotheses) a = await s.addHypothesis({ analysisId: a.id, text: h.text });
    for (let r = 0; r < rows; r++) a = await s.addEvidenceRow({ analysisId: a.id, assumption: `Assumption ${r + 1} about the harbour`, relevance: 'medium' });
    for (const row of a.rows) for (const [i, h] of a.hypotheses.entries()) await s.rateCell({ hypothesisId: h.id, rowId: row.id, rating: rating(row.position, i) });
    const times: number[] = [];
    for (let k = 0; k < 100; k++) {
      const row = a.rows[(k * 37) % rows]!;
      const h = a.hypotheses[k % HYPOTHESES]!;
      const t = nowMs();
      await s.rateCell({ hypothesisId: h.id, rowId: row.id, rating: ACH_RATINGS[k % ACH_RATINGS.length]! });
      times.push(nowMs() - t);
    }
    times.sort((x, y) => x - y);
    ctx.emit(line(SUITE, `rate_cell_${size}_service_p95_ms`, percentile(times, 95), 'ms', { atMost: 50 }));
    ctx.emit(line(SUITE, `rate_cell_${size}_service_median_ms`, percentile(times, 50), 'ms'));
  } finally {
    await running.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
