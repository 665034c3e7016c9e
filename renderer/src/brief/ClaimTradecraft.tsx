// Under a claim: its evidence strength and what the ICD 203 check finds in it, recomputed from the
// text being typed (never blocking: the notes only inform). Checking one claim's text is a few
// regular-expression passes, cheap enough for every keystroke.
import { useMemo } from 'react';
import type { ClaimInBrief, LikelihoodRow } from '../../../main/contract';
import { checkClaim, checkEvidence } from '../../../main/tradecraft/check';
import { evidenceOf, evidenceText } from '../../../main/tradecraft/evidence';

export function ClaimTradecraft({ claim, draft, row }: { claim: ClaimInBrief; draft: string; row: LikelihoodRow }) {
  const findings = useMemo(
    () => [...checkClaim({ text: draft, likelihood: claim.likelihood, confidence: claim.confidence }, row), ...checkEvidence(claim)],
    [draft, claim, row],
  );
  const evidence = useMemo(() => evidenceOf(claim), [claim]);
  const n = claim.number;
  return (
    <div className="claim-tradecraft">
      <p className={`evidence-strength${evidence.singleSource || evidence.weakOnly || evidence.contradictions.length ? ' weak' : ''}`} aria-label={`Evidence for claim ${n}`}>
        {evidenceText(evidence)}
      </p>
      {findings.length > 0 && (
        <ul className="tradecraft-notes" aria-label={`Tradecraft notes for claim ${n}`}>
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} data-rule={f.rule}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
