// A brief beside another — usually the version of it that came back in a bundle — claim by claim:
// added, removed and changed claims (text, likelihood, confidence, citations) marked as such.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { MethodResult } from '../../../main/contract';
import { CONFIDENCE_WORDS, LIKELIHOOD_PERCENT, LIKELIHOOD_ROW_WORDS, LIKELIHOOD_TERMS, RELATION_WORDS, type Confidence, type Likelihood, type LikelihoodRow, type Relation } from '../../../main/vocabulary';
import { client } from '../api/client';
import { Dialog } from '../ui/Dialog';

type Comparison = MethodResult<'compareBriefs'>;
const RELATION_LABELS: Record<MethodResult<'relatedBriefs'>[number]['relation'], string> = { 'made-from': 'Made from: ', version: 'Version: ', related: 'Same line: ' };
type Row = Comparison['rows'][number];
type Side = NonNullable<Row['left']>;

const STATUS_WORDS: Record<Row['status'], string> = { same: 'Unchanged', changed: 'Changed', added: 'Added', removed: 'Removed' };
const FIELD_WORDS: Record<Comparison['fields'][number]['field'], string> = { summary: 'Bottom line', marking: 'Marking', likelihoodRow: 'Probability wording' };
/** A brief-level value as the analyst reads it: the probability row by its words. */
const fieldValue = (field: Comparison['fields'][number]['field'], value: string) =>
  field === 'likelihoodRow' ? LIKELIHOOD_ROW_WORDS[value as LikelihoodRow] : value;
const CHANGE_WORDS: Record<Row['changes'][number], string> = { text: 'text', confidence: 'confidence', likelihood: 'likelihood', citations: 'citations' };

export function CompareDialog({ briefId, initialOther, onClose }: { briefId: number; initialOther: number | null; onClose(): void }) {
  const related = useQuery({ queryKey: ['brief', 'related', briefId], queryFn: () => client.relatedBriefs({ briefId }) });
  const [other, setOther] = useState<number | null>(initialOther);
  const otherId = other ?? related.data?.[0]?.id ?? null;
  const cmp = useQuery({
    queryKey: ['brief', 'compare', briefId, otherId],
    queryFn: () => client.compareBriefs({ briefId, otherId: otherId! }),
    enabled: otherId !== null,
  });
  const [changedOnly, setChangedOnly] = useState(false);
  return (
    <Dialog title="Compare versions" open onClose={onClose} className="compare-dialog">
      <div className="dialog-body">
        {related.data && related.data.length === 0 && initialOther === null && (
          <p className="empty-note">This brief has no original or imported version to compare with.</p>
        )}
        {related.data && related.data.length > 0 && (
          <label className="compare-pick">
            Compare with{' '}
            <select value={otherId ?? ''} onChange={(e) => setOther(Number(e.target.value))}>
              {related.data.map((b) => (
                <option key={b.id} value={b.id}>
                  {RELATION_LABELS[b.relation]}
                  {b.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {cmp.error && (
          <p role="alert" className="share-error">
            {cmp.error.message}
          </p>
        )}
        {cmp.data && (
          <>
            <p role="status" className="compare-counts">
              {cmp.data.counts.changed} changed, {cmp.data.counts.added} added, {cmp.data.counts.removed} removed, {cmp.data.counts.same} unchanged
            </p>
            <label className="compare-filter">
              <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} /> Show only differences
            </label>
            <ComparisonTable cmp={cmp.data} changedOnly={changedOnly} />
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

export function ComparisonTable({ cmp, changedOnly }: { cmp: Comparison; changedOnly: boolean }) {
  return (
    <table className="compare-table" aria-label="Claims side by side">
      <thead>
        <tr>
          <th scope="col">
            <bdi>{cmp.left.title}</bdi>
          </th>
          <th scope="col">
            <bdi>{cmp.right.title}</bdi>
          </th>
        </tr>
      </thead>
      <tbody>
        {cmp.fields.map((f) => (
          <tr key={f.field} className="changed" aria-label={`${FIELD_WORDS[f.field]} changed`}>
            <td>
              <span className="compare-status">{FIELD_WORDS[f.field]}</span>
              <bdi>{fieldValue(f.field, f.left) || '—'}</bdi>
            </td>
            <td>
              <bdi>{fieldValue(f.field, f.right) || '—'}</bdi>
            </td>
          </tr>
        ))}
        {cmp.rows
          .filter((r) => !changedOnly || r.status !== 'same')
          .map((r, i) => (
            <tr key={i} className={r.status} aria-label={rowLabel(r)}>
              <td>{r.left ? <ClaimCell claim={r.left} row={r} side="left" wording={cmp.left.likelihoodRow} /> : <span className="compare-gap">not in this brief</span>}</td>
              <td>{r.right ? <ClaimCell claim={r.right} row={r} side="right" wording={cmp.right.likelihoodRow} /> : <span className="compare-gap">not in this brief</span>}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

function rowLabel(r: Row): string {
  const n = r.right ? `claim ${r.right.number}` : `claim ${r.left!.number}`;
  return r.status === 'changed' ? `Changed ${n}: ${r.changes.map((c) => CHANGE_WORDS[c]).join(', ')}` : `${STATUS_WORDS[r.status]} ${n}`;
}

/** One side's claim; its likelihood in the words of that side's brief (the row its analyst chose). */
function ClaimCell({ claim, row, side, wording }: { claim: Side; row: Row; side: 'left' | 'right'; wording: LikelihoodRow }) {
  const changed = new Set(row.changes);
  const gone = new Set((side === 'left' ? row.citationsRemoved : row.citationsAdded).map((c) => c.key));
  const relation = new Map(row.relationsChanged.map((c) => [c.citation.key, c.was]));
  return (
    <div className="compare-claim">
      <span className="compare-status">
        {claim.number}. {STATUS_WORDS[row.status]}
        {row.status === 'changed' && side === 'right' && `: ${row.changes.map((c) => CHANGE_WORDS[c]).join(', ')}`}
      </span>
      <p className={changed.has('text') ? 'diff' : ''} dir="auto">
        {claim.text || <em>(no text)</em>}
      </p>
      <p className="compare-judgment">
        <span className={changed.has('likelihood') ? 'diff' : ''}>{claim.likelihood ? `${LIKELIHOOD_TERMS[wording][claim.likelihood as Likelihood]} (${LIKELIHOOD_PERCENT[claim.likelihood as Likelihood]})` : 'no likelihood'}</span>
        {' · '}
        <span className={changed.has('confidence') ? 'diff' : ''}>{claim.confidence ? CONFIDENCE_WORDS[claim.confidence as Confidence] : 'no confidence'}</span>
      </p>
      {claim.citations.length > 0 && (
        <ul className="compare-citations">
          {claim.citations.map((c) => (
            <li key={c.key} className={gone.has(c.key) ? (side === 'left' ? 'removed' : 'added') : relation.has(c.key) ? 'diff' : ''}>
              {gone.has(c.key) && <span className="compare-mark">{side === 'left' ? 'removed: ' : 'added: '}</span>}
              {RELATION_WORDS[c.relation as Relation]} — “<bdi>{c.exact.length > 90 ? `${c.exact.slice(0, 87)}…` : c.exact}</bdi>” (<bdi>{c.sourceTitle}</bdi>)
              {side === 'right' && relation.has(c.key) && ` (was ${RELATION_WORDS[relation.get(c.key) as Relation]})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
