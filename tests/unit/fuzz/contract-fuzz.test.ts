// Property-based fuzzing of every contract method (tests/fuzz/): generated valid-ish and hostile calls
// through the service and over HTTP. No INTERNAL error, no 5xx, and a refused call changes nothing.
// The long run is `npm run soak -- fuzz --calls 20000` (10,000 calls each way).
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../main/contract';
import { runContractFuzz } from '../../fuzz/contract';

describe.each([
  ['service', 1200],
  ['http', 800],
] as const)('fuzzing the contract through %s', (transport, calls) => {
  it(`${calls} generated calls: 0 INTERNAL, 0 5xx, refusals change nothing`, async () => {
    const report = await runContractFuzz({ transport, calls });
    console.log(
      `fuzz ${transport}: ${report.calls} calls (seed ${report.seed}) over ${report.methodsCalled} methods, ${report.ok} ok, ${report.refused} refused ` +
        `${JSON.stringify(report.codes)}, ${report.internal.length} INTERNAL, ${report.serverErrors.length} 5xx, ${report.transportErrors.length} unanswered, ${report.changedOnRefusal.length} changed on refusal, ${report.ms} ms`,
    );
    expect(report.internal).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.transportErrors).toEqual([]);
    expect(report.changedOnRefusal).toEqual([]);
    // The run reached every method, and did real work as well as refusals.
    expect(report.methodsCalled).toBe(methodNames.length);
    expect(report.ok).toBeGreaterThan(calls / 20);
  }, 600_000);
});
