// `npm run soak -- crash [--rounds N] [--seed S]` and `npm run soak -- fuzz [--calls N] [--seed S]`: runs a
// soak and prints one JSON line of figures per part.
import { runContractFuzz } from '../fuzz/contract';
import { runCrashSoak } from './crash';

async function main(argv: string[]): Promise<number> {
  const [suite, ...rest] = argv;
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    const v = i >= 0 ? rest[i + 1] : rest.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
    if (v !== undefined && !/^\d+$/.test(v)) throw new Error(`${name} takes a whole number; got "${v}".`);
    return v === undefined ? undefined : Number(v);
  };
  if (suite === 'fuzz') {
    // Half the calls through the service (as IPC dispatches them), half over HTTP.
    const calls = flag('--calls') ?? 10_000;
    const seed = flag('--seed');
    let failed = 0;
    for (const transport of ['service', 'http'] as const) {
      const r = await runContractFuzz({ transport, calls: Math.ceil(calls / 2), seed, log: (l) => process.stderr.write(`${l}\n`) });
      process.stdout.write(`${JSON.stringify({ suite: 'fuzz', ...r, internal: r.internal.length, serverErrors: r.serverErrors.length, transportErrors: r.transportErrors.length, changedOnRefusal: r.changedOnRefusal.length })}\n`);
      for (const line of [...r.internal, ...r.serverErrors, ...r.transportErrors, ...r.changedOnRefusal].slice(0, 30)) process.stderr.write(`${line}\n`);
      failed += r.internal.length + r.serverErrors.length + r.transportErrors.length + r.changedOnRefusal.length;
    }
    return failed ? 1 : 0;
  }
  if (suite !== 'crash') {
    process.stderr.write('Usage: npm run soak -- crash [--rounds N] [--seed S]\n       npm run soak -- fuzz [--calls N] [--seed S]\n');
    return 2;
  }
  // Ctrl+C ends a long run after the current round, with the final check and the figures so far.
  const stop = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('crash soak: stopping after this round…\n');
    stop.abort();
  });
  const report = await runCrashSoak({ rounds: flag('--rounds') ?? 200, seed: flag('--seed'), signal: stop.signal, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${JSON.stringify({ suite: 'crash', ...report, lost: report.lost.length, integrityFailures: report.integrityFailures.length, restartFailures: report.restartFailures.length })}\n`);
  for (const line of [...report.lost, ...report.integrityFailures, ...report.restartFailures].slice(0, 50)) process.stderr.write(`${line}\n`);
  return report.lost.length || report.integrityFailures.length || report.restartFailures.length || report.rounds === 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
