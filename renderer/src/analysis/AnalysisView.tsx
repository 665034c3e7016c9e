// The brief's structured analysis: the question, the hypotheses, the ACH matrix with its scores and
// sensitivity, and the Key Assumptions Check.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Analysis, BriefFull } from '../../../main/contract';
import { client } from '../api/client';
import { useGuarded } from '../state/errors';
import { AchMatrix } from './AchMatrix';
import type { RowOrder } from './rows';
import { changeAnalysis, useAnalysis } from '../mutations/analysis';
import { EvidenceAdder } from './EvidenceAdder';
import { Hypotheses } from './Hypotheses';
import { KeyAssumptions } from './KeyAssumptions';
import { RankingCitations } from './RankingCitations';
import { ScoreSummary } from './ScoreSummary';
import './analysis.css';

export function AnalysisView({ brief }: { brief: BriefFull }) {
  const qc = useQueryClient();
  const run = useGuarded();
  const analysis = useAnalysis(brief.id);
  const [order, setOrder] = useState<RowOrder>('analyst');
  const a = analysis.data;
  const change = (call: () => Promise<Analysis>) => run(() => changeAnalysis(qc, brief.id, call));
  // The box's new state is read now: the call runs later, after React has put the controlled box
  // back to the stored value until the answer comes.
  const weigh = (patch: { weighByRelevance: boolean } | { weighByCredibility: boolean }) => a && void change(() => client.updateAnalysis({ analysisId: a.id, ...patch }));
  return (
    <div className="analysis-view">
      <section className="ach" aria-labelledby="ach-heading">
        <div className="ach-head">
          <h3 id="ach-heading">Analysis of Competing Hypotheses</h3>
          {a && (
            <div className="ach-options">
              <label>
                <input type="checkbox" checked={a.weighByRelevance} onChange={(e) => weigh({ weighByRelevance: e.target.checked })} /> Weigh by relevance
              </label>
              <label>
                <input type="checkbox" checked={a.weighByCredibility} onChange={(e) => weigh({ weighByCredibility: e.target.checked })} /> Weigh by
                credibility
              </label>
              <label>
                Sort rows{' '}
                <select aria-label="Sort evidence rows" value={order} onChange={(e) => setOrder(e.target.value as RowOrder)}>
                  <option value="analyst">in the order added</option>
                  <option value="diagnosticity">by diagnosticity</option>
                </select>
              </label>
            </div>
          )}
        </div>
        {analysis.isPending ? (
          <p className="empty-note">Opening…</p>
        ) : !a ? (
          <div className="ach-start">
            <p>Lay out every reasonable explanation, then judge each piece of evidence against all of them: the hypothesis with the least evidence against it survives (Heuer).</p>
            <button type="button" className="primary" onClick={() => void change(() => client.createAnalysis({ briefId: brief.id, question: brief.title }))}>
              Start an analysis of competing hypotheses
            </button>
          </div>
        ) : (
          <>
            <label className="ach-question">
              Question
              <input
                key={a.question}
                defaultValue={a.question}
                dir="auto"
                placeholder="What is the analysis trying to explain?"
                onBlur={(e) => e.target.value.trim() !== a.question && void change(() => client.updateAnalysis({ analysisId: a.id, question: e.target.value }))}
              />
            </label>
            <Hypotheses analysis={a} />
            <ScoreSummary analysis={a} />
            {a.hypotheses.length >= 2 && <RankingCitations analysis={a} brief={brief} />}
            <EvidenceAdder analysis={a} brief={brief} />
            {a.hypotheses.length > 0 && <AchMatrix analysis={a} order={order} />}
          </>
        )}
      </section>
      <KeyAssumptions brief={brief} />
    </div>
  );
}
