// Under a claim: its evidence strength and what the ICD 203 check finds in it, recomputed from the
// text being typed (never blocking: the notes only inform). Checking one claim's text is a few
// regular-expression passes, cheap enough for every keystroke.
import { useMemo } from 'react';
import type { ClaimInBrief, LikelihoodRow } from '../../../main/contract';
import { checkClaim, checkEvidence, checkProse } from '../../../main/tradecraft/check';
import { evidenceOf, evidenceText, type CitedEvidence } from '../../../main/tradecraft/evidence';

/** "2 independent sources", shown at the end of the claim's citation tags. */
export function EvidenceStrength({ claim, cited }: { claim: ClaimInBrief; cited: CitedEvidence }) {
  const evidence = useMemo(() => evidenceOf(claim, cited), [claim, cited]);
  if (claim.citations.length === 0) return null;
  const weak = evidence.singleSource || evidence.weakOnly || evidence.contradictions.length > 0;
  return (
    <span className={`evidence-strength${weak ? ' weak' : ''}`} aria-label={`Evidence for claim ${claim.number}`}>
      {evidenceText(evidence)}
    </span>
  );
}

export function TradecraftNotes({ claim, cited, draft, row }: { claim: ClaimInBrief; cited: CitedEvidence; draft: string; row: LikelihoodRow }) {
  const findings = useMemo(
    () => [...checkClaim({ text: draft, likelihood: claim.likelihood, confidence: claim.confidence }, row), ...checkEvidence(claim, cited)],
    [draft, claim, cited, row],
  );
  if (findings.length === 0) return null;
  return (
    <ul className="tradecraft-notes" aria-label={`Tradecraft notes for claim ${claim.number}`}>
      {findings.map((f, i) => (
        <li key={`${f.rule}-${i}`} data-rule={f.rule}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

/** The same words checked under the bottom line and the source summary statement, as they are typed. */
export function ProseTradecraftNotes({ text, row, label }: { text: string; row: LikelihoodRow; label: string }) {
  const findings = useMemo(() => checkProse(text, row), [text, row]);
  if (findings.length === 0) return null;
  return (
    <ul className="tradecraft-notes" aria-label={`Tradecraft notes for the ${label}`}>
      {findings.map((f, i) => (
        <li key={`${f.rule}-${i}`} data-rule={f.rule}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}
