// `npm run soak -- crash [--rounds N] [--seed S]`: runs a soak and prints one JSON line with its figures.
import { runCrashSoak } from './crash';

async function main(argv: string[]): Promise<number> {
  const [suite, ...rest] = argv;
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    const v = i >= 0 ? rest[i + 1] : rest.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
    if (v !== undefined && !/^\d+$/.test(v)) throw new Error(`${name} takes a whole number; got "${v}".`);
    return v === undefined ? undefined : Number(v);
  };
  if (suite !== 'crash') {
    process.stderr.write('Usage: npm run soak -- crash [--rounds N] [--seed S]\n');
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
