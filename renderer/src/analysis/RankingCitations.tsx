// A claim may rest on the analysis itself: it cites the ranking of the hypotheses, and the export
// prints that ranking under the claim, with the matrix in the annex.
import { useQueryClient } from '@tanstack/react-query';
import type { Analysis, BriefFull } from '../../../main/contract';
import { client } from '../api/client';
import { useGuarded } from '../state/errors';
import { changeAnalysis } from '../mutations/analysis';
import { ClaimPicker } from './ClaimPicker';

export function RankingCitations({ analysis: a, brief }: { analysis: Analysis; brief: BriefFull }) {
  const qc = useQueryClient();
  const run = useGuarded();
  const cite = (claimId: number, cites: boolean) => void run(() => changeAnalysis(qc, a.briefId, () => client.citeAnalysis({ analysisId: a.id, claimId, cites })));
  const citing = brief.claims.filter((c) => a.citedBy.includes(c.id));
  const others = brief.claims.filter((c) => !a.citedBy.includes(c.id));
  return (
    <div className="kac-claims" role="group" aria-label="Claims citing the ranking">
      <span className="kac-claims-label">Ranking cited by:</span>
      {citing.length === 0 && <span className="none">no claim yet</span>}
      {citing.map((c) => (
        <span key={c.id} className="tag-chip">
          Claim {c.number}
          <button type="button" className="chip-remove" aria-label={`Claim ${c.number} no longer cites the ranking`} onClick={() => cite(c.id, false)}>
            ×
          </button>
        </span>
      ))}
      <ClaimPicker claims={others} label="Cite the ranking in a claim" prompt="Cite in a claim…" onPick={(id) => cite(id, true)} />
    </div>
  );
}
