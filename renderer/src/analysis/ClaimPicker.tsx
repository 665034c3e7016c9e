// A select that picks one of the brief's claims to link (a claim resting on an assumption, a claim
// citing the ranking); it returns to its prompt after each pick so the next one can be made.
import type { BriefFull } from '../../../main/contract';
import { clip } from '../ui/format';

export function ClaimPicker({ claims, label, prompt, onPick }: { claims: BriefFull['claims']; label: string; prompt: string; onPick(claimId: number): void }) {
  if (claims.length === 0) return null;
  return (
    <select aria-label={label} value="" onChange={(e) => e.target.value && onPick(Number(e.target.value))}>
      <option value="">{prompt}</option>
      {claims.map((c) => (
        <option key={c.id} value={c.id}>
          Claim {c.number}: {clip(c.text || '(empty)', 70)}
        </option>
      ))}
    </select>
  );
}
