// What every benchmark suite shares: the line format, the context a suite runs in, and timing helpers.
import os from 'node:os';
// One JSON object per metric per line, so results can be compared across runs with plain tools.

export interface BenchLine {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  /** The target as written in the issue, e.g. "<= 20 ms"; null when a metric is only reported. */
  goal: string | null;
  ok: boolean | null;
}

export interface BenchContext {
  /** Multiplies the suite's default sizes; fractions (0.1) make quick runs. */
  scale: number;
  /** Arguments after the suite name that the runner did not consume. */
  args: string[];
  emit(line: BenchLine): void;
  /** A fresh folder for this run's files, removed afterwards. */
  tmpDir: string;
}

export type Suite = (ctx: BenchContext) => Promise<void>;

export type Goal = { atMost: number } | { atLeast: number };

/** A line with its goal checked. Values are rounded to 3 decimals for reading. */
export function line(suite: string, metric: string, value: number, unit: string, goal?: Goal): BenchLine {
  const v = Math.round(value * 1000) / 1000;
  if (!goal) return { suite, metric, value: v, unit, goal: null, ok: null };
  if ('atMost' in goal) return { suite, metric, value: v, unit, goal: `<= ${goal.atMost} ${unit}`, ok: value <= goal.atMost };
  return { suite, metric, value: v, unit, goal: `>= ${goal.atLeast} ${unit}`, ok: value >= goal.atLeast };
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs fn once per item and returns each call's duration in ms, sorted. */
export async function timeEach<T>(items: readonly T[], fn: (item: T) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (const item of items) {
    const t = nowMs();
    await fn(item);
    out.push(nowMs() - t);
  }
  return out.sort((a, b) => a - b);
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A small seeded PRNG (mulberry32), so generated data is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Latencies<T> {
  /** Each call's time in the first pass, sorted. */
  firstPass: number[];
  /** Each item's fastest time over all passes, sorted: what the code costs when the machine is not busy elsewhere. */
  best: number[];
  /** Each item's least CPU time (user + system) over all passes, sorted: unaffected by waiting for a core. */
  cpu: number[];
  /** Items by their fastest time, slowest first. */
  slowest: { item: T; ms: number }[];
}

/** Times fn on every item, `passes` times over, to separate the code's cost from a busy machine's noise. */
export async function latencies<T>(items: readonly T[], fn: (item: T) => unknown, passes = 3): Promise<Latencies<T>> {
  const best = items.map(() => Infinity);
  const cpu = items.map(() => Infinity);
  let firstPass: number[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    const times: number[] = [];
    for (const [i, item] of items.entries()) {
      const c = process.cpuUsage();
      const t = nowMs();
      await fn(item);
      const ms = nowMs() - t;
      const used = process.cpuUsage(c);
      times.push(ms);
      best[i] = Math.min(best[i]!, ms);
      cpu[i] = Math.min(cpu[i]!, (used.user + used.system) / 1000);
    }
    if (pass === 0) firstPass = times.sort((a, b) => a - b);
  }
  const slowest = items.map((item, i) => ({ item, ms: best[i]! })).sort((a, b) => b.ms - a.ms);
  return { firstPass, best: [...best].sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b), slowest };
}

/** The machine's 1-minute load average: a busy machine makes every latency worse. */
export function loadAverage(): number {
  return os.loadavg()[0]!;
}

/**
 * Runs a bench script's main function and exits 1 with its stack if it throws. A script bundled to
 * CommonJS (see built-child.ts) has no top-level await, so every entry point starts this way.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
