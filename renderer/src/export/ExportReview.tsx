// What the export check found that a reviewer of finished intelligence would point out: claims that
// cite nothing, the ICD 203 tradecraft notes, ICD 206 endnote gaps, gaps in the product template.
// The analyst reads them in plain words and goes back, or exports anyway.
import type { ExportCheck } from '../../../main/contract/export';

const PART_LABEL: Record<ExportCheck['proseTradecraft'][number]['part'], string> = { 'bottom-line': 'Bottom line', 'source-summary': 'Source summary' };

export function ExportReview({ check }: { check: ExportCheck }) {
  return (
    <>
      <p>Before it leaves Sourcemark, a reviewer would point out the following. Go back to fix them, or export anyway.</p>
      {check.uncitedClaims.length > 0 && (
        <section className="export-review">
          <h3>{check.uncitedClaims.length === 1 ? 'This claim cites no passage' : `These ${check.uncitedClaims.length} claims cite no passage`}</h3>
          <p className="export-hint">A reader will see {check.uncitedClaims.length === 1 ? 'it' : 'them'} marked “cites no passage”.</p>
          <ul className="export-list" aria-label="Claims without citations">
            {check.uncitedClaims.map((c) => (
              <li key={c.claimId}>
                <b>{c.number}.</b> <bdi>{c.text || '(empty claim)'}</bdi>
              </li>
            ))}
          </ul>
        </section>
      )}
      {check.tradecraft.length + check.proseTradecraft.length > 0 && (
        <section className="export-review">
          <h3>Likelihood, confidence and sourcing (ICD 203)</h3>
          <ul className="export-list" aria-label="Tradecraft notes">
            {check.proseTradecraft.map((t, i) => (
              <li key={`${t.part}-${t.rule}-${i}`}>
                <b>{PART_LABEL[t.part]}:</b> {t.message}
              </li>
            ))}
            {check.tradecraft.map((t, i) => (
              <li key={`${t.claimId}-${t.rule}-${i}`}>
                <b>Claim {t.claimNumber}:</b> {t.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {check.assumptions.length > 0 && (
        <section className="export-review">
          <h3>Claims resting on an unsupported assumption</h3>
          <ul className="export-list" aria-label="Claims on unsupported assumptions">
            {check.assumptions.map((f) => (
              <li key={`${f.claimId}-${f.assumptionId}`}>
                <b>Claim {f.claimNumber}</b> <bdi>{f.message}</bdi>
              </li>
            ))}
          </ul>
        </section>
      )}
      {check.endnoteGaps.length > 0 && (
        <section className="export-review">
          <h3>Endnotes missing fields (ICD 206)</h3>
          <ul className="export-list" aria-label="Endnote gaps">
            {check.endnoteGaps.map((g) => (
              <li key={g.sourceId}>
                <bdi>{g.message}</bdi>
              </li>
            ))}
          </ul>
        </section>
      )}
      {check.product.length > 0 && (
        <section className="export-review">
          <h3>Product template</h3>
          <ul className="export-list" aria-label="Product template gaps">
            {check.product.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
