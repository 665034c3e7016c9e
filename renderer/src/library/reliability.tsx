// The Admiralty scale for a source's reliability, as the forms offer it.
import { RELIABILITIES, reliabilityLabel } from '../../../main/vocabulary';

/** The options of a reliability <select>, "Not rated" first. */
export function ReliabilityOptions() {
  return (
    <>
      <option value="">Not rated</option>
      {RELIABILITIES.map((r) => (
        <option key={r} value={r}>
          {reliabilityLabel(r)}
        </option>
      ))}
    </>
  );
}
