// Ways evidence enters the matrix: a passage from the quote bank (the picker), the passage open in the
// reader or the reader's selection (quoted first), every passage a claim cites, or an assumption
// written as text.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Analysis, BriefFull } from '../../../main/contract';
import { client } from '../api/client';
import { useQuoting } from '../reader/quoting';
import { QuotePicker } from '../brief/QuotePicker';
import { useGuarded } from '../state/errors';
import { useWorkspace } from '../state/workspace';
import { clip } from '../ui/format';
import { changeAnalysis } from './analysisData';

export function EvidenceAdder({ analysis: a, brief }: { analysis: Analysis; brief: BriefFull }) {
  const qc = useQueryClient();
  const run = useGuarded();
  const ws = useWorkspace();
  const { quote } = useQuoting();
  const [picking, setPicking] = useState(false);
  const [claimId, setClaimId] = useState<number | ''>('');
  const [assumption, setAssumption] = useState('');
  const change = (call: () => Promise<Analysis>) => run(() => changeAnalysis(qc, a.briefId, call));
  const addQuote = (quoteId: number) => change(() => client.addEvidenceRow({ analysisId: a.id, quoteId }));
  const activeIsRow = ws.activeQuoteId !== null && a.rows.some((r) => r.quoteId === ws.activeQuoteId);

  return (
    <section className="evidence-adder" aria-label="Add evidence">
      <div className="adder-buttons">
        <button type="button" className="small" onClick={() => setPicking(true)}>
          Add passage from the quote bank…
        </button>
        {ws.selection ? (
          <button
            type="button"
            className="small"
            onClick={() => {
              const sel = ws.selection;
              if (sel) void run(async () => addQuote((await quote(sel)).id));
            }}
          >
            Quote the reader selection as evidence
          </button>
        ) : (
          <button type="button" className="small" disabled={ws.activeQuoteId === null || activeIsRow} onClick={() => ws.activeQuoteId !== null && void addQuote(ws.activeQuoteId)}>
            {activeIsRow ? 'Open passage is already evidence' : 'Add the passage open in the reader'}
          </button>
        )}
      </div>
      <div className="adder-row">
        <select aria-label="Claim whose citations to add" value={claimId} onChange={(e) => setClaimId(e.target.value ? Number(e.target.value) : '')}>
          <option value="">A claim’s citations…</option>
          {brief.claims
            .filter((c) => c.citations.length > 0)
            .map((c) => (
              <option key={c.id} value={c.id}>
                Claim {c.number}: {clip(c.text || '(empty)', 60)} ({c.citations.length})
              </option>
            ))}
        </select>
        <button type="button" className="small" disabled={claimId === ''} onClick={() => claimId !== '' && void change(() => client.addEvidenceFromClaim({ analysisId: a.id, claimId })).then(() => setClaimId(''))}>
          Add its passages
        </button>
      </div>
      <form
        className="adder-row"
        onSubmit={(e) => {
          e.preventDefault();
          const text = assumption.trim();
          if (text) void change(() => client.addEvidenceRow({ analysisId: a.id, assumption: text })).then(() => setAssumption(''));
        }}
      >
        <input aria-label="Assumption as evidence" placeholder="An assumption the analysis uses as evidence" value={assumption} onChange={(e) => setAssumption(e.target.value)} dir="auto" />
        <button type="submit" className="small" disabled={!assumption.trim()}>
          Add assumption row
        </button>
      </form>
      {picking && (
        <QuotePicker
          open
          title="Add a passage to the analysis"
          action="adds it as evidence"
          onClose={() => setPicking(false)}
          onPick={(quoteId) => {
            setPicking(false);
            void addQuote(quoteId);
          }}
        />
      )}
    </section>
  );
}
