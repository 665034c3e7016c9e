// The Admiralty scale for a source's reliability, as the forms offer it.
import type { Reliability } from '../../../main/contract';

export const RELIABILITY: Record<Reliability, string> = {
  A: 'A — completely reliable',
  B: 'B — usually reliable',
  C: 'C — fairly reliable',
  D: 'D — not usually reliable',
  E: 'E — unreliable',
  F: 'F — cannot be judged',
};

/** The options of a reliability <select>, "Not rated" first. */
export function ReliabilityOptions() {
  return (
    <>
      <option value="">Not rated</option>
      {Object.entries(RELIABILITY).map(([k, label]) => (
        <option key={k} value={k}>
          {label}
        </option>
      ))}
    </>
  );
}
