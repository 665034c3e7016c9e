// The tradecraft check (issue 11) on a 2,000-claim brief: the whole brief checked once, then again
// after each keystroke in one claim (the renderer's cache replaces only that claim's object).
import { createBriefChecker } from '../../../main/tradecraft/check';
import { briefFull, sourceMeta } from '../../unit/export/brief-fixtures';
import { line, nowMs, percentile, type BenchContext } from '../harness';

const SUITE = 'tradecraft';
const WORDS = ['The port will likely reopen in March', 'Officials might delay the vote', 'We assess with high confidence that talks are probable', 'Traffic fell by 3.5 per cent'];

export default async function run(ctx: BenchContext): Promise<void> {
  const n = Math.round(2000 * ctx.scale);
  const sources = Array.from({ length: 20 }, (_, i) => sourceMeta(i + 1));
  const brief = briefFull('Bench', Array.from({ length: n }, (_, i) => ({
    text: `${WORDS[i % WORDS.length]!}. Claim ${i} adds detail about the harbour and its traffic over the last weeks.`,
    likelihood: i % 3 === 0 ? ('likely' as const) : null,
    confidence: i % 2 === 0 ? ('moderate' as const) : ('high' as const),
    cites: [{ source: sources[i % 20]!, exact: 'x' }],
  })));
  const check = createBriefChecker();
  let t = nowMs();
  check(brief);
  ctx.emit(line(SUITE, `check_${n}_claims_cold_ms`, nowMs() - t, 'ms'));
  const times: number[] = [];
  let current = brief;
  for (let k = 0; k < 200; k++) {
    const i = (k * 37) % n;
    const claims = current.claims.slice();
    claims[i] = { ...claims[i]!, text: `${claims[i]!.text}x` };
    current = { ...current, claims };
    t = nowMs();
    check(current);
    times.push(nowMs() - t);
  }
  times.sort((a, b) => a - b);
  ctx.emit(line(SUITE, `check_${n}_claims_after_keystroke_p95_ms`, percentile(times, 95), 'ms', { atMost: 5 }));
  ctx.emit(line(SUITE, `check_${n}_claims_after_keystroke_median_ms`, percentile(times, 50), 'ms'));
}
