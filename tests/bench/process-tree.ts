// Resident memory and CPU time of this process and every process it started (workers are threads
// and count in this process; Chromium's processes are children), sampled from /proc while work runs.
import fs from 'node:fs';
import { nowMs } from './harness';

const TICK_MS = 10; // Linux USER_HZ is 100 on every platform Node runs on

type ProcessStats = Map<number, { rssMb: number; cpuMs: number }>;

/**
 * Resident size (MB) and CPU time (ms, user + system) of this process and its descendants, per
 * process, from /proc; null where /proc cannot be read. CPU time does not grow while a process waits
 * for a core, so on a loaded machine it compares two runs more fairly than the wall clock.
 */
export function treeStats(): ProcessStats | null {
  try {
    const parents = new Map<number, number>();
    const stats: ProcessStats = new Map();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Fields after the command name, starting at field 3 (state): ppid is 4, utime and stime 14-15, rss 24.
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
        parents.set(Number(entry), f[1]!);
        stats.set(Number(entry), { rssMb: (f[21]! * 4096) / 1024 / 1024, cpuMs: (f[11]! + f[12]!) * TICK_MS });
      } catch {
        // The process ended while we looked.
      }
    }
    const tree: ProcessStats = new Map();
    for (const [pid, st] of stats) {
      for (let p: number | undefined = pid; p && p > 1; p = parents.get(p)) {
        if (p === process.pid) {
          tree.set(pid, st);
          break;
        }
      }
    }
    return tree;
  } catch {
    return null;
  }
}

export interface Peak<T> {
  value: T;
  ms: number;
  /** CPU time of the tree while fn ran, ms. */
  cpuMs: number;
  /** The largest sum of the tree's resident sizes seen, MB. */
  peakMb: number;
  /** The tree's resident size when fn started, MB. */
  startMb: number;
  /** At the peak: each process's resident size, by what it is ("node", "chromium renderer"…). */
  peakBy: { what: string; rssMb: number }[];
}

/** What a process is: its command name, and Chromium's --type for a Chromium child. */
function describe(pid: number): string {
  try {
    const name = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    // Chromium rewrites its children's argv into one string; the type is still in it.
    const type = /--type=([\w-]+)/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
    const utility = type === 'utility' ? /--utility-sub-type=[\w.]*?(\w+)\b/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] : undefined;
    return [name, type, utility].filter(Boolean).join(' ');
  } catch {
    return '?';
  }
}

/**
 * Peak resident size and CPU time of the process tree while fn runs. CPU is counted per process, from
 * samples every 25 ms, rather than as a before/after total that includes reaped children: Chromium's
 * zygote reaps an exited renderer when it gets round to it, so that renderer's time could land in
 * whichever measurement runs next.
 */
export async function withPeak<T>(fn: () => Promise<T>): Promise<Peak<T>> {
  const start = treeStats();
  const startCpu = process.cpuUsage();
  const seen = new Map<number, number>();
  let peak = 0;
  let startMb = 0;
  let peakBy: Peak<T>['peakBy'] = [];
  const sample = () => {
    const now = treeStats();
    if (!now) return 0;
    let rss = 0;
    for (const [pid, st] of now) {
      rss += st.rssMb;
      seen.set(pid, Math.max(seen.get(pid) ?? 0, st.cpuMs));
    }
    if (rss > peak) {
      peak = rss;
      peakBy = [...now].map(([pid, st]) => ({ what: describe(pid), rssMb: Math.round(st.rssMb) })).sort((a, b) => b.rssMb - a.rssMb);
    }
    return rss;
  };
  startMb = sample();
  const timer = setInterval(sample, 25);
  const t = nowMs();
  try {
    const value = await fn();
    const ms = nowMs() - t;
    sample();
    let cpuMs = 0;
    if (start) {
      for (const [pid, cpu] of seen) cpuMs += cpu - (start.get(pid)?.cpuMs ?? 0);
    } else {
      const u = process.cpuUsage(startCpu);
      cpuMs = (u.user + u.system) / 1000;
      peak = process.memoryUsage().rss / 1024 / 1024;
      startMb = peak;
    }
    return { value, ms, cpuMs, peakMb: peak, startMb, peakBy };
  } finally {
    clearInterval(timer);
  }
}
