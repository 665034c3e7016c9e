// The competing hypotheses (2–9), each editable in place; Heuer's advice to consider deception or
// denial is shown while no hypothesis does.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Analysis } from '../../../main/contract';
import { hypothesisLabel } from '../../../main/vocabulary';
import { client } from '../api/client';
import { useGuarded } from '../state/errors';
import { TrashIcon } from '../ui/icons';
import { changeAnalysis } from './analysisData';

const MAX = 9;

export function Hypotheses({ analysis: a }: { analysis: Analysis }) {
  const qc = useQueryClient();
  const run = useGuarded();
  const [draft, setDraft] = useState('');
  const change = (call: () => Promise<Analysis>) => run(() => changeAnalysis(qc, a.briefId, call));
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    void change(() => client.addHypothesis({ analysisId: a.id, text })).then(() => setDraft(''));
  };
  return (
    <section className="hypotheses" aria-labelledby="hypotheses-heading">
      <h4 id="hypotheses-heading">Hypotheses ({a.hypotheses.length} of 2–{MAX})</h4>
      <ol>
        {a.hypotheses.map((h, i) => (
          <li key={h.id}>
            <span className="hyp-name">{hypothesisLabel(i)}</span>
            <input
              key={h.text}
              aria-label={`Hypothesis ${hypothesisLabel(i)}`}
              defaultValue={h.text}
              dir="auto"
              onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
              onBlur={(e) => {
                const text = e.target.value.trim();
                if (text && text !== h.text) void change(() => client.updateHypothesis({ hypothesisId: h.id, text }));
                else e.target.value = h.text;
              }}
            />
            <button type="button" className="icon-button" aria-label={`Delete hypothesis ${hypothesisLabel(i)}`} onClick={() => void change(() => client.removeHypothesis({ hypothesisId: h.id }))}>
              <TrashIcon />
            </button>
          </li>
        ))}
      </ol>
      {a.hypotheses.length < MAX && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <input aria-label="New hypothesis" placeholder="Another explanation of what happened" value={draft} onChange={(e) => setDraft(e.target.value)} dir="auto" />
          <button type="submit" className="small" disabled={!draft.trim()}>
            Add hypothesis
          </button>
        </form>
      )}
      {a.scores.suggestDeception && (
        <p className="advice" role="note">
          No hypothesis considers deception or denial. Heuer advises always weighing one: could the evidence have been staged to mislead?{' '}
          {a.hypotheses.length < MAX && (
            <button type="button" className="link-button" onClick={() => setDraft('Deception: the evidence was staged to mislead observers')}>
              Draft a deception hypothesis
            </button>
          )}
        </p>
      )}
    </section>
  );
}
