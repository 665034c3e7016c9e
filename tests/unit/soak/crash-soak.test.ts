// The short crash soak CI runs: 30 kill -9 rounds of a real server under mixed writes. The long run
// is `npm run soak -- crash --rounds 1000`.
import { expect, it } from 'vitest';
import { runCrashSoak } from '../../soak/crash';

it('30 rounds of kill -9 during mixed writes: every acknowledged write survives, integrity_check ok', async () => {
  const report = await runCrashSoak({ rounds: 30, windowMs: 400 });
  console.log(
    `crash soak: ${report.rounds} rounds (seed ${report.seed}), ${report.acknowledged} acknowledged writes, ` +
      `${report.inFlightAtKill} cut off by the kill, ${report.lost.length} lost, ${report.integrityFailures.length} integrity failures, ${report.ms} ms`,
  );
  expect(report.restartFailures).toEqual([]);
  expect(report.lost).toEqual([]);
  expect(report.integrityFailures).toEqual([]);
  expect(report.rounds).toBe(30);
  // The kill really landed during writes: calls were cut off mid-flight, and every round had its
  // acknowledged writes (each waits for at least one, however loaded the machine; 3 briefs come first).
  expect(report.inFlightAtKill).toBeGreaterThan(0);
  expect(report.acknowledged).toBeGreaterThanOrEqual(30 + 3);
}, 900_000);
