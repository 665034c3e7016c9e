// The Admiralty scale for a source's reliability, as the forms offer it.
import type { Reliability } from '../../../main/contract';
import { RELIABILITIES, RELIABILITY_WORDS } from '../../../main/vocabulary';

export const RELIABILITY = Object.fromEntries(RELIABILITIES.map((r) => [r, `${r} — ${RELIABILITY_WORDS[r]}`])) as Record<Reliability, string>;

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
